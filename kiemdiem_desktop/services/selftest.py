"""``kiemdiem selftest``: the whole chain in a temporary folder, one step after the other —
a demo cell with an adopted, locked meeting; the main window opened on it until its first paint;
the meeting's documents and minutes; the minutes signed (PAdES) by both roles and verified; the
package made; the package opened with the committee's key and verified (a wrong key and a damaged
copy refused, the cell recorded in a committee register, the files unpacked).

The first failure raises :class:`SelftestFailed` naming the step. The data folder (settings, recent
files, backups) is redirected into the temporary folder for the run, so the user's own is untouched.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# (key, the name printed) — in the order they run.
STEPS = (
    ("demo", "cuộc họp mẫu"),
    ("window", "cửa sổ chính"),
    ("documents", "tài liệu của cuộc họp"),
    ("signed_pdf", "biên bản PDF có chữ ký"),
    ("package", "gói hồ sơ"),
    ("open_package", "mở và kiểm tra gói"),
)
STEP_NAMES = dict(STEPS)
PASSPHRASE = "selftest-passphrase"


class SelftestFailed(Exception):
    def __init__(self, step: str, cause: BaseException):
        self.step, self.cause = step, cause
        detail = str(cause) or type(cause).__name__
        super().__init__(f"Tự kiểm tra thất bại ở bước «{STEP_NAMES.get(step, step)}»: {detail}")


def _meeting_id(cf) -> str:
    return [m for m in cf.meetings() if m.state.value == "locked"][0].id


def _demo(d: Path) -> str:
    from ..services import CellFile

    from .demo import create_demo

    cf = create_demo(d / "chi-bo.kiemdiem", members=6, finished=True)
    try:
        meeting = _meeting_id(cf)
    finally:
        cf.close(backup=False)
    return f"6 đảng viên, cuộc họp {meeting[:8]} đã khóa"


def _documents(d: Path) -> str:
    from ..documents.all_documents import build_documents
    from ..documents.minutes import build_minutes
    from ..services import CellFile
    from ..session import MeetingSession
    from ..voting import VotingDesk

    cf = CellFile.open(d / "chi-bo.kiemdiem")
    try:
        desk = VotingDesk(MeetingSession(cf, _meeting_id(cf)))
        files = build_documents(desk, d / "tai-lieu", minutes=build_minutes)
    finally:
        cf.close(backup=False)
    empty = [f.name for f in files if not f.exists() or f.stat().st_size == 0]
    assert not empty, f"tệp rỗng: {', '.join(empty)}"
    assert files[0].name == "bien-ban.pdf" and files[0].read_bytes().startswith(b"%PDF"), "không có biên bản"
    return f"{len(files)} tệp"


def _signed_pdf(d: Path) -> str:
    from ..crypto.keys import load_pkcs12_key, new_key
    from ..crypto.pdf_sign import sign_pdf, verify_pdf

    for stem, name, purpose in (("chi-bo", "Chi bộ thử", "signing"), ("cap-uy", "Cấp ủy thử", "encryption"),
                                ("chu-tri", "Chủ trì thử", "signing"), ("thu-ky", "Thư ký thử", "signing"),
                                ("khac", "Cấp ủy khác", "encryption")):
        new_key(name, d / f"{stem}.p12", PASSPHRASE, purpose=purpose)
    minutes = d / "tai-lieu" / "bien-ban.pdf"
    sign_pdf(minutes, "chu-tri", load_pkcs12_key(d / "chu-tri.p12", PASSPHRASE), d / "bb1.pdf")
    sign_pdf(d / "bb1.pdf", "thu-ky", load_pkcs12_key(d / "thu-ky.p12", PASSPHRASE), d / "bb2.pdf")
    reports = verify_pdf(d / "bb2.pdf")
    assert len(reports) == 2 and all(r.ok for r in reports), "chữ ký biên bản không hợp lệ"
    return "2 chữ ký (chủ trì, thư ký) hợp lệ"


def _package(d: Path) -> str:
    from ..services import CellFile
    from ..crypto.keys import load_pkcs12_key, load_recipient_certificate
    from ..services.package import make_package

    cf = CellFile.open(d / "chi-bo.kiemdiem")
    try:
        r = make_package(cf, _meeting_id(cf), load_pkcs12_key(d / "chi-bo.p12", PASSPHRASE),
                         [load_recipient_certificate(d / "cap-uy.crt")], out=d / "goi.p7m",
                         signed_minutes=d / "bb2.pdf")
    finally:
        cf.close(backup=False)
    assert r.path.exists() and r.path.stat().st_size > 0, "không có gói"
    assert r.slip and r.slip.exists(), "không có phiếu bàn giao"
    return f"{r.path.stat().st_size // 1024} KB, có phiếu bàn giao"


def _open_package(d: Path) -> str:
    from ..crypto.keys import load_pkcs12_key
    from ..crypto.open_package import PackageRefused, read_package, unpack
    from ..committee.register import FIRST_SEEN, KNOWN, CommitteeRegister

    data = (d / "goi.p7m").read_bytes()
    opened = read_package(data, load_pkcs12_key(d / "cap-uy.p12", PASSPHRASE))
    assert opened.files["bien-ban.pdf"] == (d / "bb2.pdf").read_bytes(), "biên bản trong gói khác bản đã ký"
    for key, kind in (("khac", "not_for_key"), ("cap-uy", "damaged")):
        blob = data if kind == "not_for_key" else data[:-100] + bytes([data[-100] ^ 1]) + data[-99:]
        try:
            read_package(blob, load_pkcs12_key(d / f"{key}.p12", PASSPHRASE))
        except PackageRefused as err:
            assert err.kind == kind, f"từ chối sai loại: {err.kind}"
        else:
            raise AssertionError("gói sai không bị từ chối")
    with CommitteeRegister(d / "cap-uy.kiemdiem") as reg:
        assert reg.decide(opened).status == FIRST_SEEN, "chi bộ lạ không được báo"
        reg.trust(opened)
        assert reg.decide(opened).status == KNOWN, "chi bộ đã tin cậy không được nhận ra"
        unpack(opened, d / "mo-goi")
        reg.record(opened, folder=str(d / "mo-goi"))
    assert (d / "mo-goi" / "manifest.json").exists(), "không giải nén được gói"
    return f"{len(opened.files)} tệp, chữ ký hợp lệ; khóa sai và bản hỏng bị từ chối"


_RUNNERS: dict[str, Callable[[Path], str]] = {
    "demo": _demo, "documents": _documents, "signed_pdf": _signed_pdf,
    "package": _package, "open_package": _open_package,
}


def run_selftest(report: Callable[[str], None] | None = None, *,
                 check_window: Callable[[Path], str] | None = None) -> None:
    """Run every step; ``report`` receives one line per passed step. ``check_window`` opens the
    main window on a data file until its first paint (given by the entry point, which may load Qt;
    None skips the window: a core-only check). Raises SelftestFailed naming the first failing step."""
    steps = [key for key, _ in STEPS if check_window is not None or key != "window"]
    runners = dict(_RUNNERS)
    if check_window is not None:
        runners["window"] = lambda d: check_window(d / "chi-bo.kiemdiem")
    saved = os.environ.get("KIEMDIEM_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="kiemdiem-selftest-") as tmp:
        d = Path(tmp)
        os.environ["KIEMDIEM_DATA_DIR"] = str(d / "du-lieu")
        try:
            for i, key in enumerate(steps, 1):
                start = time.perf_counter()
                try:
                    detail = runners[key](d)
                except Exception as err:  # noqa: BLE001 — every failure names its step
                    raise SelftestFailed(key, err) from err
                if report is not None:
                    report(f"[{i}/{len(steps)}] {STEP_NAMES[key]}: đạt ({detail}; "
                           f"{(time.perf_counter() - start) * 1000:.0f} ms)")
        finally:
            if saved is None:
                os.environ.pop("KIEMDIEM_DATA_DIR", None)
            else:
                os.environ["KIEMDIEM_DATA_DIR"] = saved
