"""Progress that is counted, not fitted: completion of tasks and moves in a ranking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from de_an06 import _display
from de_an06 import _validators as v
from de_an06.analysis import _args as check
from de_an06.model import Rank, Task, TaskStatus


@attrs.frozen
class Completion:
    """How many tasks are done, in progress, not started and overdue.

    Build it from tasks with :func:`completion` or from reported counts with
    :meth:`from_counts`. Counts a report does not give are ``None``.

    Parameters
    ----------
    done : int
        Tasks completed.
    total : int
        All tasks (at least one).
    in_progress, not_started : int or None
        Tasks under way and not begun, when known.
    overdue : int or None
        Tasks not done whose deadline has passed, when known.
    as_of : datetime.date or None
        Date the counts hold at, when known.

    Raises
    ------
    ValidationError
        For a count that is not an int ``>= 0``, no tasks at all, more tasks
        done, in progress and not started than `total`, more overdue than not
        done, or an `as_of` that is not a date.

    Examples
    --------
    >>> Completion.from_counts(done=24, total=29, in_progress=5)
    Completion(done=24, total=29, in_progress=5, not_started=None, overdue=None, as_of=None)
    """

    done: int = attrs.field(validator=check.field(check.count))
    total: int = attrs.field(validator=check.field(check.count))
    in_progress: int | None = attrs.field(default=None, kw_only=True,
                                          validator=check.field(check.optional(check.count)))
    not_started: int | None = attrs.field(default=None, kw_only=True,
                                          validator=check.field(check.optional(check.count)))
    overdue: int | None = attrs.field(default=None, kw_only=True,
                                      validator=check.field(check.optional(check.count)))
    as_of: dt.date | None = attrs.field(default=None, kw_only=True,
                                        validator=check.field(check.optional(check.date)))

    def __attrs_post_init__(self) -> None:
        owner = "Completion"
        if self.total == 0:
            raise v.fail(owner, "total", "must be > 0", self.total)
        known = self.done + (self.in_progress or 0) + (self.not_started or 0)
        if known > self.total:
            raise v.fail(owner, "total", "must be at least done + in_progress + not_started",
                         self.total)
        if self.overdue is not None and self.overdue > self.total - self.done:
            raise v.fail(owner, "overdue", "must not exceed the tasks not done", self.overdue)

    @classmethod
    def from_counts(cls, *, done: int, total: int, in_progress: int | None = None,
                    not_started: int | None = None, overdue: int | None = None,
                    as_of: dt.date | None = None) -> Completion:
        """Completion from counts as a report prints them.

        Examples
        --------
        Trà Bồng achieved 11 of its 13 important tasks:

        >>> round(Completion.from_counts(done=11, total=13).percent, 2)
        84.62
        """
        return cls(done, total, in_progress=in_progress, not_started=not_started,
                   overdue=overdue, as_of=as_of)

    @property
    def percent(self) -> float:
        """``100 * done / total``."""
        return 100.0 * self.done / self.total

    @property
    def remaining(self) -> int:
        """Tasks not done."""
        return self.total - self.done

    def _repr_html_(self) -> str:
        return _display.completion_html(self)

    def __str__(self) -> str:
        return _display.completion_text(self)


def completion(tasks: Iterable[Task], *, as_of: dt.date) -> Completion:
    """Count tasks by status, and those overdue on `as_of`.

    Parameters
    ----------
    tasks : iterable of Task
        At least one task.
    as_of : datetime.date
        The date deadlines are checked against.

    Raises
    ------
    ValidationError
        For an item that is not a Task, no tasks, or a bad `as_of`.

    Examples
    --------
    >>> import datetime as dt
    >>> from de_an06 import Task
    >>> tasks = [Task(f"qn-{i:02d}", f"Task {i}", f"Nhiệm vụ {i}", owner="Quảng Ngãi",
    ...               deadline=dt.date(2024, 12, 31), status="done" if i < 24 else "in_progress")
    ...          for i in range(29)]
    >>> c = completion(tasks, as_of=dt.date(2024, 12, 1))
    >>> c.done, c.in_progress, round(c.percent, 2)
    (24, 5, 82.76)
    """
    owner = "completion"
    when = check.date(owner, "as_of", as_of)
    counts = dict.fromkeys(TaskStatus, 0)
    overdue = 0
    for index, task in enumerate(v.iterable(owner, "tasks", tasks)):
        if not isinstance(task, Task):
            raise v.fail(owner, f"tasks[{index}]", f"must be a Task, not {type(task).__name__}",
                         task)
        counts[task.status] += 1
        overdue += task.is_overdue(when)
    total = sum(counts.values())
    if total == 0:
        raise v.fail(owner, "tasks", "must hold at least one task", total)
    return Completion(counts[TaskStatus.DONE], total,
                      in_progress=counts[TaskStatus.IN_PROGRESS],
                      not_started=counts[TaskStatus.NOT_STARTED], overdue=overdue, as_of=when)


# --------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------


@attrs.frozen
class RankChange:
    """The move from one rank to another (1 is best).

    Parameters
    ----------
    before, after : Rank
        The earlier and later ranks.

    Raises
    ------
    ValidationError
        When `before` or `after` is not a :class:`~de_an06.Rank`.
    """

    before: Rank = attrs.field(validator=v.is_instance(Rank))
    after: Rank = attrs.field(validator=v.is_instance(Rank))

    @property
    def places(self) -> int | None:
        """Places gained (positive) or lost; ``None`` when the totals differ."""
        if self.before.total != self.after.total:
            return None
        return self.before.position - self.after.position

    @property
    def percentile_change(self) -> float:
        """Change of :attr:`Rank.percentile`, comparable across totals."""
        return self.after.percentile - self.before.percentile

    @property
    def improved(self) -> bool:
        """True when the later rank is relatively better."""
        return self.percentile_change > 0


def rank_change(before: Rank, after: Rank) -> RankChange:
    """How far a rank moved.

    Raises
    ------
    ValidationError
        When an argument is not a :class:`~de_an06.Rank`.

    Examples
    --------
    Khánh Hòa moved from second to last (62/63) to 37/63:

    >>> from de_an06 import Rank
    >>> change = rank_change(Rank(62, 63), Rank(37, 63))
    >>> change.places, change.improved
    (25, True)

    Across different totals only percentiles compare:

    >>> change = rank_change(Rank(25, 63), Rank(10, 34))
    >>> print(change.places, round(change.percentile_change, 2))
    None 11.44
    """
    for name, rank in (("before", before), ("after", after)):
        if not isinstance(rank, Rank):
            raise v.fail("rank_change", name, f"must be a Rank, not {type(rank).__name__}", rank)
    return RankChange(before, after)
