"""Cấp ủy cấp trên: the higher committee's own data file (kind "committee"), its inbox per rating
year, and "Mở gói…" — open a package with the committee's key, check the signer against the
register (a first package asks for the fingerprint to be confirmed; another key for a known cell
is refused with a loud warning; a CA-issued certificate must chain to a root imported with "Nhập
chứng thư gốc (CA)…"), unpack it and record it. Refusals show the core's two classes."""
from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
    QLineEdit, QMainWindow, QMessageBox, QPushButton, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...committee.year import CommitteeOffice
from ...crypto.open_package import DAMAGED, NOT_FOR_KEY, PackageRefused, read_package_file
from ...crypto.chain import CA_VALID
from ...crypto.identity import visible
from ...crypto.keys import common_name, fingerprint
from ...committee.register import FIRST_SEEN, KNOWN, NEW_KEY, NO_IDENTITY, REFUSED, CommitteeRegister
from ...i18n import UserError
from ..common import error_text, run_in_background, set_style_property, settings, show_error
from .keys import KeyDialog, split_fingerprint, tr

STATES = {"verified": "đã xác minh", "refused": "bị từ chối", "superseded": "đã có bản mới hơn"}
STATE_COLOURS = {"verified": "#1b5e20", "refused": "#b00020", "superseded": "#6d6d6d"}
COLUMNS = ("Chi bộ", "Cuộc họp", "Lần", "Nhận lúc", "Trạng thái", "Tệp gói")
FILE_FILTER = "Tệp dữ liệu cấp ủy (*.capuy *.kiemdiem);;Mọi tệp (*)"


def local_time(value: str | None) -> str:
    """A stored timestamp ("2026-11-29T20:06:48+07:00") as the clerk reads it: local time,
    dd/mm/yyyy HH:MM (other text as it is)."""
    try:
        t = datetime.fromisoformat(value or "")
    except ValueError:
        return value or ""
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%d/%m/%Y %H:%M")


def confirm_first_seen(parent: QWidget, decision, opened=None) -> bool:
    """The first package from a cell: the fingerprint computed here from the signer's certificate,
    in its own field, to check against the slip or by phone. Names from the package are shown as
    plain text with every control and format character made visible: a name cannot push the real
    fingerprint out of view or draw a false one."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Chi bộ gửi gói lần đầu"), "", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("firstSeenBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    if opened is not None:
        cell, fp = opened.cell, fingerprint(opened.signer_certificate)
        who = tr("Lần đầu nhận gói của <b>{name}</b> (mã <b>{code}</b>), ký bởi “{signer}”.").format(
            name=html.escape(visible(cell.get("name"), limit=160)), code=html.escape(visible(cell.get("code"), limit=60)),
            signer=html.escape(visible(common_name(opened.signer_certificate))))
    else:
        fp = decision.message.partition("\n")[2].split("\n")[0].strip()
        who = html.escape(visible(decision.message.partition("\n")[0]))
    warn = [line for line in decision.message.split("\n") if line.startswith("CHÚ Ý")]
    box.setText(tr("<p>{who}</p><p>Dấu vân tay khóa ký (SHA-256), tính từ chứng thư trong gói:</p>").format(who=who))
    field = QLabel(split_fingerprint(fp))
    field.setObjectName("firstSeenFingerprint")
    field.setTextFormat(Qt.TextFormat.PlainText)
    field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPointSizeF(box.font().pointSizeF() + 2)       # follows the zoom of the window
    mono.setBold(True)
    field.setFont(mono)
    after = QLabel(tr("Hãy đối chiếu từng nhóm với <b>phiếu bàn giao</b> hoặc đọc qua <b>điện thoại</b> với chi bộ. "
                      "Chỉ ghi khóa này vào sổ đăng ký khi mọi nhóm đều khớp.")
                   + "".join(f"<p style='color:#b00020'><b>{html.escape(visible(w, limit=600))}</b></p>" for w in warn))
    after.setObjectName("firstSeenAdvice")
    after.setTextFormat(Qt.TextFormat.RichText)
    after.setWordWrap(True)
    grid = box.layout()                       # the field and the advice above the buttons
    buttons = box.findChild(QDialogButtonBox)
    grid.removeWidget(buttons)
    row, cols = grid.rowCount(), grid.columnCount()
    grid.addWidget(field, row, 1, 1, cols - 1)
    grid.addWidget(after, row + 1, 1, 1, cols - 1)
    grid.addWidget(buttons, row + 2, 0, 1, cols)
    yes = box.addButton(tr("Đã đối chiếu, khớp — &ghi vào sổ"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("&Không khớp / chưa đối chiếu"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_plain_error(parent: QWidget, err: BaseException | str, title: str) -> None:
    """An error whose text may hold a package's names: plain text (never rendered as HTML), every
    control character visible."""
    text = err if isinstance(err, str) else error_text(err)
    box = QMessageBox(QMessageBox.Icon.Warning, title, visible(text, keep_newlines=True, limit=4000),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def confirm_expired(parent: QWidget, opened) -> bool:
    """The signer's certificate expired before the package arrived: a loud warning; opened only when
    the user says the cell confirmed it."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("CẢNH BÁO: chứng thư của người ký đã hết hạn"), "",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("expiredBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText("<div style='color:#b00020; font-size:13pt'><b>{}</b></div>".format(
        html.escape(visible(opened.expired_warning, limit=0))))
    yes = box.addButton(tr("Chi bộ đã xác nhận — &vẫn mở gói"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("&Không mở"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def warn_new_key(parent: QWidget, decision, text: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("CẢNH BÁO: khóa ký khác với sổ đăng ký"), "",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("newKeyBox")
    box.setTextFormat(Qt.TextFormat.RichText)
    body = html.escape(visible(text or decision.message, keep_newlines=True, limit=0)).replace("\n", "<br>")
    box.setText(f"<div style='color:#b00020; font-size:13pt'><b>{body}</b></div>"
                )
    box.exec()


class CommitteeWindow(QMainWindow):
    """The committee mode on one data file at a time."""

    opened = Signal(str)          # a state: "verified", "refused", "cancelled", or a refusal class
    refused = Signal(str)         # the message shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("committeeWindow")
        self.setWindowTitle(tr("Cấp ủy cấp trên — hộp thư gói của các chi bộ"))
        self.register: CommitteeRegister | None = None
        self.office: CommitteeOffice | None = None
        self._key_loader = None      # the committee's key as opened this sitting: memory only, forgotten on close
        self.busy = False
        self.last_message = ""

        self.file_label = QLabel(tr("Chưa mở tệp dữ liệu của cấp ủy."))
        self.file_label.setObjectName("committeeFile")
        self.file_label.setWordWrap(True)
        new_b = QPushButton(tr("&Tạo tệp mới…"))
        new_b.clicked.connect(lambda: self.create_file())
        open_b = QPushButton(tr("Mở &tệp…"))
        open_b.clicked.connect(lambda: self.open_file())
        shared_b = QPushButton(tr("Kho &dùng chung…"))
        shared_b.setObjectName("openShared")
        shared_b.setToolTip(tr("Kho dữ liệu PostgreSQL mà nhiều cán bộ văn phòng cùng dùng (postgresql://…)"))
        shared_b.clicked.connect(lambda: self.open_shared())
        self.year = QComboBox()
        self.year.setObjectName("inboxYear")
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)   # "Tất cả các năm" whole
        self.year.currentIndexChanged.connect(self._year_chosen)   # reload() fills it with signals blocked
        year_label = QLabel(tr("&Năm đánh giá:"))
        year_label.setBuddy(self.year)
        self.open_button = QPushButton(tr("&Mở gói…"))
        self.open_button.setObjectName("openPackage")
        self.open_button.setToolTip("Ctrl+O")
        self.open_button.clicked.connect(lambda: self.open_package())
        self.folder_button = QPushButton(tr("Mở &cả thư mục gói…"))
        self.folder_button.setObjectName("openFolder")
        self.folder_button.setToolTip(tr("Mọi tệp .p7m trong một thư mục, lần lượt; gói bị từ chối được nêu tên, "
                                         "các gói khác vẫn được mở"))
        self.folder_button.clicked.connect(lambda: self.open_folder())
        self.root_button = QPushButton(tr("Nhập chứng thư &gốc (CA)…"))
        self.root_button.setObjectName("importRoot")
        self.root_button.setToolTip(tr("Chứng thư gốc của tổ chức chứng thực cấp chứng thư cho các chi bộ "
                                       "(.cer/.crt/.pem/.der)"))
        self.root_button.clicked.connect(lambda: self.import_root())
        act = QAction(self)
        act.setShortcut(QKeySequence("Ctrl+O"))
        act.triggered.connect(lambda: self.open_button.isEnabled() and self.open_package())
        self.addAction(act)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("inbox")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("inboxDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("committeeMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)     # it may hold names from a package
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(new_b)
        top.addWidget(open_b)
        top.addWidget(shared_b)
        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.root_button)
        bar.addWidget(self.folder_button)
        bar.addWidget(self.open_button)
        from .committee_year import YearPage

        inbox_page = QWidget()
        ilay = QVBoxLayout(inbox_page)
        ilay.addLayout(bar)
        ilay.addWidget(self.table, 1)
        ilay.addWidget(self.detail)
        self.year_page = YearPage()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("committeeTabs")
        self.tabs.addTab(inbox_page, tr("&Hộp thư gói"))
        self.tabs.addTab(self.year_page, tr("Năm đánh giá của đảng &bộ"))
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.message)
        self.setCentralWidget(central)
        self.resize(1366, 768)
        self._update()

    # -- the data file --------------------------------------------------------------------------------
    def create_file(self, path: str | Path | None = None) -> bool:
        if path is None:
            path = QFileDialog.getSaveFileName(self, tr("Tạo tệp dữ liệu của cấp ủy"),
                                               str(Path.home() / "cap-uy.capuy"), FILE_FILTER)[0]
            if not path:
                return False
        if Path(path).exists():
            show_error(self, tr("Tệp {path} đã có: hãy chọn “Mở tệp…” hoặc một tên khác.").format(path=path))
            return False
        return self._use(path, create=True)

    def open_file(self, path: str | Path | None = None) -> bool:
        if path is None:
            start = str(settings().value("committee/file", "") or Path.home())
            path = QFileDialog.getOpenFileName(self, tr("Mở tệp dữ liệu của cấp ủy"), start, FILE_FILTER)[0]
            if not path:
                return False
        return self._use(path, create=False)

    def open_shared(self, url: str | None = None) -> bool:
        """A shared PostgreSQL store (postgresql://user@host/db)."""
        if url is None:
            url, ok = QInputDialog.getText(self, tr("Kho dữ liệu dùng chung"),
                                           tr("Địa chỉ kho PostgreSQL (ví dụ postgresql://canbo@maychu/capuy):"),
                                           QLineEdit.EchoMode.Normal, str(settings().value("committee/url", "") or ""))
            if not ok or not url.strip():
                return False
        return self._use(url.strip(), create=True)

    def _use(self, path: str | Path, *, create: bool) -> bool:
        from ...committee.year import is_postgres_url, safe_url, url_without_password

        try:
            office = CommitteeOffice(path, create=create)
        except UserError as err:
            show_error(self, err, tr("Không mở được tệp"))
            return False
        self._close_register()
        self.office, self.register = office, office.register
        s = settings()
        if is_postgres_url(path):
            s.setValue("committee/url", url_without_password(str(path)))
            self.file_label.setText(tr("Kho dữ liệu dùng chung: <b>{url}</b>").format(url=safe_url(office.location)))
        else:
            s.setValue("committee/file", str(Path(path).absolute()))
            self.file_label.setText(tr("Tệp dữ liệu của cấp ủy: <b>{path}</b>").format(path=path))
        s.sync()
        self.reload()
        self.year_page.set_office(office)
        return True

    def _close_register(self) -> None:
        if self.office is not None:
            self.year_page.set_office(None)
            self.office.close()
            self.office = None
            self.register = None

    # -- the inbox ------------------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        if self.register is None:
            return []
        year = self.year.currentData()
        return self.register.inbox(year or None)

    def reload(self) -> None:
        if self.register is None:
            self._update()
            return
        years = sorted({r["rating_year"] for r in self.register.inbox(None) if r["rating_year"]}, reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("Tất cả các năm"), 0)
        for y in years:
            self.year.addItem(str(y), y)
        chosen = getattr(self, "_chosen_year", None)    # the user's own choice ("Tất cả các năm" too) stays
        if chosen == 0 or chosen in years:
            current = chosen
        i = self.year.findData(current if current in years or current == chosen == 0 else (years[0] if years else 0))
        self.year.setCurrentIndex(max(i, 0))
        self.year.blockSignals(False)
        self._rows = self.rows()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            meeting = tr("Năm {year}").format(year=row["rating_year"]) if row["rating_year"] else ""
            values = (visible(row["cell_name"]), meeting, str(row["revision"]), local_time(row["received_at"]),
                      tr(STATES.get(row["state"], row["state"])), row["file_name"])
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 4:
                    item.setForeground(QBrush(QColor(STATE_COLOURS.get(row["state"], "#000000"))))
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(r, c, item)
        self._update()

    def _year_chosen(self, i: int) -> None:
        self._chosen_year = self.year.itemData(i)      # the user's choice, "Tất cả các năm" (0) too
        self.reload()

    def _show_detail(self) -> None:
        r = self.table.currentRow()
        rows = getattr(self, "_rows", [])
        if not (0 <= r < len(rows)):
            self.detail.clear()
            return
        row = rows[r]
        def safe(v) -> str:
            return html.escape(visible(v, keep_newlines=True, limit=1000)).replace("\n", "<br>")

        text = tr("Khóa ký: {fp}").format(fp=safe(row["signer_fingerprint"]))
        if row.get("folder"):
            text += "<br>" + tr("Đã mở vào: {folder}").format(folder=safe(row["folder"]))
        if row.get("chain"):
            text += "<br>" + tr("Chứng thư: {chain}").format(chain=safe(row["chain"]))
        if row.get("reason"):
            text += "<br>" + tr("Lý do: {reason}").format(reason=safe(row["reason"]))
        self.detail.setText(text)

    def _update(self) -> None:
        self.open_button.setEnabled(self.register is not None and not self.busy)
        self.folder_button.setEnabled(self.register is not None and not self.busy)
        self.root_button.setEnabled(self.register is not None and not self.busy)
        self.year.setEnabled(self.register is not None)

    # -- the CA roots --------------------------------------------------------------------------------
    def import_root(self, path: str | Path | None = None) -> bool:
        if self.register is None or self.busy:
            return False
        if path is None:
            path = QFileDialog.getOpenFileName(self, tr("Chọn chứng thư gốc của tổ chức chứng thực"), "",
                                               tr("Chứng thư số (*.cer *.crt *.pem *.der);;Mọi tệp (*)"))[0]
            if not path:
                return False
        try:
            cert, fp, new = self.register.import_root(path)
        except UserError as err:
            self._say(error_text(err), error=True)
            show_plain_error(self, err, tr("Không nhập được chứng thư gốc"))
            return False
        from ...crypto.keys import common_name

        self._say((tr("Đã nhập chứng thư gốc “{name}”.") if new else tr("Chứng thư gốc “{name}” đã có trong sổ.")).format(
            name=common_name(cert)) + " " + tr("Dấu vân tay (SHA-256): {fp} — hãy đối chiếu với tổ chức chứng thực.").format(
            fp=fp))
        return True

    # -- opening a package ---------------------------------------------------------------------------
    def target_folder(self, package: Path, sha256: str) -> Path:
        """Where a package is unpacked: beside the data file, one folder per package."""
        assert self.register is not None
        if self.register.path is None:        # a shared store: beside the user's documents
            base = Path.home() / "kiemdiem-goi-da-mo"
        else:
            base = self.register.path.absolute().parent / (self.register.path.stem + "-goi-da-mo")
        return base / f"{package.stem}-{sha256[:8]}"

    def open_package(self, path: str | Path | None = None, load=None) -> bool:
        """``load``: a function that opens the committee's key (tests); asked otherwise."""
        if self.register is None or self.busy:
            return False
        if path is None:
            path = QFileDialog.getOpenFileName(self, tr("Chọn tệp gói của chi bộ"), "",
                                               tr("Gói (*.p7m);;Mọi tệp (*)"))[0]
            if not path:
                return False
        if load is None:
            load = self._key_loader
        if load is None:
            dlg = KeyDialog("committee", tr("Khóa của cấp ủy cấp trên"),
                            tr("Chọn khóa của cấp ủy để mở gói (tệp .p12/.pfx hoặc thiết bị ký số). Khóa được giữ "
                               "trong bộ nhớ cho các gói mở tiếp theo đến khi đóng cửa sổ này."), self)
            if not dlg.exec():
                return False
            load = dlg.load
        self._key_loader = load
        path = Path(path)
        self.busy = True
        self._update()
        set_style_property(self.message, "state", "")
        self.message.setText(tr("Đang mở và kiểm tra {name}…").format(name=path.name))

        def job():
            with load() as key:
                return read_package_file(path, key)
        run_in_background(job, lambda opened: self._checked(path, opened), self._failed)
        return True

    # -- a folder of packages ------------------------------------------------------------------------
    folder_done = Signal(list)    # the outcomes, one per package

    def open_folder(self, folder: str | Path | None = None, load=None, confirm=None) -> bool:
        """Every .p7m of a folder, one after the other in the background, with progress; a first-seen
        cell's fingerprint is confirmed one by one (``confirm(opened, decision)``: tests)."""
        from ...committee.year import expand_packages

        if self.office is None or self.busy:
            return False
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("Chọn thư mục chứa các gói của chi bộ"))
            if not folder:
                return False
        paths = expand_packages([folder])
        if not paths:
            self._say(tr("Thư mục {folder} không có tệp gói (.p7m) nào.").format(folder=folder), error=True)
            return False
        if load is None:
            dlg = KeyDialog("committee", tr("Khóa của cấp ủy cấp trên"),
                            tr("Chọn khóa của cấp ủy để mở các gói (tệp .p12/.pfx hoặc thiết bị ký số)."), self)
            if not dlg.exec():
                return False
            load = dlg.load
        try:
            key = load()
        except UserError as err:
            show_error(self, err, tr("Không mở được khóa"))
            return False
        self.busy = True
        self._update()
        self._batch = {"paths": paths, "i": 0, "key": key, "confirm": confirm or (
            lambda opened, decision: confirm_first_seen(self, decision)), "results": []}
        self._batch_next()
        return True

    def _batch_next(self) -> None:
        b = self._batch
        if b["i"] >= len(b["paths"]):
            self._batch_end()
            return
        path = b["paths"][b["i"]]
        b["i"] += 1
        set_style_property(self.message, "state", "")
        self.message.setText(tr("Đang mở gói {i}/{n}: {name}…").format(i=b["i"], n=len(b["paths"]), name=path.name))
        office = self.office

        def check():
            opened = read_package_file(path, b["key"])
            return opened, office.register.decide(opened)

        def checked(result) -> None:
            opened, decision = result
            if self.office is None:
                return self._batch_end()
            from ...committee.year import OpenOutcome

            if decision.status in REFUSED:
                if decision.kept_in_inbox:
                    self.office.register.record(opened, state="refused", reason=decision.message,
                                                chain=decision.chain.message if decision.chain else "")
                b["results"].append(OpenOutcome(path, "refused", decision.message))
                return self._batch_next()
            if decision.status == FIRST_SEEN and not b["confirm"](opened, decision):
                b["results"].append(OpenOutcome(path, "untrusted", tr("khóa chưa được xác nhận")))
                return self._batch_next()
            target = self.target_folder(path, opened.package_sha256)
            run_in_background(lambda: office.accept(path, opened, decision, target),
                              lambda r: (b["results"].append(r), self._batch_next()), failed)

        def failed(err: BaseException) -> None:
            from ...committee.year import OpenOutcome

            b["results"].append(OpenOutcome(path, "refused", error_text(err)))
            self._batch_next()

        run_in_background(check, checked, failed)

    def _batch_end(self) -> None:
        b = self._batch
        b["key"].close()
        self.busy = False
        self._update()
        results = b["results"]
        good = [r for r in results if r.ok]
        bad = [r for r in results if not r.ok]
        text = tr("Đã mở {ok}/{n} gói.").format(ok=len(good), n=len(results))
        if bad:
            text += " " + tr("Không mở: {list}").format(list="; ".join(
                f"{r.path.name} ({r.message.splitlines()[0] if r.message else r.state})" for r in bad))
        self._say(text, error=bool(bad))
        self.reload()
        self.year_page.reload()
        self.folder_done.emit(results)

    def _checked(self, path: Path, opened) -> None:
        self.busy = False
        self._update()
        if self.register is None:
            return
        try:
            self._decide_and_unpack(path, opened)
        except Exception as err:  # noqa: BLE001 - never leave the window on "Đang mở…"
            self._failed(err)

    def _decide_and_unpack(self, path: Path, opened) -> None:
        if opened.expired_warning and not confirm_expired(self, opened):
            self._say(tr("Chưa mở gói {name}: chứng thư của người ký đã hết hạn, chưa được xác nhận.").format(
                name=path.name), error=True)
            self.opened.emit("cancelled")
            return
        decision = self.register.decide(opened)
        if decision.status in REFUSED:
            # the same rule as the command line: a known cell's refused package is kept in the inbox
            # as refused; a cell never registered leaves nothing behind
            text = decision.message
            if decision.kept_in_inbox:
                text = decision.message_when_kept
                self.register.record(opened, state="refused", reason=text,
                                     chain=decision.chain.message if decision.chain else "")
            self.reload()
            self._say(text, error=True)
            if decision.status == NEW_KEY:
                warn_new_key(self, decision, text)
            elif decision.status == NO_IDENTITY:
                show_plain_error(self, text, tr("Gói không ghi mã chi bộ"))
            else:
                show_plain_error(self, text, tr("Chứng thư không thuộc tổ chức chứng thực đã nhập"))
            self.refused.emit(text)
            self.opened.emit("refused")
            return
        if decision.status == FIRST_SEEN and not confirm_first_seen(self, decision, opened):
            self._say(tr("Chưa ghi gì: khóa của {cell} chưa được xác nhận.").format(cell=visible(opened.cell.get("name"))))
            self.opened.emit("cancelled")
            return
        try:
            r = self.office.accept(path, opened, decision, self.target_folder(path, opened.package_sha256))
            if not r.ok:
                raise UserError(r.message)
            out = r.folder
        except UserError as err:
            self._say(error_text(err), error=True)
            show_plain_error(self, err, tr("Không ghi được"))
            self.opened.emit("error")
            return
        assert decision.status in (KNOWN, FIRST_SEEN)
        m = opened.meeting
        self._say(tr("Gói hợp lệ: {cell}, năm {year}, lần {rev}; {n} tệp khớp SHA-256. Đã mở vào {out}.").format(
            cell=visible(opened.cell.get("name")), year=m.get("rating_year"), rev=m.get("revision"), n=len(opened.files),
            out=out)
            + (" " + tr("Chứng thư: {chain}.").format(chain=decision.chain.message)
               if decision.chain is not None and decision.chain.status == CA_VALID else ""))
        self.reload()
        self.year_page.reload()
        self.opened.emit("verified")

    def _failed(self, err: BaseException) -> None:
        self.busy = False
        self._update()
        if not (isinstance(err, PackageRefused) and err.kind != "not_for_key"):
            self.forget_key()        # a wrong passphrase or another key: asked again next time
        if isinstance(err, PackageRefused):
            title = NOT_FOR_KEY if err.kind == "not_for_key" else DAMAGED
            text = error_text(err)
            self._say(text, error=True)
            self.refused.emit(text)
            self.opened.emit(err.kind)
            show_plain_error(self, text, title)
            return
        text = error_text(err) if isinstance(err, UserError) else tr("Không mở được gói: {e}").format(e=error_text(err))
        self._say(text, error=True)
        self.refused.emit(text)
        self.opened.emit("error")
        show_plain_error(self, text, tr("Không mở được gói"))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.last_message = text
        set_style_property(self.message, "state", "error" if error else "ok")     # ui/style.qss
        self.message.setText(text)

    def forget_key(self) -> None:
        self._key_loader = None

    @property
    def key_remembered(self) -> bool:
        return self._key_loader is not None

    def closeEvent(self, event) -> None:
        self.forget_key()
        self._close_register()
        super().closeEvent(event)


def open_committee_window(parent: QWidget | None = None, *, show: bool = True) -> CommitteeWindow:
    """The committee mode as its own top-level window; the last data file reopened if it exists."""
    w = CommitteeWindow(parent)
    w.setWindowFlag(Qt.WindowType.Window, True)
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    last = str(settings().value("committee/file", "") or "")
    if last and Path(last).exists():
        w.open_file(last)
    if show:
        w.show()
        w.raise_()
        w.activateWindow()
    return w
