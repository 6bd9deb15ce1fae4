from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP

from enum import Enum


class Level(str, Enum):
    EXCELLENT = "EXCELLENT"
    GOOD = "GOOD"
    COMPLETED = "COMPLETED"
    NOT_COMPLETED = "NOT_COMPLETED"


LEVEL_LABELS = {
    Level.EXCELLENT: QT_TRANSLATE_NOOP("core", "Hoàn thành xuất sắc nhiệm vụ"),
    Level.GOOD: QT_TRANSLATE_NOOP("core", "Hoàn thành tốt nhiệm vụ"),
    Level.COMPLETED: QT_TRANSLATE_NOOP("core", "Hoàn thành nhiệm vụ"),
    Level.NOT_COMPLETED: QT_TRANSLATE_NOOP("core", "Không hoàn thành nhiệm vụ"),
}
LEVEL_ABBREVIATIONS = {
    Level.EXCELLENT: "HTXSNV",
    Level.GOOD: "HTTNV",
    Level.COMPLETED: "HTNV",
    Level.NOT_COMPLETED: "KHTNV",
}
