"""Type stubs for ringq, the RingCX Digital search language."""

import os
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, TypedDict, Union, final

__all__ = [
    "Calendar",
    "Diagnostic",
    "Mapping",
    "QueryError",
    "QueryWarning",
    "Replacement",
    "Template",
    "__version__",
    "check",
    "complete",
    "explain",
    "format",
    "omniq",
    "parse",
    "quote",
    "render",
    "resolve_date",
]

__version__: str

_Locale = Literal["en", "fr"]
_Prefer = Literal["past", "future"]
_Dates = Literal["ringcx", "intended"]
_Index = Literal[
    "templates_reports",
    "communicationlogs",
    "hsm_templates",
    "communications",
    "manual_instances",
    "users",
    "campaings",
    "profiles",
    "reports",
    "agents",
]

@final
class Diagnostic:
    """One problem in a query; ``q[d.start:d.end]`` is the text it is about."""

    @property
    def message(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def hint(self) -> Optional[str]: ...
    @property
    def suggestion(self) -> Optional[str]:
        """The same as ``hint`` (its earlier name)."""
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def code(self) -> str: ...
    @property
    def replacement(self) -> Optional[Replacement]:
        """The edit the hint proposes, when it proposes one."""

@final
class Replacement:
    """The edit a hint proposes: ``text`` in place of ``q[start:end]``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def apply(self, q: str) -> str:
        """``q`` with the edit made: ``q[:start] + text + q[end:]``."""

class QueryError(ValueError):
    """A query or date expression ringq does not accept."""

    diagnostics: List[Diagnostic]

class QueryWarning(UserWarning):
    """Something in a valid query deserves a second look."""

    diagnostics: List[Diagnostic]

@final
class Calendar:
    """Opening hours for business time, in the README's JSON schema."""

    @staticmethod
    def from_json(text: str) -> "Calendar": ...
    @staticmethod
    def from_file(path: Union[str, "os.PathLike[str]"]) -> "Calendar": ...
    def to_json(self) -> str: ...

@final
class Mapping:
    """RingCX keyword to OmniQ document field, added to the default mapping."""

    @staticmethod
    def from_json(text: str) -> "Mapping": ...
    @staticmethod
    def from_file(path: Union[str, "os.PathLike[str]"]) -> "Mapping": ...
    def to_json(self) -> str: ...

def check(
    q: str,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    lenient: bool = False,
) -> str:
    """The canonical form of a valid query; raises QueryError otherwise."""

def format(q: str, *, lenient: bool = False) -> str:
    """The canonical form, validated but without resolving dates (``ringq fmt``)."""

def parse(
    q: str,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    lenient: bool = False,
) -> List[Dict[str, Any]]:
    """The terms of ``ringq parse``: keyword, value, spans and resolved dates."""

def complete(
    q: str,
    cursor: Optional[int] = None,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    lenient: bool = False,
) -> Dict[str, Any]:
    """What a search box offers at ``cursor``: ``{"replace": {"start", "end"}, "items": [...]}`` (string indices)."""

def explain(
    q: str,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    lenient: bool = False,
) -> Dict[str, Any]:
    """The query term by term, as the service's ``/v1/explain`` answers it; never raises for an invalid query."""

def resolve_date(
    expr: str,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
) -> Tuple[datetime, datetime]:
    """The span ``[start, end)`` a date expression names, as aware UTC datetimes."""

def omniq(
    q: str,
    *,
    index: _Index,
    from_: int = 0,
    size: int = 10,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    mapping: Union[Mapping, Dict[str, str], None] = None,
    plan: bool = False,
) -> Dict[str, Any]:
    """The OmniQ getmydata body, or with ``plan=True`` ``{"request", "residual"}``."""

_Scalar = Union[str, int, float, bool, datetime, None]
_Value = Union[_Scalar, Sequence[_Scalar]]

class _Hole(TypedDict):
    name: str
    optional: bool
    kind: Literal["bool", "status", "id", "date", "order", "language", "text", "field"]
    keyword: Optional[str]
    start: int
    end: int

@final
class Template:
    """A query template read and checked once, rendered with many values."""

    def __new__(
        cls,
        template: str,
        *,
        now: Optional[datetime] = None,
        tz: str = "UTC",
        locale: _Locale = "en",
        prefer: _Prefer = "past",
        dates: _Dates = "ringcx",
        calendar: Optional[Calendar] = None,
        lenient: bool = False,
    ) -> "Template": ...
    def render(self, values: Optional[Dict[str, _Value]] = None, **holes: _Value) -> str:
        """The canonical query the values make; raises QueryError naming the hole at fault."""
    @property
    def holes(self) -> List[_Hole]: ...
    @property
    def template(self) -> str: ...

def render(
    template: str,
    values: Optional[Dict[str, _Value]] = None,
    *,
    now: Optional[datetime] = None,
    tz: str = "UTC",
    locale: _Locale = "en",
    prefer: _Prefer = "past",
    dates: _Dates = "ringcx",
    calendar: Optional[Calendar] = None,
    lenient: bool = False,
    **holes: _Value,
) -> str:
    """``Template(template, ...).render(values, **holes)`` in one step."""

def quote(value: str) -> str:
    """``value`` as one free-text term, quoted and escaped as it must be."""
