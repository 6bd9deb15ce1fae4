"""Kiểm điểm Desktop: the Qt-free core and, in ``gui/``, its window."""

__version__ = "0.1.0"
APP_NAME = "Kiểm điểm Desktop"
