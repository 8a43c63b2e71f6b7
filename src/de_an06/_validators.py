"""attrs validators and converters that raise :class:`~de_an06.ValidationError`.

attrs' own validators raise ``TypeError``/``ValueError`` with messages that do
not name the class; these name class, field and value, and reject the usual
traps: ``bool`` passed as a number, ``datetime`` passed as a date, NaN.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeGuard, TypeVar, cast

import attrs

from de_an06.errors import ValidationError

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

CODE_PATTERN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.\-]*[A-Za-z0-9])?")


def fail(owner: object, field: str, rule: str, value: object) -> ValidationError:
    """Build the library's one message shape: ``Owner.field rule (got value)``."""
    name = owner if isinstance(owner, str) else type(owner).__name__
    return ValidationError(
        f"{name}.{field} {rule} (got {value!r})", owner=name, field=field, value=value
    )


def difference(first: object, second: object) -> str:
    r"""What tells apart two unequal objects that print alike, for a mismatch message.

    Two jurisdictions (or indicators) with one code may still differ in a
    name, a level or a unit; the message names the first field that differs
    with both values, and adds their ASCII spelling when the text differs
    only in characters that look alike (a decomposed accent, a no-break
    space). Empty when the objects are equal, of different classes or of
    different codes (the message shows the codes).

    Examples
    --------
    >>> from de_an06 import Jurisdiction
    >>> a = Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level="province", parent="VN")
    >>> b = Jurisdiction("56", "Khanh Hoa", "Khánh Hoà", level="province", parent="VN")
    >>> print(difference(a, b))
    ; they differ in name_vi: 'Khánh Hòa' vs 'Khánh Hoà' ('Kh\xe1nh H\xf2a' vs ...)
    """
    kind = type(first)
    if (kind is not type(second) or not attrs.has(kind) or first == second
            or getattr(first, "code", None) != getattr(second, "code", None)):
        return ""
    # Unequal attrs objects differ in a compared field.
    name, one, other = next(
        (field.name, getattr(first, field.name), getattr(second, field.name))
        for field in attrs.fields(kind)
        if getattr(first, field.name) != getattr(second, field.name))
    text = f"; they differ in {name}: {one!r} vs {other!r}"
    if isinstance(one, str) and isinstance(other, str) and not (one.isascii() and other.isascii()):
        text += f" ({one!a} vs {other!a})"
    return text


def iterable(owner: object, field: str, value: object) -> Iterable[Any]:
    """`value` if it is an iterable other than text, else the library's error naming it.

    Iterable means that ``iter()`` takes it: a 0-d NumPy array says it is one
    and is not.
    """
    if not isinstance(value, (str, bytes)):
        try:
            iter(value)  # type: ignore[call-overload]
        except TypeError:
            pass
        else:
            return cast("Iterable[Any]", value)
    raise fail(owner, field, f"must be an iterable, not {_type_name(value)}", value)


def _type_name(value: object) -> str:
    return type(value).__name__


def is_plain_date(value: object) -> TypeGuard[dt.date]:
    """Whether `value` is a :class:`datetime.date` and not a :class:`datetime.datetime`.

    A ``datetime`` is a ``date`` to Python, but its time of day would be lost
    silently; every date argument and field of the library refuses it.
    """
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def checked_date(owner: object, field: str, value: object) -> dt.date:
    """`value` if it is a plain date (see :func:`is_plain_date`), else the library's error."""
    if not is_plain_date(value):
        raise fail(owner, field, f"must be a datetime.date, not {_type_name(value)}", value)
    return value


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    checked_date(instance, attribute.name, value)


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a :class:`datetime.date`."""
    if value is not None:
        is_date(instance, attribute, value)


def is_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An ``int`` (``bool`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(instance, attribute.name, f"must be an int, not {_type_name(value)}", value)


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    """``>= 0`` (``None`` passes)."""
    if value is not None and value < 0:
        raise fail(instance, attribute.name, "must be >= 0", value)


def positive(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    """``> 0`` (``None`` passes)."""
    if value is not None and value <= 0:
        raise fail(instance, attribute.name, "must be > 0", value)


def between(low: int, high: int) -> Validator:
    """An int in the closed range ``[low, high]``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        if not low <= value <= high:
            raise fail(instance, attribute.name, f"must be between {low} and {high}", value)

    return check


def is_instance(kind: type[Any]) -> Validator:
    """An instance of `kind` (exactly what attrs' ``instance_of`` checks)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise fail(instance, attribute.name,
                       f"must be a {kind.__name__}, not {_type_name(value)}", value)

    return check


def is_optional_instance(kind: type[Any]) -> Validator:
    """``None`` or an instance of `kind`."""
    inner = is_instance(kind)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def writable(owner: object, field: str, value: str) -> None:
    """Text every file the library writes can hold: no NUL, no lone surrogate.

    A CSV file cannot carry U+0000 (readers take it for a binary file) and no
    UTF-8 file a lone surrogate (``"\ud800"``), so the model refuses both
    rather than write a file it cannot read back.
    """
    if "\x00" in value:
        raise fail(owner, field, "must not hold a NUL character (U+0000)", value)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise fail(owner, field, "must not hold a lone surrogate "
                       f"({value[error.start]!a})", value) from None


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-blank ``str`` without surrounding whitespace (see :func:`writable`)."""
    if not isinstance(value, str):
        raise fail(instance, attribute.name, f"must be a str, not {_type_name(value)}", value)
    writable(instance, attribute.name, value)
    if not value.strip() or value != value.strip():
        raise fail(instance, attribute.name,
                   "must be non-empty text without surrounding whitespace", value)


def is_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or non-blank text."""
    if value is not None:
        is_text(instance, attribute, value)


def is_note(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Any ``str`` (may be empty) that files can hold (see :func:`writable`)."""
    if not isinstance(value, str):
        raise fail(instance, attribute.name, f"must be a str, not {_type_name(value)}", value)
    writable(instance, attribute.name, value)


def is_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An ASCII code: letters, digits, ``_``, ``.``, ``-``; alphanumeric at both ends."""
    if not isinstance(value, str):
        raise fail(instance, attribute.name, f"must be a str, not {_type_name(value)}", value)
    if not CODE_PATTERN.fullmatch(value):
        raise fail(instance, attribute.name,
                   "must be an ASCII code of letters, digits, '_', '.', '-'", value)


def is_tuple_of(kind: type[Any]) -> Validator:
    """A tuple whose every item is an instance of `kind`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise fail(instance, attribute.name, f"must be a tuple, not {_type_name(value)}",
                       value)
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise fail(instance, f"{attribute.name}[{index}]",
                           f"must be a {kind.__name__}, not {_type_name(item)}", item)

    return check


def unique_by(key: Callable[[Any], object], what: str) -> Validator:
    """Items of a tuple have distinct ``key(item)``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[object] = set()
        for item in value:
            k = key(item)
            if k in seen:
                raise fail(instance, attribute.name, f"must not repeat a {what}", k)
            seen.add(k)

    return check


def to_tuple(value: object) -> object:
    """Turn any non-string iterable into a tuple; leave anything else for the validator."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    try:
        return tuple(value)
    except TypeError:  # iterable in type only, like a 0-d NumPy array
        return value


def to_nfc(value: object) -> object:
    """NFC-normalise text so composed and decomposed Vietnamese compare equal."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def to_optional_nfc(value: object) -> object:
    """Like :func:`to_nfc`, letting ``None`` through."""
    return None if value is None else to_nfc(value)


def to_frozenset(value: object) -> object:
    """Turn a set, list or tuple into a frozenset; leave anything else for the validator."""
    if isinstance(value, (set, frozenset, list, tuple)):
        return frozenset(value)
    return value


def as_enum(kind: type[T], value: object) -> object:
    """Accept an enum member or its value (``"percent"`` for ``Unit.PERCENT``).

    Anything else is returned unchanged, for the instance-of validator to
    report with the field's name.
    """
    if isinstance(value, kind):
        return value
    try:
        return kind(value)  # type: ignore[call-arg]
    except (ValueError, TypeError):
        return value


def as_optional_enum(kind: type[T], value: object) -> object:
    """Like :func:`as_enum`, letting ``None`` through."""
    return None if value is None else as_enum(kind, value)
