"""JSON documents of a whole :class:`~de_an06.io.Dataset` (public through :mod:`de_an06.io`).

Readings, targets and claims refer to their indicator, jurisdiction and
source by ``code``. Field names are the attribute names of the domain
classes, read with the classes' type hints; enums are written as their
values, dates as ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import attrs

from de_an06 import _validators as v
from de_an06.errors import ParseError, ValidationError
from de_an06.io import cells
from de_an06.io._dataset import Dataset, known_by_code
from de_an06.model import (
    Claim,
    Indicator,
    Jurisdiction,
    Reading,
    Source,
    Target,
    Task,
)
from de_an06.parsing import NumberFormat

__all__ = [
    "FORMAT_VERSION",
    "dumps",
    "loads",
    "read_json",
    "write_json",
]

#: Version of the JSON document layout written by :func:`dumps`.
FORMAT_VERSION = 1

# The least number of digits int() may refuse (sys.set_int_max_str_digits allows no lower limit).
_LONG_DIGITS = re.compile(r"[0-9]{641,}")
_SECTIONS = ("sources", "jurisdictions", "indicators", "readings", "targets", "tasks",
             "claims")
# Fields that refer to another object by its code, and the section holding it.
_REFERENCES = {"indicator": "indicators", "jurisdiction": "jurisdictions", "source": "sources"}


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def _plain(value: object, *, by_code: bool) -> object:  # noqa: PLR0911 - one case per kind
    """One field value as JSON data; references become codes when `by_code`."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if by_code and isinstance(value, (Indicator, Jurisdiction, Source)):
        return value.code
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_plain(item, by_code=by_code) for item in value]
    if attrs.has(type(value)):
        return _record(value, by_code=by_code)
    return value


def _record(obj: Any, *, by_code: bool = False) -> dict[str, object]:  # noqa: ANN401
    """An attrs domain object as a JSON object, omitting fields left at their default."""
    record: dict[str, object] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = None if default.takes_self else default.factory()
        if field.default is not attrs.NOTHING and value == default:
            continue
        if isinstance(obj, Reading) and field.name == "value" and obj.printed_decimals == 0:
            value = int(value)  # 33.0 is printed 33; "33.0" would read as printed with a decimal
        record[field.name] = _plain(value, by_code=by_code)
    return record


def dumps(dataset: Dataset, *, indent: int | None = 1) -> str:
    """The JSON document for `dataset`.

    Raises
    ------
    ValidationError
        When two different objects share a code, so references would be
        ambiguous.
    """
    if not isinstance(dataset, Dataset):
        raise v.fail("dumps", "dataset", f"must be a Dataset, not {type(dataset).__name__}",
                     dataset)
    document: dict[str, object] = {"format": "de_an06", "version": FORMAT_VERSION}
    document["sources"] = [_record(x) for x in dataset.all_sources()]
    document["jurisdictions"] = [_record(x) for x in dataset.all_jurisdictions()]
    document["indicators"] = [_record(x) for x in dataset.all_indicators()]
    document["readings"] = [_record(x, by_code=True) for x in dataset.readings]
    document["targets"] = [_record(x, by_code=True) for x in dataset.targets]
    document["tasks"] = [_record(x) for x in dataset.tasks]
    if dataset.claims:
        document["claims"] = [_record(x, by_code=True) for x in dataset.claims]
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


def write_json(dataset: Dataset, path: str | Path | IO[str]) -> None:
    """Write `dataset` as a UTF-8 JSON document to `path` (a path or a text file)."""
    if not isinstance(path, (str, Path)) and not hasattr(path, "write"):
        raise v.fail("write_json", "path", "must be a path or a text stream", path)
    text = dumps(dataset)
    if isinstance(path, (str, Path)):
        Path(path).write_text(text, encoding="utf-8")
    else:
        path.write(text)


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


class _Reader:
    """Turns JSON data into domain objects, recording where it is."""

    def __init__(self, file: str, *, collect: bool, by_code: bool = True,
                 number_format: str | None = None,
                 known: dict[str, dict[str, Any]] | None = None) -> None:
        self.file = file
        self.number_format = number_format
        self.collect = collect
        self.by_code = by_code
        self.errors: list[ParseError] = []
        self.refs: dict[str, dict[str, Any]] = {name: {} for name in _REFERENCES.values()}
        self.known = known or {}

    def error(self, path: str, message: str) -> ParseError:
        return ParseError(message, file=self.file, column=path)

    def section(self, document: Mapping[str, Any], name: str, kind: type[Any]) -> list[Any]:
        items = document.get(name, [])
        if not isinstance(items, list):
            raise self.error(f"$.{name}", f"expected a list, got {_json_type(items)}")
        built = []
        for index, item in enumerate(items):
            path = f"$.{name}[{index}]"
            try:
                obj = self.build(kind, item, path)
            except ParseError as error:
                if not self.collect:
                    raise
                self.errors.append(error)
                continue
            if name in self.refs:
                if obj.code in self.refs[name]:
                    duplicate = self.error(f"{path}.code", f"duplicate code {obj.code!r}")
                    if not self.collect:
                        raise duplicate
                    self.errors.append(duplicate)
                    continue
                self.refs[name][obj.code] = obj
            built.append(obj)
        return built

    def build(self, kind: type[Any], item: object, path: str) -> Any:  # noqa: ANN401
        if not isinstance(item, dict):
            raise self.error(path, f"expected an object, got {_json_type(item)}")
        hints, fields = _layout(kind)
        unknown = sorted(set(item) - set(fields))
        if unknown:
            raise self.error(f"{path}.{unknown[0]}",
                             f"unknown field for {kind.__name__} (expected one of "
                             f"{', '.join(fields)})")
        kwargs = {}
        for name, raw in item.items():
            kwargs[name] = self.value(hints[name], raw, f"{path}.{name}", name)
        missing = [name for name, f in fields.items()
                   if f.default is attrs.NOTHING and name not in kwargs]
        if missing:
            raise self.error(path, f"missing field {missing[0]!r} for {kind.__name__}")
        try:
            return kind(**kwargs)
        except ValidationError as error:
            where = f"{path}.{error.field}" if error.field else path
            raise self.error(where, str(error)) from None

    def value(self, hint: Any, raw: object, path: str, name: str) -> object:  # noqa: ANN401
        args = typing.get_args(hint)
        if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
            if raw is None:
                return None
            hint = next(a for a in args if a is not type(None))
        if self.by_code and hint in (Indicator, Jurisdiction, Source) and name in _REFERENCES:
            return self.reference(_REFERENCES[name], raw, path)
        converter = _CONVERTERS.get(hint)
        if converter is not None:
            return converter(self, raw, path)
        origin = typing.get_origin(hint)
        if origin in (tuple, frozenset):
            if not isinstance(raw, list):
                raise self.error(path, f"expected a list, got {_json_type(raw)}")
            item_hint = typing.get_args(hint)[0]
            items = [self.value(item_hint, x, f"{path}[{i}]", name) if not attrs.has(item_hint)
                     else self.build(item_hint, x, f"{path}[{i}]") for i, x in enumerate(raw)]
            return origin(items)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            try:
                return cells.read_enum(hint, raw)
            except cells.CellError as error:
                raise self.error(path, str(error)) from None
        # Every other field type of the model is an attrs class.
        return self.build(hint, raw, path)

    def reference(self, section: str, raw: object, path: str) -> object:
        if not isinstance(raw, str):
            raise self.error(path, f"expected a code (string), got {_json_type(raw)}")
        found = self.refs[section].get(raw, self.known.get(section, {}).get(raw))
        if found is None:
            raise self.error(path, f"unknown {section[:-1]} code {raw!r}")
        return found


_Layout = tuple[dict[str, Any], dict[str, "attrs.Attribute[Any]"]]
_LAYOUTS: dict[type[Any], _Layout] = {}


def _layout(kind: type[Any]) -> _Layout:
    """The type hints and the attrs fields of a model class, worked out once per class.

    ``typing.get_type_hints`` evaluates every annotation of the class: done
    for each element, it was most of the time :func:`loads` took.
    """
    layout = _LAYOUTS.get(kind)
    if layout is None:
        layout = _LAYOUTS[kind] = (typing.get_type_hints(kind),
                                   {f.name: f for f in attrs.fields(kind)})
    return layout


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", Decimal: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _read_date(reader: _Reader, raw: object, path: str) -> dt.date:
    if not isinstance(raw, str):
        raise reader.error(path, f"cannot read {raw!r} as a date (expected YYYY-MM-DD)")
    try:
        return cells.read_date(raw, "plain")
    except cells.CellError as error:
        raise reader.error(path, str(error)) from None


def _read_number(reader: _Reader, raw: object, path: str) -> float | Decimal:
    if isinstance(raw, str) and reader.number_format is not None:
        try:
            return cells.read_number(raw, reader.number_format)
        except cells.CellError as error:
            raise reader.error(path, str(error)) from None
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        raise reader.error(path, f"cannot read {raw!r} as a number")
    return raw


def _read_int(reader: _Reader, raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise reader.error(path, f"cannot read {raw!r} as a whole number")
    return raw


def _read_bool(reader: _Reader, raw: object, path: str) -> bool:
    if not isinstance(raw, bool):
        raise reader.error(path, f"cannot read {raw!r} as true/false")
    return raw


def _read_text(reader: _Reader, raw: object, path: str) -> str:
    if not isinstance(raw, str):
        raise reader.error(path, f"expected a string, got {_json_type(raw)}")
    return raw


_CONVERTERS: dict[object, Callable[[_Reader, object, str], object]] = {
    dt.date: _read_date,
    float: _read_number,
    int: _read_int,
    bool: _read_bool,
    str: _read_text,
}


class _Repeated(dict[str, Any]):
    """A JSON object naming a key twice; `key` is the first repeated."""

    key: str = ""


def _repeated_key(node: object, path: str) -> str | None:
    """The JSON path of the first key named twice in one object, or ``None``."""
    if isinstance(node, _Repeated):
        return f"{path}.{node.key}"
    children: Any = ()
    if isinstance(node, dict):
        children = ((f"{path}.{k}", x) for k, x in node.items())
    elif isinstance(node, list):
        children = ((f"{path}[{i}]", x) for i, x in enumerate(node))
    return next((found for child_path, child in children
                 if (found := _repeated_key(child, child_path)) is not None), None)


def _json_float(text: str) -> float | Decimal:
    """A JSON fraction/exponent number: a Decimal keeping printed decimals ("98.90" has 2)."""
    number = Decimal(text)
    return number if int(number.as_tuple().exponent) < 0 else float(text)


def _pairs(repeated: list[_Repeated], items: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; one naming a key twice is marked and noted in `repeated`."""
    names = [k for k, _ in items]
    if len(set(names)) == len(names):
        return dict(items)
    obj = _Repeated(items)
    obj.key = next(k for i, k in enumerate(names) if k in names[:i])
    repeated.append(obj)
    return obj


def _parse_document(text: str, file: str) -> dict[str, Any]:
    repeated: list[_Repeated] = []
    try:
        document = json.loads(text, parse_float=_json_float,
                              object_pairs_hook=functools.partial(_pairs, repeated))
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg} (column {error.colno})", file=file,
                         line=error.lineno) from None
    except RecursionError:
        raise ParseError("invalid JSON: nested too deeply", file=file) from None
    except ValueError:
        # int() refuses integers of more than sys.get_int_max_str_digits() digits.
        match = _LONG_DIGITS.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        raise ParseError("invalid JSON: a number has too many digits to be read", file=file,
                         line=line) from None
    if repeated:
        raise ParseError("a key is given twice in one object (which one counts would be "
                         "a guess)", file=file, column=_repeated_key(document, "$"))
    if not isinstance(document, dict):
        raise ParseError(f"expected a JSON object at the top, got {_json_type(document)}",
                         file=file)
    if document.get("format", "de_an06") != "de_an06":
        raise ParseError(f"not a de_an06 document (format {document.get('format')!r})",
                         file=file, column="$.format")
    version = document.get("version", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:
        raise ParseError(f"unsupported version {version!r} (this library reads "
                         f"{FORMAT_VERSION})", file=file, column="$.version")
    unknown = sorted(set(document) - {"format", "version", *_SECTIONS})
    if unknown:
        raise ParseError(f"unknown section (expected {', '.join(_SECTIONS)})", file=file,
                         column=f"$.{unknown[0]}")
    return document


def loads(text: str, *, file: str = "<string>", collect_errors: bool = False,
          number_format: NumberFormat | None = None, known: Iterable[object] = ()) -> Dataset:
    """Read a JSON document from `text`.

    Parameters
    ----------
    text : str
        The document.
    file : str
        Name used in error messages.
    collect_errors : bool
        If false (the default), the first bad element raises and nothing is
        returned. If true, bad elements are left out and their errors are in
        ``Dataset.errors``; a document that is not valid JSON still raises.
    number_format : {None, "vi", "international"}
        By default numbers must be JSON numbers. With ``"vi"`` a number may
        also be a string printed the Vietnamese way (``"546.234"``,
        ``"65,57"``), with ``"international"`` the English way
        (``"1,497,360"``), as documents assembled by hand from reports often
        hold them. Such a string reads as an ``int`` when it has no decimals.
    known : iterable of Indicator, Jurisdiction or Source
        Objects the document may refer to by code without listing them in
        its own sections: ``known=datasets.indicators()`` lets readings and
        targets name any indicator of the bundled catalogue
        (``"eid-collected"``); one the document lists itself wins.

    Raises
    ------
    ParseError
        Naming the file and the JSON path of the bad element.
    ValidationError
        When `known` holds anything else, or two objects with one code.

    Examples
    --------
    >>> try:
    ...     loads('{"readings": [{"indicator": "x"}]}', file="mine.json")
    ... except ParseError as error:
    ...     print(error)
    mine.json: field '$.readings[0].indicator': unknown indicator code 'x'
    >>> doc = ('{"jurisdictions": [{"code": "56", "name": "Khanh Hoa", "name_vi": "Khánh Hòa",'
    ...        ' "level": "province", "parent": "VN"}], "indicators": [{"code": "eid",'
    ...        ' "name": "e-ID", "name_vi": "ĐDĐT", "unit": "people"}], "readings": [{"indicator":'
    ...        ' "eid", "jurisdiction": "56", "value": "546.234", "as_of": "2023-07-01"}]}')
    >>> loads(doc, number_format="vi").readings[0].value
    546234
    """
    if not isinstance(text, str):
        raise ParseError(f"expected JSON text (str), got {type(text).__name__}", file=file)
    document = _parse_document(text, file)
    given: object = number_format  # the annotation is not enforced
    if given is not None and (not isinstance(given, str) or given not in ("vi", "international")):
        raise v.fail("loads", "number_format", "must be None, 'vi' or 'international'",
                     number_format)
    reader = _Reader(file, collect=collect_errors, number_format=number_format,
                     known=known_by_code(known, "loads"))
    parts = {
        "sources": reader.section(document, "sources", Source),
        "jurisdictions": reader.section(document, "jurisdictions", Jurisdiction),
        "indicators": reader.section(document, "indicators", Indicator),
        "readings": reader.section(document, "readings", Reading),
        "targets": reader.section(document, "targets", Target),
        "tasks": reader.section(document, "tasks", Task),
        "claims": reader.section(document, "claims", Claim),
    }
    return Dataset(**parts, errors=reader.errors)


def read_json(path: str | Path | IO[str], *, collect_errors: bool = False,
              number_format: NumberFormat | None = None, known: Iterable[object] = ()) -> Dataset:
    """Read a JSON document from a path or an open text file.

    See :func:`loads` for `collect_errors`, `number_format`, `known` and the
    errors raised. A file that is not UTF-8 raises :class:`~de_an06.ParseError`.
    """
    if isinstance(path, (str, Path)):
        name = str(path)
        try:
            data = Path(path).read_bytes()
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"not UTF-8 text (byte {error.start})", file=name,
                             line=data.count(b"\n", 0, error.start) + 1) from None
        except OSError as error:
            raise ParseError(f"cannot read file: {error.strerror}", file=name) from None
    elif hasattr(path, "read"):
        name = getattr(path, "name", "<stream>")
        text = path.read()
        if not isinstance(text, str):
            raise ParseError("expected a text stream (open the file with encoding='utf-8')",
                             file=str(name))
        text = text.removeprefix("\ufeff")
    else:
        raise v.fail("read_json", "path", "must be a path or a text stream", path)
    return loads(text, file=str(name), collect_errors=collect_errors,
                 number_format=number_format, known=known)
