"""Gửi cấp trên › Nhập thông báo kết quả của cấp ủy…: the cell records the levels its committee
decided (committee/notice.py import_decisions). The committee's key is confirmed the first time by
its fingerprint (read over the phone or from a letter); another key later is refused loudly. The
cell's own votes are never changed: the decisions appear in "Kết quả của cấp có thẩm quyền…" and
beside the member in the summary."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...committee.notice import NoticeRefused, import_decisions
from ...i18n import UserError
from ..common import error_text, show_error
from .keys import KeyDialog, split_fingerprint, tr


def confirm_committee_key(parent: QWidget, err: NoticeRefused) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, tr("Thông báo của cấp ủy nhận lần đầu"), "",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("committeeFirstSeenBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(tr("<p>Lần đầu nhận thông báo của <b>{who}</b>. Dấu vân tay khóa ký (SHA-256):</p>"
                   "<p style='font-family:monospace; font-size:13pt'><b>{fp}</b></p>"
                   "<p>Hãy đối chiếu từng nhóm với văn phòng cấp ủy (qua điện thoại hoặc văn bản). "
                   "Chỉ ghi nhận khóa này khi mọi nhóm đều khớp.</p>").format(
        who=err.committee, fp=split_fingerprint(err.fingerprint).replace("\n", "<br>")))
    yes = box.addButton(tr("Đã đối chiếu, khớp — &ghi nhận"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("&Không khớp / chưa đối chiếu"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def import_notice(parent: QWidget, cf, path: str | Path | None = None, load=None, confirm=None):
    """Ask for the notice and the cell's key, record the decisions; returns the result or None.
    ``load`` opens the cell's encryption key and ``confirm(err)`` answers the first-seen question (tests)."""
    if path is None:
        path = QFileDialog.getOpenFileName(parent, tr("Chọn tệp thông báo của cấp ủy"), "",
                                           tr("Thông báo (*.p7m);;Mọi tệp (*)"))[0]
        if not path:
            return None
    if load is None:
        dlg = KeyDialog("cell-encryption", tr("Khóa của chi bộ"), tr("Chọn khóa mã hóa của chi bộ để mở thông báo."), parent)
        if not dlg.exec():
            return None
        load = dlg.load
    confirm = confirm or (lambda err: confirm_committee_key(parent, err))
    try:
        with load() as key:
            try:
                result = import_decisions(cf, path, key)
            except NoticeRefused as err:
                if not err.first_seen or not confirm(err):
                    raise
                result = import_decisions(cf, path, key, trust=True)
    except UserError as err:
        show_error(parent, err, tr("Chưa ghi thông báo"))
        return None
    text = tr("Đã ghi {n} quyết định của {who}{old}. Kết quả biểu quyết của chi bộ giữ nguyên; xem ở "
              "“Kết quả của cấp có thẩm quyền…” trong cửa sổ hội nghị.").format(
        n=len(result.recorded), who=result.committee,
        old=tr(" ({n} đã có từ trước)").format(n=result.unchanged) if result.unchanged else "")
    if result.recorded:
        text += "\n\n" + "\n".join(result.recorded)
    if result.unknown:
        text += "\n\n" + tr("Không có trong tệp dữ liệu: {names}.").format(names=", ".join(result.unknown))
    box = QMessageBox(QMessageBox.Icon.Information, tr("Đã nhập thông báo của cấp ủy"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("decisionsImported")
    box.open()
    parent._decisions_box = box
    return result


__all__ = ["import_notice", "confirm_committee_key", "error_text"]
