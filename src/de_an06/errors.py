"""The exceptions de_an06 raises.

Every error the library raises on purpose derives from :class:`DeAn06Error`,
which is a :class:`ValueError`, so code that already catches ``ValueError``
keeps working.

Examples
--------
>>> import de_an06
>>> try:
...     de_an06.Rank(64, 63)
... except de_an06.ValidationError as error:
...     print(error)
Rank.position must be between 1 and total=63 (got 64)
"""

from __future__ import annotations

__all__ = [
    "DeAn06Error",
    "InsufficientDataError",
    "MissingExtraError",
    "ParseError",
    "UnknownCodeError",
    "ValidationError",
]


def __dir__() -> list[str]:
    return __all__


class DeAn06Error(ValueError):
    """Base class of every error raised by de_an06.

    .. versionadded:: 0.1.0
    """


class ValidationError(DeAn06Error):
    """A value does not satisfy a domain rule.

    The message names the class, the field and the offending value; the same
    facts are kept as attributes for programs.

    Parameters
    ----------
    message : str
        The full, human-readable message.
    owner : str, optional
        Name of the class (or function) whose rule was broken.
    field : str, optional
        Name of the field or argument.
    value : object, optional
        The offending value, as given.

    Examples
    --------
    >>> from de_an06 import ValidationError
    >>> error = ValidationError("Rank.total must be > 0 (got 0)", owner="Rank", field="total",
    ...                         value=0)
    >>> error.field, error.value
    ('total', 0)

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        owner: str | None = None,
        field: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.owner = owner
        self.field = field
        self.value = value


class InsufficientDataError(ValidationError):
    """The data cannot support the requested computation.

    Raised, for example, when a trend is asked of a series with fewer than two
    distinct dates.

    Examples
    --------
    >>> from de_an06 import InsufficientDataError, ValidationError
    >>> issubclass(InsufficientDataError, ValidationError)
    True

    .. versionadded:: 0.1.0
    """


class ParseError(DeAn06Error):
    """Text (or a file) could not be read as the expected value.

    Parameters
    ----------
    message : str
        What was expected and what was found.
    text : str, optional
        The offending text, as given.
    position : int, optional
        0-based index in `text` where reading failed.
    file : str, optional
        Name of the file being read.
    line : int, optional
        1-based line number in `file`.
    column : str, optional
        Column (CSV), or path of the field (JSON, ``$.readings[0].value``,
        printed as ``field '$.readings[0].value'``).

    Examples
    --------
    >>> from de_an06 import ParseError
    >>> str(ParseError("cannot read '12..3' as a number", file="readings.csv", line=14,
    ...                column="value"))
    "readings.csv:14: column 'value': cannot read '12..3' as a number"

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        text: str | None = None,
        position: int | None = None,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.text = text
        self.position = position
        self.file = file
        self.line = line
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.column is not None:
            # A JSON path ("$.readings[0].value") names a field, not a column.
            kind = "field" if self.column.startswith("$") else "column"
            where += f"{kind} {self.column!r}: "
        return where + self.message


class UnknownCodeError(DeAn06Error, KeyError):
    """A code (province, indicator, service...) is not known to the library.

    Examples
    --------
    >>> from de_an06 import UnknownCodeError
    >>> isinstance(UnknownCodeError("unknown province code '99'"), KeyError)
    True

    .. versionadded:: 0.1.0
    """

    def __str__(self) -> str:
        # KeyError quotes its argument; a message reads better unquoted.
        return str(self.args[0]) if self.args else ""


class MissingExtraError(DeAn06Error, ModuleNotFoundError):
    """An optional dependency is not installed; the message names the extra to install.

    Raised before any work is done by the parts of the library that need an
    extra (plots, data frames, the working calendar, Excel files, Dask,
    strategies). It is also a :class:`ModuleNotFoundError`, whose ``name``
    is the missing module.

    Parameters
    ----------
    message : str
        What needs the module, and the ``pip install`` line.
    name : str
        The missing module.

    Examples
    --------
    >>> from de_an06 import MissingExtraError
    >>> error = MissingExtraError('plots need matplotlib: pip install "de_an06[plot]"',
    ...                           name="matplotlib")
    >>> isinstance(error, ModuleNotFoundError), error.name
    (True, 'matplotlib')

    .. versionadded:: 0.2.0
    """

    def __init__(self, message: str, *, name: str) -> None:
        ModuleNotFoundError.__init__(self, message, name=name)
