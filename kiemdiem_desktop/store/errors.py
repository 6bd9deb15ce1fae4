"""Why a data file cannot be opened: each says what and where, in Vietnamese."""
from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg, translate


def sqlite_detail(err: BaseException) -> str:
    """SQLite's English reason, said in Vietnamese."""
    text = str(err).lower()
    if "full" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "ổ đĩa đã đầy")))
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "không có quyền ghi hoặc ổ đĩa chỉ cho đọc")))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "nội dung tệp bị hỏng")))
    if "disk i/o" in text or "i/o error" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "lỗi đọc ghi ổ đĩa")))
    if "locked" in text or "busy" in text:
        return str(msg(QT_TRANSLATE_NOOP("core", "tệp đang bị chương trình khác giữ")))
    return str(msg(QT_TRANSLATE_NOOP("core", "lỗi SQLite ({detail})"), detail=str(err)))


def value_detail(err: BaseException) -> str:
    return str(msg(QT_TRANSLATE_NOOP("core", "có giá trị chương trình không bao giờ ghi ({kind})"),
                   kind=type(err).__name__))


class StoreError(UserError):
    """A data file that cannot be used now (held open elsewhere, missing, disk full): exit 1."""


class RefusedFileError(StoreError):
    """A data file (or backup) refused for what it contains: exit 2, nothing written to it."""


class FileLockedError(StoreError):
    def __init__(self, path):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp dữ liệu {path} đang được mở trong một cửa sổ Kiểm điểm Desktop khác "
            "(hoặc một chương trình khác). Hãy đóng cửa sổ đó rồi thử lại."), path=str(path)))


class NewerVersionError(RefusedFileError):
    def __init__(self, path, found: int, known: int):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp {path} được tạo bởi phiên bản Kiểm điểm Desktop mới hơn (cấu trúc dữ liệu số {found}; "
            "phiên bản này chỉ đọc được đến số {known}). Hãy cập nhật chương trình; tệp không bị thay đổi."),
            path=str(path), found=found, known=known))


class NotOurFileError(RefusedFileError):
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
            "core", "Không ghi được vào {path}: {detail}. Thay đổi này chưa được lưu; dữ liệu đã lưu trước đó "
                    "vẫn còn nguyên."),
            path=str(path), detail=sqlite_detail(detail)))


class EmptyFileError(RefusedFileError):
    def __init__(self, path):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp {path} trống (0 byte): đây không phải tệp dữ liệu Kiểm điểm Desktop và chương trình không "
            "ghi gì vào đó. Để bắt đầu một tệp mới, hãy chọn một tên tệp chưa có."), path=str(path)))


class DamagedFileError(RefusedFileError):
    def __init__(self, path, detail: str = ""):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp dữ liệu {path} bị hỏng hoặc đã bị sửa ngoài chương trình (kiểm tra toàn vẹn không đạt{detail}): "
            "chương trình không dùng và không sửa tệp này. Hãy khôi phục từ một bản sao lưu vào một tệp mới."),
            path=str(path), detail=f": {detail}" if detail else ""))


class ForeignSchemaError(RefusedFileError):
    def __init__(self, path, version: int, extra: list[str], missing: list[str]):
        parts = []
        if extra:
            parts.append(str(msg(QT_TRANSLATE_NOOP("core", "có thêm {items}"), items=", ".join(extra[:5]))))
        if missing:
            parts.append(str(msg(QT_TRANSLATE_NOOP("core", "thiếu {items}"), items=", ".join(missing[:5]))))
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core",
            "Tệp {path} có cấu trúc khác cấu trúc số {version} của Kiểm điểm Desktop ({detail}): có thể đã bị "
            "sửa bằng chương trình khác. Không dùng tệp này; không ghi gì."),
            path=str(path), version=version, detail="; ".join(parts)))


class ReadOnlyError(StoreError):
    def __init__(self, path, folder: bool = False):
        if folder:
            text = QT_TRANSLATE_NOOP(
                "core",
                "Không mở được tệp dữ liệu {path} để ghi: thư mục {folder} chỉ cho đọc (hoặc không có quyền ghi). "
                "Tệp không bị hỏng; hãy chép nó sang một thư mục ghi được rồi mở bản chép.")
        else:
            text = QT_TRANSLATE_NOOP(
                "core",
                "Không mở được tệp dữ liệu {path} để ghi: tệp chỉ cho đọc (hoặc không có quyền ghi). "
                "Tệp không bị hỏng; hãy cho phép ghi tệp, hoặc chép nó rồi mở bản chép.")
        from pathlib import Path

        super().__init__(msg(text, path=str(path), folder=str(Path(path).parent)))


class WriteFailedError(StoreError):
    """Writing a file other than the data file failed (disk full, no permission): exit 1."""


class BackupFailedError(StoreError):
    def __init__(self, dest, detail: str, *, committed: bool = False):
        if committed:
            text = QT_TRANSLATE_NOOP(
                "core",
                "Thay đổi đã được lưu vào tệp dữ liệu, nhưng không tạo được bản sao lưu tự động {dest}: {detail}. "
                "Hãy giải phóng chỗ trống rồi sao lưu lại (lệnh backup).")
        else:
            text = QT_TRANSLATE_NOOP(
                "core", "Không tạo được bản sao lưu {dest}: {detail}. Tệp dữ liệu không bị thay đổi.")
        super().__init__(msg(text, dest=str(dest), detail=detail))


class OutputClashError(RefusedFileError):
    def __init__(self, path, what: str):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core", "Không ghi vào {path}: đó là {what}. Hãy chọn một tên tệp khác; không ghi gì."),
            path=str(path), what=what))


class KindMismatchError(RefusedFileError):
    _KINDS = {"cell": QT_TRANSLATE_NOOP("core", "tệp của một chi bộ"),
              "committee": QT_TRANSLATE_NOOP("core", "tệp của cấp ủy")}

    def __init__(self, src, src_kind: str, dest, dest_kind: str):
        super().__init__(msg(QT_TRANSLATE_NOOP(
            "core", "Bản sao lưu {src} là {theirs}, còn {dest} là {ours}: không khôi phục chéo. Không ghi gì; "
                    "hãy khôi phục vào một tệp mới."),
            src=str(src), dest=str(dest), theirs=translate(self._KINDS.get(src_kind, src_kind)),
            ours=translate(self._KINDS.get(dest_kind, dest_kind))))


class ConflictError(UserError):
    """Someone else wrote the same thing first (a shared store): nothing was overwritten."""
