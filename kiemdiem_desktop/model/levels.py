from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    EXCELLENT = "EXCELLENT"
    GOOD = "GOOD"
    COMPLETED = "COMPLETED"
    NOT_COMPLETED = "NOT_COMPLETED"


LEVEL_LABELS = {
    Level.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    Level.GOOD: "Hoàn thành tốt nhiệm vụ",
    Level.COMPLETED: "Hoàn thành nhiệm vụ",
    Level.NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
}
LEVEL_ABBREVIATIONS = {
    Level.EXCELLENT: "HTXSNV",
    Level.GOOD: "HTTNV",
    Level.COMPLETED: "HTNV",
    Level.NOT_COMPLETED: "KHTNV",
}
