"""National and provincial ranks: a position out of a total, better when smaller."""

from __future__ import annotations

import attrs

from de_an06 import _validators as v

__all__ = ["Rank"]


@attrs.frozen
class Rank:
    """A position ``k`` out of ``n`` (1 is best), as in "25/63"; see :term:`áp chót`.

    Ranks order by quality: a rank is *less than* another when it is worse
    (a larger position), so ``max`` of ranks is the best one and
    ``sorted(ranks)`` runs from worst to best. ``<``, ``<=``, ``>`` and ``>=``
    form a total order among ranks out of the same total, consistent with
    ``==``. Ranks out of different totals do not compare (a
    :class:`~de_an06.ValidationError` says so); compare their
    :attr:`percentile` instead.

    Examples
    --------
    >>> Rank(62, 63) < Rank(37, 63)
    True
    >>> Rank(37, 63) >= Rank(37, 63)
    True
    >>> max(Rank(62, 63), Rank(37, 63))
    Rank(position=37, total=63)
    >>> Rank(25, 63).percentile
    61.29...
    >>> str(Rank(25, 63))
    '25/63'
    """

    position: int = attrs.field(validator=v.is_int)
    total: int = attrs.field(validator=[v.is_int, v.positive])

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.position <= self.total:
            raise v.fail(self, "position", f"must be between 1 and total={self.total}",
                         self.position)

    @property
    def percentile(self) -> float:
        """Share of units ranked at or below this one, on 0-100 (100 = first).

        Comparable across different totals (63 provinces before 2025, 34 after).
        """
        if self.total == 1:
            return 100.0
        return 100.0 * (self.total - self.position) / (self.total - 1)

    def __lt__(self, other: object) -> bool:
        """Worse-than: a larger position (comparable only for equal totals)."""
        if not isinstance(other, Rank):
            return NotImplemented
        self._same_total(other)
        return self.position > other.position

    def __le__(self, other: object) -> bool:
        """Worse than or equal to: a position no smaller."""
        if not isinstance(other, Rank):
            return NotImplemented
        self._same_total(other)
        return self.position >= other.position

    def __gt__(self, other: object) -> bool:
        """Better-than: ``other < self``."""
        if not isinstance(other, Rank):
            return NotImplemented
        return other < self

    def __ge__(self, other: object) -> bool:
        """Better than or equal to: ``other <= self``."""
        if not isinstance(other, Rank):
            return NotImplemented
        return other <= self

    def _same_total(self, other: Rank) -> None:
        if other.total != self.total:
            raise v.fail(self, "total", f"must equal the other rank's total {other.total} to "
                         "compare; use .percentile across totals", self.total)

    def __str__(self) -> str:
        return f"{self.position}/{self.total}"

