"""The cells of an Excel workbook (``.xlsx``) as text, for :func:`de_an06.io.read_table`.

Through the optional extra ``excel``: python-calamine (a Rust reader, about
ten times as fast as openpyxl on 100,000 rows, see ``benchmarks/read_table.py``)
when installed, else openpyxl. Typed cells become text a column reader
cannot misread: whole numbers as their digits, other numbers as Python
prints them (their column is then read in the ``plain`` number format),
dates as ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Final

from de_an06._extras import install_line
from de_an06.errors import ParseError

__all__ = ["read_rows", "typed_columns"]

_MISSING_EXTRA: Final = ("reading .xlsx files needs python-calamine or openpyxl: "
                         + install_line("excel"))


def _text(value: object) -> tuple[str, bool]:  # noqa: PLR0911 - one case per type
    """A cell as text, and whether it was a typed number or date."""
    if value is None or value == "":
        return "", False
    if isinstance(value, bool):
        return str(value).lower(), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)), True
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat(), True
        return value.isoformat(sep=" "), True
    if isinstance(value, dt.date):
        return value.isoformat(), True
    return str(value).strip(), False


def _calamine(path: Path, sheet: str | int | None) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    chosen = (book.get_sheet_by_name(sheet) if isinstance(sheet, str)
              else book.get_sheet_by_index(sheet or 0))
    rows: list[list[Any]] = chosen.to_python(skip_empty_area=False)
    return rows


def _openpyxl(path: Path, sheet: str | int | None) -> list[list[Any]]:
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        chosen = (book[sheet] if isinstance(sheet, str)
                  else book.worksheets[sheet or 0])
        return [list(row) for row in chosen.iter_rows(values_only=True)]
    finally:
        book.close()


def read_rows(path: Path, sheet: str | int | None,
              file: str) -> tuple[list[list[str]], list[list[bool]]]:
    """The rows of `sheet` (default: the first) as text, and which cells were typed.

    Raises
    ------
    ParseError
        When neither reader is installed, the file cannot be read, or the
        sheet does not exist.
    """
    try:
        import python_calamine  # noqa: F401
        read = _calamine
    except ImportError:
        try:
            import openpyxl  # noqa: F401
            read = _openpyxl
        except ImportError:
            raise ParseError(_MISSING_EXTRA, file=file) from None
    try:
        raw = read(path, sheet)
    except (KeyError, IndexError, ValueError) as error:
        raise ParseError(f"has no sheet {sheet!r} ({error})", file=file) from None
    except Exception as error:  # noqa: BLE001 - each reader raises its own errors
        if "NotFound" in type(error).__name__:  # calamine's WorksheetNotFound
            raise ParseError(f"has no sheet {sheet!r} ({error})", file=file) from None
        raise ParseError(f"cannot be read as a workbook ({type(error).__name__}: {error})",
                         file=file) from None
    rows: list[list[str]] = []
    typed: list[list[bool]] = []
    for row in raw:
        cells = [_text(value) for value in row]
        rows.append([text for text, _ in cells])
        typed.append([is_typed for _, is_typed in cells])
    return rows, typed


def typed_columns(rows: list[list[str]], typed: list[list[bool]]) -> frozenset[int]:
    """The columns whose filled cells were all typed numbers or dates."""
    seen: dict[int, bool] = {}
    for cells, flags in zip(rows, typed, strict=True):
        for index, (text, flag) in enumerate(zip(cells, flags, strict=True)):
            if text:
                seen[index] = seen.get(index, True) and flag
    return frozenset(i for i, flag in seen.items() if flag)
