from __future__ import annotations

import pytest

import de_an06 as da


def test_family() -> None:
    for kind in (da.ValidationError, da.ParseError, da.UnknownCodeError,
                 da.InsufficientDataError):
        assert issubclass(kind, da.DeAn06Error)
        assert issubclass(kind, ValueError)
    assert issubclass(da.UnknownCodeError, KeyError)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "bad"),
        ({"file": "a.csv"}, "a.csv: bad"),
        ({"file": "a.csv", "line": 3}, "a.csv:3: bad"),
        ({"line": 3}, "line 3: bad"),
        ({"file": "a.json", "column": "$[0].value"}, "a.json: field '$[0].value': bad"),
    ],
)
def test_parse_error_location(kwargs: dict[str, object], expected: str) -> None:
    error = da.ParseError("bad", **kwargs)  # type: ignore[arg-type]
    assert str(error) == expected
    assert error.message == "bad"


def test_unknown_code_is_not_quoted() -> None:
    assert str(da.UnknownCodeError("unknown code 'x'")) == "unknown code 'x'"
    assert str(da.UnknownCodeError()) == ""
