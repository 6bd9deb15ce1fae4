"""From the documents window: sign the minutes per role (Ký số…) and make the signed, encrypted
package for the higher committee with its handover slip (Đóng gói gửi cấp trên…); the forms are
ui/sign_dialog.ui and ui/package_dialog.ui. The core
(crypto.pdf_sign, services.package) does the work, off the GUI thread; files are written atomically
by the core, so a failure leaves no half file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem, QWidget

from ...crypto.keys import fingerprint, load_recipient_certificate
from ...i18n import UserError
from ..common import ask_yes_no, error_text, refit, relayout, run_in_background, settings
from ..forms.ui_package_dialog import Ui_PackageDialog
from ..forms.ui_sign_dialog import Ui_SignDialog
from ..meeting.widgets import fit_initial_size
from .keys import (
    CERT_FILTER, committee_certificates, connect_browse, fingerprint_font, remember_committee_certificate,
    require_signing_key, set_error, split_fingerprint, tr,
)

ROLES = (("chu-tri", "Chủ trì"), ("thu-ky", "Thư ký"))


def role_label(report) -> str:
    """"Chủ trì" / "Thư ký" for a signature found in the PDF (never its field's name)."""
    from ...crypto.pdf_sign import FIELD_ROLES

    text = report.role or FIELD_ROLES.get(report.field, "") or tr("Chữ ký khác")
    return text[:1].upper() + text[1:].lower()


def missing_roles(pdf: str) -> list[str]:
    """The roles (Chủ trì, Thư ký) with no valid signature in the signed minutes ``pdf``."""
    from ...crypto.pdf_sign import FIELD_ROLES, ROLES as FIELDS, verify_pdf

    signed = {r.field for r in verify_pdf(pdf) if r.ok}
    return [label for value, label in ROLES if FIELDS[value][0] not in signed]
SIGNED_NAME = "bien-ban-ky-so.pdf"


def groups(hex_text: str) -> str:
    h = hex_text.upper().replace(" ", "")
    return " ".join(h[i:i + 4] for i in range(0, len(h), 4))


def size_text(n: int) -> str:
    mb = f"{n / 1048576:.1f}".replace(".", ",")
    return f"{n:,}".replace(",", ".") + f" byte ({mb} MB)"


def _when(iso: str) -> str:
    from datetime import datetime
    try:
        return f"{datetime.fromisoformat(iso).astimezone():%d/%m/%Y %H:%M:%S}"
    except ValueError:
        return iso


def export_folder() -> Path:
    return Path(str(settings().value("documents/export_folder", "") or Path.home()))


# -- signing the minutes ---------------------------------------------------------------------------
class SignDialog(QDialog, Ui_SignDialog):
    """Ký số biên bản: one role at a time; the second role signs the file the first produced
    (the form: ui/sign_dialog.ui)."""

    signed = Signal(str)
    failed = Signal(str)

    def __init__(self, source: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setupUi(self)
        self.busy = False
        self.result = self.sign_result           # the message under the button (QDialog.result() is unused)
        for value, label in ROLES:
            self.role.addItem(tr(label), value)
        refit(self.role)
        self.source.setText(str(source) if source else "")
        default_out = source if source and source.name == SIGNED_NAME else export_folder() / SIGNED_NAME
        self.out.setText(str(default_out))
        connect_browse(self.source, self.source_browse, self._pick_source)
        connect_browse(self.out, self.out_browse, self._pick_out)
        self.chooser.set_purpose("signer")
        self.new_key_button.clicked.connect(lambda: self.make_personal_key())
        self.sign_button.clicked.connect(self.sign)
        self.pdf = QPdfDocument(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.split.setSizes([560, 600])
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        relayout(self)
        fit_initial_size(self, 1200, 720)

    def make_personal_key(self, *, show: bool = True):
        """Tạo khóa cá nhân…: the key dialog's "new key" tab, for signing only, in the signer's
        name; the key made fills this dialog's key file."""
        from .keys import KeysDialog

        dlg = KeysDialog(self, cell_name="", remember_as="signer")
        dlg.setWindowTitle(tr("Tạo khóa cá nhân của người ký"))
        dlg.new_purpose.setCurrentIndex(dlg.new_purpose.findData("signing"))
        dlg.new_out.setText(str(Path(dlg.new_out.text()).with_name(
            "khoa-ca-nhan-" + self.role.currentData() + ".p12")))
        dlg.new_name.setPlaceholderText(tr("họ và tên người ký, ví dụ Nguyễn Văn Hùng"))
        dlg.keyMade.connect(lambda p12: (self.chooser.use_file(p12, ""), self.chooser.passphrase.setFocus()))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.key_dialog = dlg
        if show:
            dlg.open()
            dlg.new_name.setFocus()
        return dlg

    def _pick_source(self) -> str:
        return QFileDialog.getOpenFileName(self, tr("Chọn biên bản PDF"), self.source.text(), "PDF (*.pdf)")[0]

    def _pick_out(self) -> str:
        return QFileDialog.getSaveFileName(self, tr("Lưu biên bản đã ký"), self.out.text(), "PDF (*.pdf)")[0]

    def sign(self) -> None:
        if self.busy:
            return
        src, out = self.source.text().strip(), self.out.text().strip()
        if not src:
            return self._fail(tr("Chưa có biên bản PDF để ký."))
        if not out:
            return self._fail(tr("Chưa chọn nơi lưu bản đã ký."))
        try:
            load = self.chooser.loader()
        except UserError as err:
            return self._fail(error_text(err))
        role = self.role.currentData()
        self.busy = True
        self.sign_button.setEnabled(False)
        set_error(self.result, "")
        self.result.setText(tr("Đang ký…"))

        def job():
            from ...crypto.pdf_sign import sign_pdf, verify_pdf
            with load() as key:
                require_signing_key(key)
                path = sign_pdf(src, role, key, out)
            return path, verify_pdf(path)
        run_in_background(job, self._done, lambda err: self._fail(
            error_text(err) if isinstance(err, UserError) else tr("Chưa ký được: {e}").format(e=error_text(err))))

    def _done(self, result) -> None:
        path, reports = result
        self.busy = False
        self.sign_button.setEnabled(True)
        lines = []
        for r in reports:
            state = tr("còn nguyên vẹn") if r.ok else tr("KHÔNG HỢP LỆ hoặc đã bị sửa sau khi ký")
            lines.append(tr("<b>{role}</b>: {signer}, ký lúc {time}, {state}").format(
                role=role_label(r), signer=r.signer, time=_when(r.signing_time), state=state))
        self.result.setText(tr("Đã ký và lưu <b>{path}</b>.<br>").format(path=path) + "<br>".join(lines))
        self.reports = reports
        self.source.setText(str(path))           # the next role signs this file
        self.role.setCurrentIndex((self.role.currentIndex() + 1) % self.role.count())
        self.pdf.close()
        self.pdf.load(str(path))
        if self.pdf.pageCount() > 0:
            self.view.pageNavigator().jump(self.pdf.pageCount() - 1, self.view.pageNavigator().currentLocation())
        self.signed.emit(str(path))

    def _fail(self, text: str) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        set_error(self.result, text)
        self.failed.emit(text)

    def done(self, r: int) -> None:  # noqa: D401 - QDialog.done
        self.pdf.close()
        super().done(r)


# -- the package ---------------------------------------------------------------------------------------
class PackageDialog(QDialog, Ui_PackageDialog):
    """Đóng gói gửi cấp ủy cấp trên: the cell's key, the committee certificate(s), an optional scan,
    optional signed minutes; the package and the handover slip where the user chooses (the form:
    ui/package_dialog.ui; everything above Đóng scrolls on a short screen)."""

    packaged = Signal(object)       # PackageResult
    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None, *, signed_minutes: str = ""):
        super().__init__(parent)
        from ...services.package import default_file_name

        self.setObjectName("packageDialog")
        self.setupUi(self)
        self.session = session
        self.busy = False
        self.result = None
        cell, m = session.cell, session.meeting
        self.chooser.set_purpose("cell")
        self.minutes.setText(signed_minutes)
        self.out.setText(str(export_folder() / default_file_name(cell.name, cell.code, m.rating_year, m.revision)))
        for p in committee_certificates():
            try:
                self.add_certificate(p)
            except UserError:
                pass
        self.message.clear()

        self.add_cert.clicked.connect(self._pick_certificate)
        self.del_cert.clicked.connect(lambda: self.certs.takeItem(self.certs.currentRow()))
        self.add_scan.clicked.connect(self._pick_scans)
        self.del_scan.clicked.connect(lambda: self.scans.takeItem(self.scans.currentRow()))
        connect_browse(self.minutes, self.minutes_browse, self._pick_minutes)
        connect_browse(self.out, self.out_browse, self._pick_out)
        self.go.clicked.connect(self.package)
        fingerprint_font(self.sha, self.cert_fp)
        self.result_box.hide()
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đó&ng"))
        relayout(self)
        fit_initial_size(self, 1000, 700)

    # -- inputs ---------------------------------------------------------------------------------------
    def add_certificate(self, path: str) -> None:
        """Refused (UserError, the core's message) unless RSA with keyEncipherment."""
        try:
            cert = load_recipient_certificate(path)
        except UserError as err:
            set_error(self.message, error_text(err))
            raise
        path = str(Path(path).absolute())
        for i in range(self.certs.count()):
            if self.certs.item(i).data(Qt.ItemDataRole.UserRole) == path:
                return
        from ...crypto.keys import common_name
        item = QListWidgetItem(f"{common_name(cert)} — {fingerprint(cert)[:19]}… — {Path(path).name}")
        item.setData(Qt.ItemDataRole.UserRole, path)
        self.certs.addItem(item)
        remember_committee_certificate(path)
        set_error(self.message, "")

    def add_scan(self, path: str) -> None:
        item = QListWidgetItem(Path(path).name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.scans.addItem(item)

    def _pick_certificate(self) -> None:
        path = QFileDialog.getOpenFileName(self, tr("Chọn chứng thư của cấp ủy cấp trên"), "", CERT_FILTER)[0]
        if path:
            try:
                self.add_certificate(path)
            except UserError:
                pass

    def _pick_scans(self) -> None:
        paths = QFileDialog.getOpenFileNames(self, tr("Chọn bản quét biên bản giấy"), "",
                                             tr("PDF hoặc ảnh (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))[0]
        for p in paths:
            self.add_scan(p)

    def _pick_minutes(self) -> str:
        return QFileDialog.getOpenFileName(self, tr("Chọn biên bản đã ký số"), self.minutes.text(), "PDF (*.pdf)")[0]

    def _pick_out(self) -> str:
        return QFileDialog.getSaveFileName(self, tr("Lưu gói"), self.out.text(), tr("Gói (*.p7m)"))[0]

    # -- the work ---------------------------------------------------------------------------------------
    def package(self) -> None:
        from ...model import MeetingState

        if self.busy:
            return
        if self.session.meeting.state != MeetingState.LOCKED:
            return self._fail(tr("Cuộc họp chưa được thông qua biên bản (chưa khóa): chưa lập gói được."))
        certs = [self.certs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.certs.count())]
        if not certs:
            return self._fail(tr("Cần ít nhất một chứng thư số của cấp ủy cấp trên: bấm “Thêm chứng thư…”."))
        out = self.out.text().strip()
        if not out:
            return self._fail(tr("Chưa chọn nơi lưu gói."))
        if Path(out).exists() and not ask_yes_no(self, tr("Ghi đè?"), tr("Tệp {path} đã có. Ghi đè bằng gói mới?").format(
                path=out)):
            return
        try:
            load = self.chooser.loader()
            recipients = [load_recipient_certificate(c) for c in certs]
        except UserError as err:
            return self._fail(error_text(err))
        scans = [self.scans.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.scans.count())]
        minutes = self.minutes.text().strip() or None
        if minutes:
            try:
                lacking = missing_roles(minutes)
            except Exception as err:  # noqa: BLE001 - an unreadable file: the core says it again below
                lacking = []
                self._fail(tr("Không đọc được chữ ký trong {path}: {e}").format(path=minutes, e=error_text(err)))
                return
            if lacking and not ask_yes_no(self, tr("Biên bản chưa đủ chữ ký số"), tr(
                    "Biên bản đã ký số {path} chưa có chữ ký của: {roles}.\n\nVẫn đóng gói với biên bản này?").format(
                    path=Path(minutes).name, roles=", ".join(lacking))):
                return self._fail(tr("Chưa đóng gói: biên bản đã ký số còn thiếu chữ ký của {roles}.").format(
                    roles=", ".join(lacking)))
        cf, meeting_id = self.session.cf, self.session.meeting_id
        self.busy = True
        self.go.setEnabled(False)
        self.result_box.hide()
        set_error(self.message, "")
        self.message.setText(tr("Đang lập gói (ký và mã hóa)…"))

        def job():
            from ...services.package import make_package
            with load() as key:
                require_signing_key(key)
                return make_package(cf, meeting_id, key, recipients, out=out, signed_minutes=minutes, scans=scans)
        run_in_background(job, self._done, lambda err: self._fail(
            error_text(err) if isinstance(err, UserError) else tr("Chưa lập được gói: {e}").format(e=error_text(err))))

    def _done(self, r) -> None:
        self.busy = False
        self.go.setEnabled(True)
        self.result = r
        self.message.setText(tr("Đã lập gói. Chép tệp gói và in phiếu bàn giao để ký nhận khi giao."))
        self.summary.setText(tr("Tệp gói: <b>{path}</b><br>Phiếu bàn giao: <b>{slip}</b><br>Dung lượng: <b>{size}</b>").format(
            path=r.path, slip=r.slip, size=size_text(r.size)))
        self.sha.setText(split_fingerprint(groups(r.sha256)))
        self.cert_fp.setText("\n\n".join(split_fingerprint(fp) for fp in r.recipients))
        self.result_box.show()
        self.packaged.emit(r)

    def _fail(self, text: str) -> None:
        self.busy = False
        self.go.setEnabled(True)
        set_error(self.message, text)
        self.failed.emit(text)
