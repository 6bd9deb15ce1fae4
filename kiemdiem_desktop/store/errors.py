"""Why a data file cannot be opened: each says what and where, in Vietnamese."""
from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg


class StoreError(UserError):
    pass


class FileLockedError(StoreError):
    def __init__(self, path):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp dữ liệu {path} đang được mở trong một cửa sổ Kiểm điểm Desktop khác "
            "(hoặc một chương trình khác). Hãy đóng cửa sổ đó rồi thử lại."), path=str(path)))


class NewerVersionError(StoreError):
    def __init__(self, path, found: int, known: int):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp {path} được tạo bởi phiên bản Kiểm điểm Desktop mới hơn (cấu trúc dữ liệu số {found}; "
            "phiên bản này chỉ đọc được đến số {known}). Hãy cập nhật chương trình; tệp không bị thay đổi."),
            path=str(path), found=found, known=known))


class NotOurFileError(StoreError):
    def __init__(self, path, detail: str = ""):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp {path} không phải tệp dữ liệu Kiểm điểm Desktop hoặc đã bị hỏng. {detail}"),
            path=str(path), detail=detail))


class NetworkPathError(StoreError):
    def __init__(self, path):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp {path} nằm trên ổ mạng. Dữ liệu cuộc họp chỉ được ghi an toàn trên ổ đĩa của máy này: "
            "hãy chép tệp về máy (menu Tệp › Sao lưu / Khôi phục / Chuyển sang máy khác) rồi mở bản chép."),
            path=str(path)))


class MissingFileError(StoreError):
    def __init__(self, path):
        super().__init__(msg(QT_TRANSLATE_NOOP("core", "Không tìm thấy tệp dữ liệu {path}."), path=str(path)))


class DiskError(StoreError):
    def __init__(self, path, detail: str):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core", "Không ghi được vào {path}: {detail}. Dữ liệu đã lưu trước đó vẫn còn nguyên."),
            path=str(path), detail=detail))


class ConflictError(UserError):
    """Someone else wrote the same thing first (a shared store): nothing was overwritten."""
