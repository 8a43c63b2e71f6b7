"""Fuzzing of the finders of report prose (``make fuzz`` runs more examples).

Any text: the finders return mentions in order, each span inside the text
and reading back as its ``text``; the only exceptions are the documented ones
(``ParseError`` for non-text, which these texts are not).
"""

from __future__ import annotations

import datetime as dt

import pytest
from fuzzing import FUZZ, REPORTISH
from hypothesis import given
from hypothesis import strategies as st

from de_an06.parsing import find_dates, find_figures

pytestmark = pytest.mark.fuzz

PROSE = st.text(alphabet="0123456789.,;:%/-–() \n hngàyáthgầnơukoảđưrêiqýIVlcTPQĐvàđếnừbíư",
                max_size=120)
PUBLISHED = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(9998, 12, 31))


def _check(text: str, mentions: tuple[object, ...]) -> None:
    previous = 0
    for mention in mentions:
        start, end = mention.span  # type: ignore[attr-defined]
        assert previous <= start <= end <= len(text)
        assert text[start:end] == mention.text  # type: ignore[attr-defined]
        previous = end


@FUZZ
@given(text=st.text() | REPORTISH | PROSE, published=PUBLISHED)
def test_finders_are_total(text: str, published: dt.date | None) -> None:
    _check(text, find_figures(text, published=published, total=63))
    dates = find_dates(text, published=published)
    _check(text, dates)
    for mention in dates:
        assert (mention.start is None) == (mention.end is None)
        assert mention.start is None or mention.start <= mention.end  # type: ignore[operator]
