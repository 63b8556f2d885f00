"""The RingCX Digital search language, checked, formatted, parsed and
compiled to OmniQ ``getmydata`` bodies with the ``ringq`` Rust library's
exact behaviour.

>>> import ringq
>>> ringq.check("assigned_to_me:yes  -status_in:Replied refund")
'assigned_to_me:true -status_in:replied refund'

Every function raises :class:`QueryError` (a ``ValueError``) for a query
ringq does not accept; its ``diagnostics`` point into the string with
Python indices. Warnings about a valid query are issued as
:class:`QueryWarning` through the :mod:`warnings` module.
"""

from ringq._ringq import (
    Calendar,
    Diagnostic,
    Mapping,
    QueryError,
    QueryWarning,
    Replacement,
    Template,
    __version__,
    check,
    complete,
    explain,
    format,
    omniq,
    parse,
    quote,
    render,
    resolve_date,
)

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
