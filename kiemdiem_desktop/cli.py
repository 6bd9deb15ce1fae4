"""The command line of shared/CLI.md, thin over the services.

Exit codes: 0 done; 1 failed (message on stderr, in Vietnamese); 2 refused input, nothing written.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path
from typing import Any, Sequence

from . import paths
from .i18n import UserError
from .services import CellFile, RosterEntry
from .store.atomic import clash, protect
from .store.errors import RefusedFileError, StoreError
from .vn.dates import format_date

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2


class Refused(Exception):
    """Input refused: exit 2, nothing written."""


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(unicodedata.normalize("NFC", text).encode("utf-8") + b"\n")
    sys.stdout.flush()


# -- outputs never replace the data file or an input ---------------------------------------
def _inputs(args: argparse.Namespace, *names: str) -> None:
    """The files this command reads: no output of the command may replace them."""
    what = "tệp đầu vào của lệnh này"
    for name in names:
        value = getattr(args, name, None)
        for v in (value if isinstance(value, list) else [value]):
            if v:
                protect(v, f"{what} ({name.replace('_', '-')})")


def _check_outputs(*outputs: str | Path | None) -> None:
    """Refuse (exit 2, nothing written) an output that is the open data file, one of its
    -wal/-shm/-journal files or an input of the command (by path, link or inode)."""
    for out in outputs:
        if out is None:
            continue
        what = clash(out)
        if what:
            raise Refused(f"Không ghi vào {out}: đó là {what}. Hãy chọn một tên tệp khác; không ghi gì.")


def _check_output_folder(folder: str | Path, suffixes: tuple[str, ...]) -> None:
    """A folder the command writes into (names chosen by the program): not a protected file itself,
    and no protected file with one of those suffixes inside it."""
    folder = Path(folder)
    _check_outputs(folder)
    if folder.is_dir():
        for child in folder.iterdir():
            if child.suffix.lower() in suffixes:
                _check_outputs(child)


def _db_protected(args: argparse.Namespace) -> None:
    """The data file is protected before the command opens it (it is again once open)."""
    from .store.atomic import protect_data_file

    protect_data_file(_db_path(args))


def _shown(text: object) -> str:
    """Text from a data file, safe on a terminal: control and format characters (an ANSI escape, a
    right-to-left override, a zero-width space) are shown as <U+XXXX>, never obeyed."""
    out = []
    for c in str(text):
        if c != "\t" and unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(f"<U+{ord(c):04X}>")
        else:
            out.append(c)
    return "".join(out)


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else paths.default_db_path()


def roster_entry_json(e: RosterEntry) -> dict[str, Any]:
    m = e.member
    return {
        "id": m.id, "full_name": m.full_name, "birth_date": _iso(m.birth_date), "card_number": m.card_number,
        "category": e.category.value, "category_label": e.category_label,
        "gender": m.gender.value if m.gender else None, "party_post": m.party_post.value,
        "admission_date": _iso(m.admission_date), "official_date": _iso(m.official_date),
        "government_post": m.government_post, "work_unit": m.work_unit,
        "leave": [k.value for k in e.leave], "left_on": _iso(e.left_on),
    }


# -- commands ----------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import create_demo

    cf = create_demo(args.db, members=args.members, finished=args.finished)
    count = len(cf.members())
    cf.close(backup=False)
    print(f"Đã tạo tệp dữ liệu mẫu {args.db} ({count} đảng viên).")
    return EXIT_OK


def _refuse_preview(preview, confirm: set[int], db: Path) -> None:
    """Print every problem of a roster preview; raise Refused if anything blocks the import."""
    notes = preview.all_problems()
    errors = [p for p in notes if p.severity == "error"]
    for p in notes:
        print(_shown(p) if p.severity == "error" else f"Lưu ý — {_shown(p)}", file=sys.stderr)
    conflicts = [r for r in preview.rows if r.action == "conflict" and r.row not in confirm]
    for r in conflicts:
        print(f"Cần xác nhận — {_shown(r.conflict_text())}", file=sys.stderr)
    if errors or conflicts:
        parts = []
        if errors:
            parts.append(f"{len(errors)} lỗi")
        if conflicts:
            parts.append(f"{len(conflicts)} dòng đổi họ tên cần xác nhận (nếu đúng, chạy lại với "
                         f"{' '.join(f'--confirm {r.row}' for r in conflicts[:10])})")
        raise Refused(f"Không nhập {preview.file}: {', '.join(parts)}; chưa ghi gì vào {db}.")


def cmd_roster_import(args: argparse.Namespace) -> int:
    from .io.roster_import import read_roster

    path = _db_path(args)
    confirm = set(args.confirm or [])
    if not path.exists():
        # A refused file must not even create the data file.
        _refuse_preview(read_roster(args.file, [], encoding=args.encoding), confirm, path)
    cf = CellFile.open(path, create=True)
    summary = None
    try:
        preview = cf.preview_import(args.file, encoding=args.encoding)
        _refuse_preview(preview, confirm, cf.path)
        summary = cf.apply_import(preview, confirm_rows=confirm).result()
    finally:
        if summary is None:
            cf.close(backup=False)      # nothing changed: no automatic copy either
    print(f"Đã nhập {preview.file}: {summary.added} mới, {summary.updated} cập nhật, "
          f"{summary.unchanged} không đổi.")
    cf.db.close(backup_reason="dong", committed=True)   # BackupFailedError says the rows are saved
    return EXIT_OK


def cmd_roster_list(args: argparse.Namespace) -> int:
    with CellFile.open(_db_path(args)) as cf:
        entries = cf.roster()
    if args.json:
        _print_json([roster_entry_json(e) for e in entries])
    else:
        for i, e in enumerate(entries, 1):
            print(f"{i:>4}  {_shown(e.member.full_name):<32} {format_date(e.member.birth_date):<10}  "
                  f"{_shown(e.status_text)}")
    return EXIT_OK


def cmd_meeting_list(args: argparse.Namespace) -> int:
    with CellFile.open(_db_path(args)) as cf:
        meetings = cf.meetings()
    if args.json:
        _print_json([{"id": m.id, "kind": m.kind.value, "rating_year": m.rating_year, "state": m.state.value,
                      "meeting_date": _iso(m.meeting_date)} for m in meetings])
    else:
        for m in meetings:
            print(f"{m.id}  {m.rating_year}  {m.kind.value:<13} {m.state.value:<11} {format_date(m.meeting_date)}")
    return EXIT_OK


def cmd_meeting_export(args: argparse.Namespace) -> int:
    from .io.meeting_json import write_meeting_file

    _db_protected(args)
    _check_outputs(args.out)
    with CellFile.open(_db_path(args)) as cf:
        meeting = cf.find_meeting(args.meeting)
        out = write_meeting_file(cf, meeting.id, args.out, attachments=args.attachments)
    print(f"Đã xuất cuộc họp {meeting.id} vào {out}.")
    return EXIT_OK


def cmd_meeting_import(args: argparse.Namespace) -> int:
    from .io.meeting_json import import_meeting_report, parse_document, read_document

    name = Path(args.file).name
    _inputs(args, "file")
    data = read_document(args.file)
    parse_document(data, name)          # every check before the data file is even opened
    with CellFile.open(_db_path(args), create=True) as cf:
        report = import_meeting_report(cf, data, file=name)
    state = {"new": "đã nhập", "replaced": "đã thay bằng nội dung của tệp",
             "unchanged": "đã có, giống hệt: không thay đổi gì"}[report.meeting]
    print(f"Cuộc họp {report.meeting_id}: {state}. Đảng viên: {len(report.members_added)} mới, "
          f"{len(report.members_kept)} đã có.")
    if report.members_different:
        print(f"Lưu ý — {len(report.members_different)} đảng viên đã có trong tệp dữ liệu với thông tin khác tệp "
              f"nhập; giữ nguyên thông tin trong tệp dữ liệu.", file=sys.stderr)
    return EXIT_OK


def cmd_meeting_results(args: argparse.Namespace) -> int:
    from .meeting_results import meeting_results, results_text

    with CellFile.open(_db_path(args)) as cf:
        meeting = cf.find_meeting(args.meeting)
        data = meeting_results(cf, meeting.id)
    if args.json:
        _print_json(data)
    else:
        text = "\n".join(_shown(line) for line in results_text(data).split("\n"))
        sys.stdout.buffer.write(unicodedata.normalize("NFC", text).encode("utf-8") + b"\n")
        sys.stdout.flush()
    return EXIT_OK


def _desk(cf: CellFile, meeting_prefix: str):
    """A snapshot of the stored meeting for documents and packages: its session holds NO_CLOCK,
    so a figure that would depend on the hour it is printed fails instead of changing."""
    from .clock import NO_CLOCK
    from .session import MeetingSession
    from .voting import VotingDesk

    return VotingDesk(MeetingSession(cf, cf.find_meeting(meeting_prefix).id, clock=NO_CLOCK))


def _desk_in_background(path, meeting_prefix: str) -> "Future[tuple[CellFile, object]]":
    """``CellFile.open`` then ``_desk`` on a thread of their own: the future gives the open file and
    the meeting's desk, or the error that refused either (the file then closed). SQLite checks and
    reads the file without holding the GIL, so the caller loads the document's modules meanwhile."""
    import threading
    from concurrent.futures import Future

    from . import clock, session, voting  # noqa: F401 - loaded here, not on both threads at once

    future: Future = Future()

    def work() -> None:
        try:
            cf = CellFile.open(path)
        except BaseException as err:  # noqa: BLE001 - handed to the caller
            future.set_exception(err)
            return
        try:
            future.set_result((cf, _desk(cf, meeting_prefix)))
        except BaseException as err:  # noqa: BLE001
            cf.close(backup=False)
            future.set_exception(err)

    threading.Thread(target=work, name="kiemdiem-open", daemon=True).start()
    return future


def cmd_minutes(args: argparse.Namespace) -> int:
    _db_protected(args)
    _check_outputs(args.out)
    # No collector passes while the document's modules load and it is built (~35 ms at 500 members,
    # 185 young and one full pass): the build leaves almost no cycles of garbage (the peak memory is
    # the same with the collector off, 58 MiB at 500 members); switched back on after.
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _minutes(args)
    finally:
        if collecting:
            gc.enable()


def _minutes(args: argparse.Namespace) -> int:
    opening = _desk_in_background(_db_path(args), args.meeting)
    # While the file is checked and the meeting read: the builders and, for a PDF, reportlab (~80 ms).
    from .documents.minutes import build_minutes, build_minutes_docx

    if not args.docx:
        from .documents import render_pdf  # noqa: F401
    cf, desk = opening.result()
    with cf:
        out = (build_minutes_docx if args.docx else build_minutes)(desk, args.out)
        state = f"bản chính thức, lần {desk.s.meeting.revision}" if desk.s.meeting.revision and \
            desk.s.meeting.state.value == "locked" else "dự thảo"
    print(f"Đã ghi biên bản ({state}) vào {out}.")
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    from .documents.all_documents import build_documents, minutes_pdf_and_docx

    _db_protected(args)
    _check_output_folder(args.out, (".pdf", ".docx", ".xlsx"))
    with CellFile.open(_db_path(args)) as cf:
        desk = _desk(cf, args.meeting)
        paths = build_documents(desk, args.out, minutes=minutes_pdf_and_docx, locality=desk.s.cell.locality,
                                minutes_files=2)
    for p in paths:
        print(p)
    print(f"Đã ghi {len(paths) + 1} văn bản vào {args.out}.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    _db_protected(args)
    _check_outputs(args.out)
    with CellFile.open(_db_path(args)) as cf:
        out = cf.backup(args.out)
    print(f"Đã sao lưu vào {out}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    _db_protected(args)
    what = clash(args.file)
    if what:
        raise Refused(f"Không khôi phục {args.file} vào chính nó: đó là {what}. Không ghi gì.")
    with CellFile.open(_db_path(args), create=True) as cf:
        saved = cf.restore(args.file)
    print(f"Đã khôi phục {cf.path} từ {args.file}. Dữ liệu trước đó được giữ ở {saved}.")
    return EXIT_OK


def cmd_window(args: argparse.Namespace) -> int:
    from .gui.app import run

    return run(db=args.db, exit_when_shown=args.exit_when_shown)


# -- keys, signatures and the package (crypto/) ---------------------------------------------------
def _secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """The passphrase or PIN: the first line of --passphrase-file, else asked on the terminal."""
    if getattr(args, "passphrase_file", None):
        try:
            with open(args.passphrase_file, encoding="utf-8") as f:
                return f.readline().rstrip("\r\n")
        except OSError as err:
            raise Refused(f"Không đọc được tệp mật khẩu {args.passphrase_file}: {err.strerror or err}.") from err
    import getpass

    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nhập lại: ") != value:
        raise Refused("Hai lần nhập không giống nhau.")
    return value


def _add_key_options(sp: argparse.ArgumentParser, required: bool = True) -> None:
    sp.add_argument("--key", help="tệp khóa PKCS#12 (.p12/.pfx)")
    sp.add_argument("--pkcs11-module", help="thư viện PKCS#11 của thiết bị ký số (mặc định: tìm ở các vị trí thường gặp)")
    sp.add_argument("--token-label", help="nhãn thiết bị ký số")
    sp.add_argument("--key-label", help="nhãn khóa trên thiết bị")
    sp.add_argument("--passphrase-file", help="tệp chứa mật khẩu hoặc mã PIN (dòng đầu)")
    sp.set_defaults(key_required=required)


def _has_key(args: argparse.Namespace) -> bool:
    return bool(args.key or args.token_label)


def _load_key(args: argparse.Namespace):
    from .crypto.keys import TOKEN_PIN_WARNING, load_pkcs12_key, load_token_key

    if args.key and args.token_label:
        raise Refused("Chọn một khóa: --key hoặc thiết bị ký số (--token-label), không cả hai.")
    if args.key:
        return load_pkcs12_key(args.key, _secret(args, f"Mật khẩu của {args.key}: "))
    if args.token_label:
        if not args.key_label:
            raise Refused("Cần nhãn khóa trên thiết bị (--key-label).")
        print(TOKEN_PIN_WARNING, file=sys.stderr)
        pin = _secret(args, f"Mã PIN của thiết bị “{args.token_label}”: ")
        return load_token_key(args.pkcs11_module, args.token_label, args.key_label, pin)
    raise Refused("Cần một khóa: --key TỆP.p12, hoặc --pkcs11-module … --token-label … --key-label ….")


def cmd_keys_new(args: argparse.Namespace) -> int:
    from .crypto.keys import fingerprint, load_certificate, new_key

    out = Path(args.out)
    crt = out.with_suffix(".crt")
    if out.suffix.lower() == ".crt":
        raise Refused(f"Tệp khóa {out} cần đuôi .p12 (chứng thư .crt được ghi bên cạnh, cùng tên). Không ghi gì.")
    _inputs(args, "passphrase_file")
    _check_outputs(out, crt)
    for path in (out, crt):
        if path.exists() or path.is_symlink():
            raise Refused(f"Tệp {path} đã có: không ghi đè một khóa hay chứng thư. Hãy chọn tên khác; không ghi gì.")
    purpose = args.purpose or "signing"          # a key for one use: signing unless --for encryption
    p12, crt = new_key(args.name, out, _secret(args, "Mật khẩu bảo vệ khóa mới: ", confirm=True), purpose=purpose)
    print(f"Đã tạo khóa {p12} (chỉ chủ tệp đọc được; hãy sao lưu cùng mật khẩu) và chứng thư {crt}.")
    print(f"Dấu vân tay (SHA-256): {fingerprint(load_certificate(crt))}")
    return EXIT_OK


def cmd_sign(args: argparse.Namespace) -> int:
    from .crypto.pdf_sign import sign_pdf

    _inputs(args, "file", "key", "passphrase_file")
    _check_outputs(args.out)
    with _load_key(args) as key:
        out = sign_pdf(args.file, args.role, key, args.out)
        print(f"Đã ký {args.file} với vai trò {args.role} ({key.name}, {key.fingerprint}) vào {out}.")
    return EXIT_OK


def cmd_package(args: argparse.Namespace) -> int:
    from .crypto.keys import load_recipient_certificate
    from .services.package import make_package

    from .services.package import slip_path

    _db_protected(args)
    _inputs(args, "to", "key", "passphrase_file", "minutes", "scan")
    if args.out and not Path(args.out).is_dir():
        _check_outputs(args.out, slip_path(args.out))
    recipients = [load_recipient_certificate(c) for c in args.to]
    with _load_key(args) as key, CellFile.open(_db_path(args)) as cf:
        meeting = cf.find_meeting(args.meeting)
        r = make_package(cf, meeting.id, key, recipients, out=args.out, signed_minutes=args.minutes,
                         scans=args.scan or [])
    if args.json:
        _print_json({"path": str(r.path), "slip": str(r.slip), "size": r.size, "sha256": r.sha256,
                     "recipients": r.recipients, "signer": r.manifest["signer_fingerprint"],
                     "manifest": r.manifest})
    else:
        print(f"Đã lập gói {r.path} ({r.size} byte), SHA-256 {r.sha256}.")
        print(f"Phiếu bàn giao: {r.slip}")
    return EXIT_OK


def _opened_json(o, decision=None) -> dict:
    return {"file": o.file_name, "size": o.size, "sha256": o.package_sha256, "cell": o.cell,
            "meeting": o.meeting, "created_at": o.manifest.get("created_at"),
            "signer": {"name": o.signer_certificate.subject.rfc4514_string(), "fingerprint": o.signer_fingerprint,
                       "signing_time": o.signing_time.isoformat() if o.signing_time else None},
            "files": o.manifest["files"], "register": decision.status if decision else None,
            "chain": ({"status": decision.chain.status, "message": decision.chain.message}
                      if decision is not None and decision.chain is not None else None)}


def _check_register(args: argparse.Namespace, opened, *, may_trust: bool):
    """(register or None, decision or None); raises Refused for a known cell's new key and, when
    opening, for a first-seen cell without --trust."""
    from .crypto.identity import identity_problem, visible
    from .committee.register import FIRST_SEEN, REFUSED, CommitteeRegister

    if not args.register:
        print(f"Người ký gói chưa được đối chiếu với sổ đăng ký (không có --register). "
              f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}", file=sys.stderr)
        return None, None
    from .store.committee_store import location_exists

    if not location_exists(args.register) and not (may_trust and args.trust):
        # No register yet: every cell is first seen, and nothing is created before --trust.
        from .crypto.chain import check_chain
        from .committee.register import Decision

        problem = identity_problem(opened.cell)
        if problem:
            raise Refused(f"Không chấp nhận gói {opened.file_name} của {visible(opened.cell.get('name'))}: {problem}.\n"
                          f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}\nKhông ghi gì.")
        chain = check_chain(opened.signer_certificate, opened.other_certificates, [], opened.signing_time)
        if chain.refused:
            raise Refused(f"Không chấp nhận gói của {visible(opened.cell.get('name'))}: {visible(chain.message)}.\n"
                          f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}\n"
                          f"Sổ đăng ký {args.register} chưa có; chưa nhập chứng thư gốc nào (--root). Không ghi gì.")

        d = Decision(FIRST_SEEN, f"Lần đầu nhận gói của {visible(opened.cell.get('name'))} (mã "
                                 f"{visible(opened.cell.get('code'), limit=100)}). Dấu vân tay khóa ký (SHA-256):\n"
                                 f"  {opened.signer_fingerprint}\nHãy đối chiếu với phiếu bàn giao hoặc đọc qua "
                                 f"điện thoại với chi bộ.", [])
        print(d.message, file=sys.stderr)
        if may_trust:
            raise Refused("Chưa ghi vào sổ đăng ký: sau khi đối chiếu dấu vân tay, chạy lại lệnh với --trust. "
                          "Không ghi gì.")
        return None, d
    reg = CommitteeRegister(args.register)
    try:
        d = reg.decide(opened)
        if d.status in REFUSED:
            raise Refused(d.message)
        if d.status == FIRST_SEEN:
            print(d.message, file=sys.stderr)
            if may_trust and not args.trust:
                raise Refused("Chưa ghi vào sổ đăng ký: sau khi đối chiếu dấu vân tay, chạy lại lệnh với --trust. "
                              "Không ghi gì.")
    except BaseException:
        reg.close()
        raise
    return reg, d


def _open_plain(args: argparse.Namespace, path: Path, key, target: Path) -> tuple[object, object, Path]:
    """One package without a register to record it in (or before the first --trust)."""
    from .crypto.open_package import read_package_file, unpack

    opened = read_package_file(path, key)
    _confirm_expired(args, opened)
    reg, decision = _check_register(args, opened, may_trust=True)
    if reg is not None:          # pragma: no cover - only reached without a register file
        reg.close()
    return opened, decision, unpack(opened, target)


def cmd_open(args: argparse.Namespace) -> int:
    """One package into DIR; several (or a folder of them) each into DIR/<stem>/, in one process."""
    from .committee.year import CommitteeOffice, expand_packages
    from .crypto.identity import visible
    from .crypto.open_package import check_target_folder
    from .store.committee_store import location_exists

    _inputs(args, "file", "key", "passphrase_file", "root")
    _register_protected(args)
    _check_outputs(args.out)
    paths = expand_packages(args.file)
    if not paths:
        raise Refused(f"Không có tệp gói (.p7m) nào trong {', '.join(args.file)}. Không ghi gì.")
    several = len(paths) > 1 or any(Path(f).is_dir() for f in args.file)
    if not several:
        check_target_folder(args.out)
    if args.root:
        _import_roots(args)
    out = Path(args.out)
    failed = 0
    reports = []

    def say(i: int, path: Path, text: str, error: bool = False) -> None:
        prefix = f"[{i}/{len(paths)}] {path.name}: " if several else ""
        print(prefix + text, file=sys.stderr if error else sys.stdout, flush=True)

    with _load_key(args) as key:
        if not args.register or (not location_exists(args.register) and not args.trust):
            for i, path in enumerate(paths, 1):
                try:
                    opened, decision, folder = _open_plain(args, path, key, out / path.stem if several else out)
                except (Refused, UserError) as err:
                    if not several:
                        raise
                    failed += 1
                    say(i, path, str(err), error=True)
                    reports.append({"file": path.name, "state": "refused", "message": str(err)})
                    continue
                reports.append(_opened_json(opened, decision) | {"out": str(folder), "state": "verified"})
                if not args.json:
                    say(i, path, f"Gói hợp lệ: {visible(opened.cell.get('name'))}, năm {opened.meeting.get('rating_year')}, "
                                 f"bản lần {opened.meeting.get('revision')}. Đã mở vào {folder}.")
        else:
            def progress(i: int, n: int, path: Path, r) -> None:
                if args.json:
                    return
                if r.ok:
                    o = r.opened
                    say(i, path, f"Gói hợp lệ: {visible(o.cell.get('name'))}, năm {o.meeting.get('rating_year')}, bản lần "
                                 f"{o.meeting.get('revision')}, ký bởi {visible(o.signer_certificate.subject.rfc4514_string())} "
                                 f"({o.signer_fingerprint}); {r.members} đảng viên"
                                 + (" (đã có bản mới hơn: ghi là bản cũ)" if r.state == "superseded" else "")
                                 + (f". Đã mở vào {r.folder}." if r.folder else "."))
                    if r.decision is not None and r.decision.status == "first_seen":
                        say(i, path, r.decision.message, error=True)
                    if getattr(o, "expired_warning", ""):
                        say(i, path, f"{_visible(o.expired_warning, limit=0)}\nĐã xác nhận (--accept-expired): vẫn mở gói.",
                            error=True)
                    _print_chain(r.decision)
                else:
                    say(i, path, r.message, error=True)

            created = not location_exists(args.register)
            with CommitteeOffice(args.register) as office:
                results = office.open_packages(paths, key, out=out, trust=args.trust, progress=progress,
                                               several=several, accept_expired=args.accept_expired)
            if created and not any(r.ok for r in results) and "://" not in str(args.register):
                # A register made by this call for packages that were all refused: nothing is left behind.
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(args.register) + suffix).unlink(missing_ok=True)
            for r in results:
                if not r.ok:
                    failed += 1
                    reports.append({"file": r.path.name, "state": r.state, "message": r.message})
                else:
                    reports.append(_opened_json(r.opened, r.decision) | {"out": r.folder, "state": r.state,
                                                                          "members": r.members})
            if not several and failed:
                raise Refused(results[0].message)
    if args.json:
        _print_json(reports if several else reports[0])
    if several:
        print(f"Đã mở {len(paths) - failed}/{len(paths)} gói" + (f"; {failed} gói bị từ chối (xem ở trên)." if failed
                                                               else "."), file=sys.stderr)
    return EXIT_REFUSED if failed else EXIT_OK


def _confirm_expired(args: argparse.Namespace, opened) -> None:
    """A signer's certificate expired before the package arrived: refused unless --accept-expired
    (after a call to the cell); with it, the warning is still printed."""
    if not opened.expired_warning:
        return
    warning = _visible(opened.expired_warning, limit=0)
    if not getattr(args, "accept_expired", False):
        raise Refused(f"{warning}\nGói {opened.file_name} chưa được mở. Sau khi đã xác nhận với chi bộ, chạy lại lệnh "
                      f"với --accept-expired. Không ghi gì.")
    print(f"{warning}\nĐã xác nhận (--accept-expired): vẫn mở gói.", file=sys.stderr)


def _print_chain(decision) -> None:
    """The chain status of an accepted CA-issued certificate (always with "thu hồi chưa kiểm tra")."""
    from .crypto.chain import CA_VALID

    if decision is not None and decision.chain is not None and decision.chain.status == CA_VALID:
        from .crypto.identity import visible

        print(f"Chứng thư: {visible(decision.chain.message, limit=600)}.")


def _import_roots(args: argparse.Namespace) -> None:
    from .committee.register import CommitteeRegister

    if not args.register:
        raise Refused("Nhập chứng thư gốc (--root) cần tệp dữ liệu của cấp ủy (--register).")
    with CommitteeRegister(args.register) as reg:
        for path in args.root:
            cert, fp, new = reg.import_root(path)
            from .crypto.keys import common_name

            print(f"{'Đã nhập' if new else 'Đã có'} chứng thư gốc “{common_name(cert)}” vào sổ đăng ký. "
                  f"Dấu vân tay (SHA-256): {fp}")


def cmd_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        head = path.read_bytes()[:5]
    except OSError as err:
        raise Refused(f"Không đọc được {path}: {err.strerror or err}.") from err
    if head.startswith(b"%PDF-"):
        from .crypto.pdf_sign import verify_pdf

        reports = verify_pdf(path)
        if args.json:
            _print_json({"file": str(path), "signatures": [r.as_json() for r in reports]})
        else:
            if not reports:
                print(f"{path}: không có chữ ký số.")
            for r in reports:
                state = "còn nguyên vẹn" if r.ok else "KHÔNG HỢP LỆ hoặc đã bị sửa sau khi ký"
                if r.intact and r.valid and r.covers_rest and r.certificate_problem:
                    state = f"KHÔNG CHẤP NHẬN — {r.certificate_problem}"
                print(f"{r.role or r.field}: {_visible(r.signer)} ({r.fingerprint}), ký lúc {r.signing_time}: {state}.")
                if r.warning:
                    print(_visible(r.warning), file=sys.stderr)
        if not reports or not all(r.ok for r in reports):
            return EXIT_REFUSED
        return EXIT_OK
    from .crypto.open_package import read_package_file

    if not _has_key(args):
        raise Refused("Kiểm tra gói cần khóa của cấp ủy nhận gói (--key hoặc thiết bị ký số).")
    with _load_key(args) as key:
        opened = read_package_file(path, key)
    _confirm_expired(args, opened)
    reg, decision = _check_register(args, opened, may_trust=False)
    if reg is not None:
        reg.close()
    if args.json:
        _print_json(_opened_json(opened, decision))
    else:
        from .crypto.identity import visible

        print(f"Gói hợp lệ: {visible(opened.cell.get('name'))}, năm {opened.meeting.get('rating_year')}, "
              f"bản lần {opened.meeting.get('revision')}; {len(opened.files)} tệp khớp SHA-256; "
              f"khóa ký {opened.signer_fingerprint}.")
        _print_chain(decision)
    return EXIT_OK


# -- the committee's year (committee/) --------------------------------------------------------------
def _day(args: argparse.Namespace):
    """The date of a decision, notice or report: --date, else today (the clock is read here only)."""
    from datetime import date

    from .vn.dates import DateError, parse_date

    if getattr(args, "date", None):
        try:
            day = parse_date(args.date)
        except DateError as err:
            raise Refused(f"--date {args.date}: {err}") from err
        if day is None:
            raise Refused(f"--date {args.date}: không đọc được ngày (dd/mm/yyyy).")
        return day
    return date.today()


def _register_protected(args: argparse.Namespace) -> None:
    """The committee's data file (not a PostgreSQL URL) is protected like a cell's: no output replaces it."""
    from .store.atomic import protect_data_file
    from .store.committee_store import is_postgres_url

    if getattr(args, "register", None) and not is_postgres_url(args.register):
        protect_data_file(args.register)


def _office(args: argparse.Namespace, *, create: bool = False):
    from .committee.year import CommitteeOffice
    from .store.committee_store import location_exists

    if not create and not location_exists(args.register):
        raise Refused(f"Không tìm thấy tệp dữ liệu của cấp ủy {args.register}.")
    _register_protected(args)
    for name in ("file", "from_file", "to", "key", "passphrase_file"):
        _inputs(args, name)
    _check_outputs(getattr(args, "out", None))
    return CommitteeOffice(args.register, create=create)


def cmd_committee_setup(args: argparse.Namespace) -> int:
    with _office(args, create=True) as office:
        office.set_identity(name=args.name, higher_org=args.higher_org, locality=args.locality,
                            secretary=args.secretary)
        i = office.identity()
    print(f"Cấp ủy: {i['name'] or '(chưa ghi)'}; cấp trên: {i['higher_org'] or '(chưa ghi)'}; địa danh: "
          f"{i['locality'] or '(chưa ghi)'}; bí thư: {i['secretary'] or '(chưa ghi)'}.")
    return EXIT_OK


def cmd_committee_cells_import(args: argparse.Namespace) -> int:
    with _office(args, create=True) as office:
        added, updated = office.import_cells(args.file)
        total = len([c for c in office.view(0).cells if c.listed])
    print(f"Đã nhập danh sách chi bộ từ {args.file}: {added} mới, {updated} cập nhật; đảng bộ có {total} chi bộ "
          f"trong danh sách.")
    return EXIT_OK


def cmd_committee_status(args: argparse.Namespace) -> int:
    from .committee.year import STATUS_LABELS

    with _office(args) as office:
        data = office.status(args.year)
    if args.json:
        _print_json(data)
        return EXIT_OK
    for i, c in enumerate(data["cells"], 1):
        rev = f", bản lần {c['revision']}" if c["revision"] else ""
        members = f", {c['members']} đảng viên" if c["members"] is not None else ""
        print(f"{i:>4}. {c['code'] or '':<8} {c['name']:<40} {STATUS_LABELS[c['status']]}{rev}{members}")
    return EXIT_OK


def cmd_committee_summary(args: argparse.Namespace) -> int:
    from .committee.notice import decisions_sheet, report_data
    from .committee.year import LEVELS
    from .model.levels import LEVEL_LABELS, Level

    with _office(args) as office:
        view = office.view(args.year)
        data = office.summary(args.year, view)
        written = None
        if args.out:
            from .documents.committee_report import build_report_docx, build_report_pdf, build_report_xlsx

            out = Path(args.out)
            report = report_data(office, args.year, day=_day(args), reference=args.number or "")
            suffix = out.suffix.lower()
            if suffix == ".pdf":
                written = build_report_pdf(report, out)
            elif suffix == ".docx":
                written = build_report_docx(report, out)
            elif suffix == ".xlsx":
                written = build_report_xlsx(report, out, decisions_sheet(view))
            else:
                raise Refused(f"--out {out}: chỉ ghi được .pdf, .docx hoặc .xlsx.")
    if args.json:
        _print_json(data)
    else:
        m = data["members"]
        print(f"Năm {args.year}: {m['total']} đảng viên được xếp loại ở {data['cells']['total']} chi bộ đã gửi "
              f"({data['cells']['expected']} chi bộ chưa gửi); cấp ủy đã quyết định {data['decided']} đảng viên.")
        for lv in LEVELS:
            print(f"  {LEVEL_LABELS[Level(lv)]}: {m['levels'][lv]}")
        print(f"  Chưa xếp loại: {m['unrated']}")
        for q in data["quota"]:
            print(f"  Tỷ lệ HTXSNV ({q['label']}): {q['text']}" + (" — VƯỢT" if q["over"] else ""))
    if written is not None:
        print(f"Đã ghi báo cáo vào {written}.", file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def cmd_committee_decide(args: argparse.Namespace) -> int:
    from .committee.year import DecisionRefused
    from .model.levels import LEVEL_ABBREVIATIONS, Level

    day = _day(args)
    with _office(args) as office:
        try:
            if args.from_file:
                if args.member or args.cell or args.level:
                    raise Refused("--from không dùng cùng --member, --cell hay --level.")
                preview = office.preview_decisions(args.year, args.from_file, decided_on=day)
                for line in preview.lines():
                    print(line)
                if preview.errors:
                    raise Refused("\n".join(preview.errors) + "\nKhông ghi gì.")
                if not preview.items:
                    raise Refused(f"{preview.file}: không có dòng nào ghi mức quyết định. Không ghi gì.")
                if args.preview:
                    print(f"Xem trước: {len(preview.items)} quyết định; chưa ghi gì (bỏ --preview để ghi).")
                    return EXIT_OK
                n = office.apply_decisions(preview, decided_by=args.by or "")
                print(f"Đã ghi {n} quyết định từ {preview.file}.")
                return EXIT_OK
            if not args.level or not (args.member or args.cell) or (args.member and args.cell):
                raise Refused("Cần --member MÃ (hoặc --cell MÃ_CHI_BỘ) và --level MỨC, hoặc --from TỆP.xlsx.")
            if args.member:
                d = office.decide_member(args.year, args.member, args.level, reason=args.reason or "", decided_on=day,
                                         reference=args.number or "", decided_by=args.by or "")
            else:
                d = office.decide_cell(args.year, args.cell, args.level, reason=args.reason or "", decided_on=day,
                                       reference=args.number or "", decided_by=args.by or "")
        except DecisionRefused as err:
            raise Refused(str(err)) from err
    change = "giữ mức chi bộ đề xuất" if d.level == d.proposed_level else "hạ mức"
    print(f"Đã ghi quyết định: {LEVEL_ABBREVIATIONS[Level(d.level)]} ({change}; chi bộ đề xuất "
          f"{LEVEL_ABBREVIATIONS[Level(d.proposed_level)]})" + (f", lý do: {d.reason}" if d.reason else "")
          + (f", thay quyết định trước" if d.replaces else "") + ".")
    return EXIT_OK


def cmd_committee_notify(args: argparse.Namespace) -> int:
    from .committee.notice import make_notice
    from .crypto.keys import load_recipient_certificate

    recipient = load_recipient_certificate(args.to)
    with _office(args) as office, _load_key(args) as key:
        r = make_notice(office, args.year, args.cell, key, recipient, args.out, day=_day(args),
                        reference=args.number or "")
    print(f"Đã lập thông báo {r.path} ({r.size} byte, SHA-256 {r.sha256}): {r.members} đảng viên, "
          f"{r.lowered} hạ mức so với đề xuất.")
    return EXIT_OK


def cmd_decisions_import(args: argparse.Namespace) -> int:
    from .committee.notice import import_decisions

    _db_protected(args)
    _inputs(args, "file", "key", "passphrase_file")
    with _load_key(args) as key, CellFile.open(_db_path(args)) as cf:
        r = import_decisions(cf, args.file, key, trust=args.trust)
    if r.first_seen:
        print(f"Đã ghi nhận khóa của {r.committee}: {r.fingerprint}")
    for line in r.recorded:
        print(line)
    print(f"Đã ghi {len(r.recorded)} quyết định của cấp ủy cấp trên"
          + (f"; {r.unchanged} đã có từ trước" if r.unchanged else "") + ". Kết quả biểu quyết của chi bộ giữ nguyên.")
    if r.unknown:
        print(f"Lưu ý — không có trong tệp dữ liệu: {', '.join(r.unknown)}.", file=sys.stderr)
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    from .services.selftest import SelftestFailed, run_selftest

    check_window = None
    if not args.no_window:       # the entry point may load Qt; the use case below does not
        from .gui.selftest_window import check_main_window as check_window
    try:
        run_selftest(lambda line: print(line, flush=True), check_window=check_window)
    except SelftestFailed as err:
        print(str(err), file=sys.stderr)
        return EXIT_FAILED
    print("OK")
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------
# argparse's own messages (a missing or unknown option), said in Vietnamese: every message of the
# command line is Vietnamese (argparse looks its texts up through gettext at call time).
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không hiểu: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn %(value)r không có (chọn một trong %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (%(type)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
}


def _argparse_vi(text: str) -> str:
    return _ARGPARSE_VI.get(text, text)


def _argparse_vi_n(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if n == 1 else plural


argparse._ = _argparse_vi                       # type: ignore[attr-defined]
argparse.ngettext = _argparse_vi_n              # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kiemdiem", description="Kiểm điểm Desktop")
    p.add_argument("--db", help="tệp dữ liệu")
    p.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_window)
    sub = p.add_subparsers(dest="command")

    def with_db(sp: argparse.ArgumentParser, required: bool = False) -> None:
        sp.add_argument("--db", required=required, help="tệp dữ liệu")

    d = sub.add_parser("demo", help="tạo tệp dữ liệu mẫu mới")
    d.add_argument("--db", required=True)
    d.add_argument("--members", type=int, default=12)
    d.add_argument("--finished", action="store_true")
    d.set_defaults(func=cmd_demo)

    roster = sub.add_parser("roster", help="danh sách đảng viên").add_subparsers(dest="roster_command", required=True)
    ri = roster.add_parser("import", help="nhập danh sách từ CSV/XLSX")
    ri.add_argument("file")
    with_db(ri)
    ri.add_argument("--encoding", choices=["utf-8", "utf-16", "cp1258", "tcvn3", "vni"])
    ri.add_argument("--confirm", type=int, action="append", metavar="DÒNG",
                    help="xác nhận dòng đổi họ tên của một đảng viên đã có (cùng số thẻ, ngày sinh); lặp lại được")
    ri.set_defaults(func=cmd_roster_import)
    rl = roster.add_parser("list")
    with_db(rl)
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(func=cmd_roster_list)

    meeting = sub.add_parser("meeting", help="cuộc họp").add_subparsers(dest="meeting_command", required=True)
    ml = meeting.add_parser("list")
    with_db(ml)
    ml.add_argument("--json", action="store_true")
    ml.set_defaults(func=cmd_meeting_list)
    me = meeting.add_parser("export", help="xuất cả cuộc họp ra tệp JSON")
    with_db(me)
    me.add_argument("--meeting", required=True, help="mã cuộc họp (UUID hoặc phần đầu)")
    me.add_argument("--out", required=True)
    me.add_argument("--attachments", action="store_true", help="kèm nội dung tệp đính kèm (base64)")
    me.set_defaults(func=cmd_meeting_export)
    mi = meeting.add_parser("import", help="nhập cuộc họp từ tệp JSON")
    mi.add_argument("file")
    with_db(mi)
    mi.set_defaults(func=cmd_meeting_import)
    mr = meeting.add_parser("results", help="kết quả biểu quyết và xếp loại")
    with_db(mr)
    mr.add_argument("--meeting", required=True, help="mã cuộc họp (UUID hoặc phần đầu)")
    mr.add_argument("--json", action="store_true")
    mr.set_defaults(func=cmd_meeting_results)

    mn = sub.add_parser("minutes", help="biên bản hội nghị (PDF, hoặc Word với --docx)")
    with_db(mn)
    mn.add_argument("--meeting", required=True)
    mn.add_argument("--out", required=True)
    mn.add_argument("--docx", action="store_true")
    mn.set_defaults(func=cmd_minutes)
    dc = sub.add_parser("documents", help="mọi văn bản của cuộc họp vào một thư mục")
    with_db(dc)
    dc.add_argument("--meeting", required=True)
    dc.add_argument("--out", required=True)
    dc.set_defaults(func=cmd_documents)

    b = sub.add_parser("backup", help="sao lưu tệp dữ liệu")
    with_db(b)
    b.add_argument("--out", required=True)
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser("restore", help="khôi phục từ bản sao lưu")
    r.add_argument("file")
    with_db(r)
    r.set_defaults(func=cmd_restore)

    keys = sub.add_parser("keys", help="khóa").add_subparsers(dest="keys_command", required=True)
    kn = keys.add_parser("new", help="tạo cặp khóa tự ký (RSA-3072) và chứng thư .crt cùng tên")
    kn.add_argument("--name", required=True, help="tên người hoặc đơn vị giữ khóa")
    kn.add_argument("--out", required=True, help="tệp .p12")
    kn.add_argument("--for", dest="purpose", choices=["signing", "encryption"])
    kn.add_argument("--passphrase-file")
    kn.set_defaults(func=cmd_keys_new)
    sg = sub.add_parser("sign", help="ký số biên bản PDF (PAdES) theo vai trò")
    sg.add_argument("file")
    sg.add_argument("--role", required=True, choices=["chu-tri", "thu-ky"])
    sg.add_argument("--out", required=True)
    _add_key_options(sg)
    sg.set_defaults(func=cmd_sign)
    pk = sub.add_parser("package", help="lập gói ký số, mã hóa gửi cấp ủy cấp trên")
    with_db(pk)
    pk.add_argument("--meeting", required=True)
    pk.add_argument("--to", action="append", required=True, help="chứng thư số của cấp ủy nhận (.cer/.crt/.pem/.der)")
    pk.add_argument("--out", help="tệp gói (mặc định: tên theo chi bộ, năm, lần)")
    pk.add_argument("--minutes", help="biên bản PDF đã ký số (mặc định: lập từ dữ liệu)")
    pk.add_argument("--scan", action="append", help="bản quét biên bản giấy (PDF hoặc ảnh)")
    pk.add_argument("--json", action="store_true")
    _add_key_options(pk)
    pk.set_defaults(func=cmd_package)
    op = sub.add_parser("open", help="giải mã, kiểm tra và mở gói (một hoặc nhiều gói, hoặc cả thư mục)")
    op.add_argument("file", nargs="+", help="tệp gói .p7m, hoặc thư mục chứa các gói")
    op.add_argument("--out", required=True)
    op.add_argument("--register", help="tệp dữ liệu của cấp ủy (sổ đăng ký khóa, hộp thư), hoặc kho dùng chung "
                                       "postgresql://…")
    op.add_argument("--trust", action="store_true", help="tin cậy khóa của chi bộ gửi lần đầu (đã đối chiếu)")
    op.add_argument("--root", action="append", metavar="CA.crt",
                    help="nhập chứng thư gốc của tổ chức chứng thực vào sổ đăng ký trước khi mở gói (lặp lại được)")
    op.add_argument("--accept-expired", action="store_true",
                    help="vẫn mở gói khi chứng thư của người ký đã hết hạn lúc nhận (sau khi đã xác nhận với chi bộ)")
    op.add_argument("--json", action="store_true")
    _add_key_options(op)
    op.set_defaults(func=cmd_open)
    vf = sub.add_parser("verify", help="kiểm tra chữ ký của biên bản PDF, hoặc một gói")
    vf.add_argument("file")
    vf.add_argument("--register")
    vf.add_argument("--json", action="store_true")
    vf.add_argument("--accept-expired", action="store_true",
                    help="chấp nhận chứng thư của người ký đã hết hạn lúc nhận (sau khi đã xác nhận với chi bộ)")
    _add_key_options(vf, required=False)
    vf.set_defaults(func=cmd_verify)
    cm = sub.add_parser("committee", help="cấp ủy cấp trên: năm đánh giá của đảng bộ").add_subparsers(
        dest="committee_command", required=True)

    def reg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--register", required=True, help="tệp dữ liệu của cấp ủy, hoặc kho dùng chung postgresql://…")

    cset = cm.add_parser("setup", help="tên cấp ủy, cấp trên, địa danh, bí thư (in trên thông báo và báo cáo)")
    reg(cset)
    cset.add_argument("--name", help="tên cấp ủy, ví dụ “Đảng ủy phường Bến Nghé”")
    cset.add_argument("--higher-org", help="cấp trên, ví dụ “Đảng bộ quận 1”")
    cset.add_argument("--locality", help="địa danh ghi ở dòng ngày tháng")
    cset.add_argument("--secretary", help="họ và tên bí thư (ký thông báo, báo cáo)")
    cset.set_defaults(func=cmd_committee_setup)
    cc = cm.add_parser("cells", help="danh sách chi bộ").add_subparsers(dest="cells_command", required=True)
    cci = cc.add_parser("import", help="nhập danh sách chi bộ (CSV/XLSX: mã, tên chi bộ)")
    cci.add_argument("file")
    reg(cci)
    cci.set_defaults(func=cmd_committee_cells_import)
    cst = cm.add_parser("status", help="chi bộ nào đã gửi, bị từ chối, gửi bản sửa đổi, chưa gửi")
    reg(cst)
    cst.add_argument("--year", type=int, required=True)
    cst.add_argument("--json", action="store_true")
    cst.set_defaults(func=cmd_committee_status)
    csu = cm.add_parser("summary", help="tổng hợp năm; --out: báo cáo lên cấp trên (.pdf, .docx, .xlsx)")
    reg(csu)
    csu.add_argument("--year", type=int, required=True)
    csu.add_argument("--json", action="store_true")
    csu.add_argument("--out")
    csu.add_argument("--number", help="số báo cáo, ví dụ 25-BC/ĐU (trống: để điền tay)")
    csu.add_argument("--date", help="ngày báo cáo dd/mm/yyyy (mặc định: hôm nay)")
    csu.set_defaults(func=cmd_committee_summary)
    cd = cm.add_parser("decide", help="ghi mức cấp ủy quyết định cho một đảng viên (hoặc một chi bộ, hoặc từ XLSX)")
    reg(cd)
    cd.add_argument("--year", type=int, required=True)
    cd.add_argument("--member", help="mã đảng viên (UUID hoặc phần đầu)")
    cd.add_argument("--cell", help="mã (hoặc tên) chi bộ: mức xếp loại của tập thể chi bộ")
    cd.add_argument("--level", help="HTXSNV, HTTNV, HTNV, KHTNV (hoặc EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED)")
    cd.add_argument("--reason", help="lý do (bắt buộc khi hạ mức)")
    cd.add_argument("--from", dest="from_file", help="bảng tính XLSX (trang “Quyết định”)")
    cd.add_argument("--preview", action="store_true", help="với --from: chỉ xem trước, không ghi")
    cd.add_argument("--number", help="số thông báo, ví dụ 15-TB/ĐU")
    cd.add_argument("--date", help="ngày quyết định dd/mm/yyyy (mặc định: hôm nay)")
    cd.add_argument("--by", help="người ghi")
    cd.set_defaults(func=cmd_committee_decide)
    cn = cm.add_parser("notify", help="thông báo kết quả cho một chi bộ, ký số và mã hóa như gói")
    reg(cn)
    cn.add_argument("--year", type=int, required=True)
    cn.add_argument("--cell", required=True)
    cn.add_argument("--to", required=True, help="chứng thư mã hóa của chi bộ (.crt)")
    cn.add_argument("--out", required=True)
    cn.add_argument("--number", help="số thông báo, ví dụ 15-TB/ĐU")
    cn.add_argument("--date", help="ngày thông báo dd/mm/yyyy (mặc định: hôm nay)")
    _add_key_options(cn)
    cn.set_defaults(func=cmd_committee_notify)
    dc2 = sub.add_parser("decisions", help="quyết định của cấp ủy cấp trên").add_subparsers(
        dest="decisions_command", required=True)
    di = dc2.add_parser("import", help="ghi các mức cấp ủy cấp trên quyết định từ tệp thông báo .p7m")
    di.add_argument("file")
    with_db(di)
    di.add_argument("--trust", action="store_true", help="tin cậy khóa của cấp ủy lần đầu (đã đối chiếu)")
    _add_key_options(di)
    di.set_defaults(func=cmd_decisions_import)
    st = sub.add_parser("selftest", help="thử toàn bộ chuỗi (cửa sổ, cuộc họp mẫu, tài liệu, ký, gói, mở gói) "
                                         "trong thư mục tạm")
    st.add_argument("--no-window", action="store_true", help="bỏ qua bước mở cửa sổ chính")
    st.set_defaults(func=cmd_selftest)
    return p


def _visible(text: str, **kw) -> str:
    """Text that may come from a file (a package's names, a certificate's subject) made safe for a
    terminal: control and format characters (ANSI escapes) shown as ⟨U+XXXX⟩."""
    from .crypto.identity import visible

    return visible(text, **kw)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except Refused as err:
        return _fail(str(err), EXIT_REFUSED)
    except RefusedFileError as err:      # a data file or backup refused for what it is
        return _fail(str(err), EXIT_REFUSED)
    except StoreError as err:            # held open elsewhere, missing, disk full: failed
        return _fail(str(err), EXIT_FAILED)
    except UserError as err:
        return _fail(str(err), EXIT_REFUSED)
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:
        # `kiemdiem roster list | head`: the reader has gone; not an error of ours.
        _silence_stdout()
        return EXIT_FAILED
    except sqlite3.DatabaseError as err:
        from .store.errors import sqlite_detail

        return _fail(f"Tệp dữ liệu {getattr(args, 'db', None) or ''} không đọc được giữa chừng: "
                     f"{sqlite_detail(err)}. Không ghi gì; hãy khôi phục từ một bản sao lưu vào tệp mới.",
                     EXIT_REFUSED)
    except MemoryError:
        return _fail("Không đủ bộ nhớ để làm việc này (tệp đầu vào quá lớn?). Không ghi gì.", EXIT_FAILED)
    except RecursionError:
        return _fail("Tệp đầu vào lồng nhau quá sâu: không đọc được. Không ghi gì.", EXIT_REFUSED)
    except OSError as err:
        from .store.atomic import os_error_detail

        where = f" {err.filename}" if getattr(err, "filename", None) else ""
        return _fail(f"Không làm được:{where} {os_error_detail(err)}.", EXIT_FAILED)
    except Exception as err:  # noqa: BLE001 - the last guard: a message, never a traceback
        import os
        import traceback

        if os.environ.get("KIEMDIEM_DEBUG"):
            traceback.print_exc()
        return _fail(f"Lỗi không lường trước ({type(err).__name__}); không có gì bị ghi dở. "
                     f"Hãy báo cho người hỗ trợ kèm lệnh đã chạy (đặt KIEMDIEM_DEBUG=1 để xem chi tiết).",
                     EXIT_FAILED)


def _fail(message: str, code: int) -> int:
    try:
        print("\n".join(_shown(line) for line in str(message).split("\n")), file=sys.stderr)
    except (BrokenPipeError, OSError):
        pass
    return code


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at the null device so the interpreter's final flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
