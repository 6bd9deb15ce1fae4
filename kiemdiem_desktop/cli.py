"""The command line of shared/CLI.md, thin over the services.

Exit codes: 0 done; 1 failed (message on stderr, in Vietnamese); 2 refused input, nothing written.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any, Sequence

from . import paths
from .i18n import UserError
from .services import CellFile, RosterEntry
from .store.errors import StoreError
from .vn.dates import format_date

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2


class Refused(Exception):
    """Input refused: exit 2, nothing written."""


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(unicodedata.normalize("NFC", text).encode("utf-8") + b"\n")
    sys.stdout.flush()


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
    cf = CellFile.create_demo(args.db, members=args.members, finished=args.finished)
    count = len(cf.members())
    cf.close(backup=False)
    print(f"Đã tạo tệp dữ liệu mẫu {args.db} ({count} đảng viên).")
    return EXIT_OK


def cmd_roster_import(args: argparse.Namespace) -> int:
    cf = CellFile.open(_db_path(args), create=True)
    try:  # closed with an automatic backup: the import changed the roster
        preview = cf.preview_import(args.file, encoding=args.encoding)
        notes = preview.all_problems()
        errors = [p for p in notes if p.severity == "error"]
        for p in notes:
            print(str(p) if p.severity == "error" else f"Lưu ý — {p}", file=sys.stderr)
        if errors:
            raise Refused(f"Không nhập: {len(errors)} lỗi; chưa ghi gì vào {cf.path}.")
        summary = cf.apply_import(preview).result()
    finally:
        cf.close()
    print(f"Đã nhập {preview.file}: {summary.added} mới, {summary.updated} cập nhật, "
          f"{summary.unchanged} không đổi.")
    return EXIT_OK


def cmd_roster_list(args: argparse.Namespace) -> int:
    with CellFile.open(_db_path(args)) as cf:
        entries = cf.roster()
    if args.json:
        _print_json([roster_entry_json(e) for e in entries])
    else:
        for i, e in enumerate(entries, 1):
            print(f"{i:>4}  {e.member.full_name:<32} {format_date(e.member.birth_date):<10}  {e.status_text}")
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

    with CellFile.open(_db_path(args)) as cf:
        meeting = cf.find_meeting(args.meeting)
        out = write_meeting_file(cf, meeting.id, args.out, attachments=args.attachments)
    print(f"Đã xuất cuộc họp {meeting.id} vào {out}.")
    return EXIT_OK


def cmd_meeting_import(args: argparse.Namespace) -> int:
    from .io.meeting_json import import_meeting_report, parse_document, read_document

    name = Path(args.file).name
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
        sys.stdout.buffer.write(unicodedata.normalize("NFC", results_text(data)).encode("utf-8") + b"\n")
        sys.stdout.flush()
    return EXIT_OK


def _desk(cf: CellFile, meeting_prefix: str):
    from .session import MeetingSession
    from .voting import VotingDesk

    return VotingDesk(MeetingSession(cf, cf.find_meeting(meeting_prefix).id))


def cmd_minutes(args: argparse.Namespace) -> int:
    from .documents.minutes import build_minutes, build_minutes_docx

    with CellFile.open(_db_path(args)) as cf:
        desk = _desk(cf, args.meeting)
        out = (build_minutes_docx if args.docx else build_minutes)(desk, args.out)
        state = f"bản chính thức, lần {desk.s.meeting.revision}" if desk.s.meeting.revision and \
            desk.s.meeting.state.value == "locked" else "dự thảo"
    print(f"Đã ghi biên bản ({state}) vào {out}.")
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    from .documents.all_documents import build_documents
    from .documents.minutes import build_minutes, build_minutes_docx

    def minutes(desk, path):
        build_minutes_docx(desk, Path(path).with_suffix(".docx"))
        return build_minutes(desk, path)

    with CellFile.open(_db_path(args)) as cf:
        desk = _desk(cf, args.meeting)
        paths = build_documents(desk, args.out, minutes=minutes, locality=desk.s.cell.locality)
    for p in paths:
        print(p)
    print(f"Đã ghi {len(paths) + 1} văn bản vào {args.out}.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with CellFile.open(_db_path(args)) as cf:
        out = cf.backup(args.out)
    print(f"Đã sao lưu vào {out}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with CellFile.open(_db_path(args), create=True) as cf:
        saved = cf.restore(args.file)
    print(f"Đã khôi phục {cf.path} từ {args.file}. Dữ liệu trước đó được giữ ở {saved}.")
    return EXIT_OK


def cmd_window(args: argparse.Namespace) -> int:
    from .gui.app import run

    return run(db=args.db, exit_when_shown=args.exit_when_shown)


# -- parser ------------------------------------------------------------------------------
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except Refused as err:
        print(str(err), file=sys.stderr)
        return EXIT_REFUSED
    except StoreError as err:
        print(str(err), file=sys.stderr)
        return EXIT_FAILED
    except UserError as err:
        print(str(err), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_FAILED
