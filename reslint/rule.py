"""The rule contract: declared metadata, an ``Options`` dataclass and one generator."""

from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass
from typing import Any, ClassVar, Iterator, Literal, get_args, get_origin

from reslint.model import Document
from reslint.text import Span
from reslint.violations import Applicability, Fix, Severity, Violation

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class OptionError(ValueError):
    """A rule option is unknown or has the wrong type."""


@dataclass(frozen=True)
class NoOptions:
    """Rules without options use this empty record."""


class Rule:
    """Base class of every rule, built-in or third-party.

    Subclasses set ``code``, ``name``, ``summary``, optionally ``Options`` (a frozen
    dataclass), ``languages`` (empty: all), ``fix`` (an ``Applicability`` or None),
    ``default_enabled`` and ``severity``, write their documentation in the class
    docstring (sections ``## Why``, ``## Example``, ``## Use instead`` and
    ``## Fix safety``) and implement :meth:`check` as a generator.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    languages: ClassVar[tuple[str, ...]] = ()
    fix_availability: ClassVar[Applicability | None] = None
    default_enabled: ClassVar[bool] = True
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type] = NoOptions

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False):
            return  # a base class for rules of one family, not a rule
        if not CODE_PATTERN.match(cls.code):
            raise TypeError(f"{cls.__name__}: rule code {cls.code!r} must look like AB123")
        if not NAME_PATTERN.match(cls.name):
            raise TypeError(f"{cls.__name__}: rule name {cls.name!r} must be kebab-case")
        if not dataclasses.is_dataclass(cls.Options):
            raise TypeError(f"{cls.__name__}: Options must be a dataclass")

    def __init__(self, options: Any = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        if severity is not None:
            self.severity = severity

    def applies_to(self, document: Document) -> bool:
        """Return whether the rule runs on ``document`` (by language)."""
        return not self.languages or document.language in self.languages

    def check(self, document: Document) -> Iterator[Violation]:
        """Yield the violations of this rule in ``document``."""
        raise NotImplementedError

    def violation(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
    ) -> Violation:
        """Build a violation of this rule."""
        return Violation(self.code, self.name, message, span, self.severity, fix)

    @classmethod
    def documentation(cls) -> str:
        """Return the rule's documentation as Markdown."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def build_options(cls, table: dict[str, Any]) -> Any:
        """Validate a config table against ``Options`` and build the record.

        Raises:
            OptionError: an unknown key or a value of the wrong type.
        """
        fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls.Options)}
        hints = typing.get_type_hints(cls.Options)
        values: dict[str, Any] = {}
        for key, value in table.items():
            field = fields.get(key) or fields.get(key.replace("_", "-"))
            if field is None:
                known = ", ".join(sorted(fields)) or "none"
                raise OptionError(f"unknown option {key!r} (known: {known})")
            expected = hints[field.name]
            if not _conforms(value, expected):
                raise OptionError(f"option {key!r} must be {_describe(expected)}, not {value!r}")
            values[field.name] = tuple(value) if isinstance(value, list) else value
        return cls.Options(**values)


def _conforms(value: Any, expected: Any) -> bool:
    origin = get_origin(expected)
    if origin is Literal:
        return value in get_args(expected)
    if origin in (tuple, list):
        args = [a for a in get_args(expected) if a is not Ellipsis]
        return isinstance(value, (list, tuple)) and all(_conforms(item, args[0]) for item in value)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        return any(_conforms(value, arg) for arg in get_args(expected))
    if expected is type(None):
        return value is None
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, expected)


def _describe(expected: Any) -> str:
    origin = get_origin(expected)
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(expected))
    if origin in (tuple, list):
        return "a list"
    return getattr(expected, "__name__", str(expected))
