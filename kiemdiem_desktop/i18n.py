"""Translation markers for the Qt-free core.

User-visible strings are Vietnamese source text. The core marks them with
``QT_TRANSLATE_NOOP("core", "…")`` — a name that ``pyside6-lupdate`` extracts — and
the GUI translates them at display time with ``QCoreApplication.translate``.
Messages with values keep the template apart from the values (``UserMessage``) so
the template can be translated before the values are filled in. Documents are never
translated.
"""
from __future__ import annotations

from dataclasses import dataclass, field as _field, replace
from typing import Any, Callable

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


# Set by the GUI at start-up to QCoreApplication.translate; identity in the core.
_translator: Callable[[str, str], str] = lambda context, text: text


def install_translator(fn: Callable[[str, str], str]) -> None:
    global _translator
    _translator = fn


def translate(text: str, context: str = CONTEXT) -> str:
    return _translator(context, text)


@dataclass(frozen=True)
class UserMessage:
    """A message for a person: a marked template and the values to fill in; for a program, what it
    is (``code``, stable: "opening.no_chair") and the field it concerns (``field``: "chair_id",
    "conclusion", "birth_date"…; "" when none), so that a window picks the widget to highlight
    or the way to show it by code and field, never by the words."""

    template: str
    values: dict[str, Any] = _field(default_factory=dict)
    code: str = ""
    field: str = ""

    def __str__(self) -> str:
        if not self.values:   # a plain message: braces in it (a file name, a package's text) are text
            return translate(self.template)
        return translate(self.template).format(**self.values)

    def tagged(self, code: str, field: str = "") -> "UserMessage":
        return replace(self, code=code, field=field)


def msg(template: str, **values: Any) -> UserMessage:
    return UserMessage(template, values)


class UserError(Exception):
    """An error to show as it is: the message says what and where, in Vietnamese."""

    def __init__(self, message: UserMessage | str):
        self.message = message if isinstance(message, UserMessage) else UserMessage(message)
        super().__init__(str(self.message))

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def field(self) -> str:
        return self.message.field
