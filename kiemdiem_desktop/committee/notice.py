"""The decisions going back to a cell, and the report upward.

A notice travels like a package: a ZIP (manifest.json of format "kiemdiem-notice", thong-bao.pdf,
quyet-dinh.json) signed as CMS SignedData with the committee's signing key (a file or a token,
through pyHanko) and enveloped for the cell's encryption certificate (AES-256-CBC).

On the cell's side ``import_decisions`` decrypts it with the cell's key, verifies the signature,
pins the committee's key the first time (``trust``; its fingerprint is kept in the cell's data
file) and refuses another key later; then it records each decided level as a decision of the
meeting that rated the member (DecisionKind.DECIDED, with the notice's number and date) — the
cell's own vote is never touched. Importing the same notice twice adds nothing."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..crypto.open_package import PackageRefused, decrypt_envelope, verify_signed
from ..crypto.package import build_zip, envelope, make_manifest, sign_cms
from ..documents.committee_notice import Committee, NoticeData, NoticeLine, build_notice_pdf, citations
from ..documents.committee_report import CellRow, ReportData
from ..i18n import UserError
from ..store.atomic import write_bytes_atomically
from .year import STATUS_LABELS, CommitteeOffice, YearView

FORMAT = "kiemdiem-notice"
VERSION = 1
DATA = "quyet-dinh.json"
PDF = "thong-bao.pdf"


def _rules(year: int):
    from ..rules.ruleset import all_rule_sets, rule_set_for_year

    try:
        return rule_set_for_year(year)
    except Exception:  # noqa: BLE001
        return all_rule_sets()[-1]


def committee_of(office: CommitteeOffice) -> Committee:
    i = office.identity()
    return Committee(i["name"] or "Đảng ủy", i["higher_org"], i["locality"], i["secretary"])


def notice_data(office: CommitteeOffice, view: YearView, code: str, *, day: date, reference: str) -> NoticeData:
    cell = view.cell(code)
    if not cell.package:
        raise UserError(f"{cell.name} chưa gửi gói năm {view.year} (hoặc gói bị từ chối): chưa có gì để thông báo.")
    d = NoticeData(committee_of(office), view.year, cell.name, reference, day, citations(_rules(view.year)))
    for m in cell.members:
        if not m.rated:
            continue
        d.members.append(NoticeLine(m.full_name, m.voted_level, m.votes, m.base, m.level,
                                    m.decision.reason if m.decision else m.note if m.level is None else ""))
    d.cell = NoticeLine(cell.name, cell.cell_level, cell.cell_votes, cell.cell_base, cell.level,
                        cell.decision.reason if cell.decision else "")
    return d


def notice_json(view: YearView, code: str, data: NoticeData, signer: str) -> dict:
    cell = view.cell(code)
    members = []
    for m in cell.members:
        if not m.rated:
            continue
        dec = m.decision
        members.append({"id": m.id, "full_name": m.full_name, "voted_level": m.voted_level,
                        "decided_level": m.level, "reason": dec.reason if dec else "",
                        "reference": (dec.reference if dec and dec.reference else data.reference),
                        "decided_on": dec.decided_on if dec else data.day.isoformat(),
                        "lowered": bool(dec and dec.level != m.voted_level)})
    return {"format": FORMAT, "version": VERSION, "rating_year": view.year,
            "committee": {"name": data.committee.name, "higher_org": data.committee.higher_org,
                          "signer_fingerprint": signer},
            "cell": {"code": cell.code, "name": cell.name}, "reference": data.reference,
            "decided_on": data.day.isoformat(), "members": members,
            "cell_level": {"voted_level": cell.cell_level, "decided_level": cell.level,
                           "reason": cell.decision.reason if cell.decision else ""}}


@dataclass
class NoticeResult:
    path: Path
    size: int
    sha256: str
    members: int
    lowered: int


def make_notice(office: CommitteeOffice, year: int, code: str, key, recipient, out: str | os.PathLike, *,
                day: date, reference: str = "", view: YearView | None = None) -> NoticeResult:
    """The notice for one cell, written exactly to ``out`` (atomically) and recorded. ``view``: the
    year already read (a batch of notices)."""
    from ..crypto.keys import fingerprint

    view = view or office.view(year)
    cell = view.cell(code)
    data = notice_data(office, view, code, day=day, reference=reference)
    with tempfile.TemporaryDirectory(prefix="kiemdiem-thong-bao-") as tmp:
        pdf = build_notice_pdf(data, Path(tmp) / PDF).read_bytes()
    body = notice_json(view, code, data, key.fingerprint)
    files = {PDF: pdf, DATA: (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")}
    manifest = make_manifest(files, cell={"code": cell.code, "name": cell.name},
                             meeting={"rating_year": year, "reference": reference}, signer=key.fingerprint)
    manifest["format"], manifest["version"] = FORMAT, VERSION
    blob = envelope(sign_cms(build_zip(files, manifest), key), [recipient])
    target = Path(out)
    write_bytes_atomically(target, blob)
    sha = hashlib.sha256(blob).hexdigest()
    office.record_notice(year, cell, reference=reference, decided_on=day, file_name=target.name, sha256=sha,
                         recipient=fingerprint(recipient))
    return NoticeResult(target, len(blob), sha, len(body["members"]), sum(1 for m in body["members"] if m["lowered"]))


# -- the report -------------------------------------------------------------------------------------------
def report_data(office: CommitteeOffice, year: int, *, day: date, reference: str = "") -> ReportData:
    from ..model.levels import Level  # noqa: F401 - levels checked by the document

    view = office.view(year)
    counts = view.counts()
    cells = []
    for c in view.cells:
        rated = [m for m in c.members if m.rated]
        cells.append(CellRow(c.name, STATUS_LABELS[c.status], len(rated),
                             {lv: sum(1 for m in rated if m.level == lv) for lv in counts["members"]["levels"]},
                             sum(1 for m in rated if m.level is None), c.level if c.package else None))
    lowered = sum(1 for m in view.members() if m.decision and m.decision.level != m.voted_level)
    return ReportData(committee_of(office), year, reference, day, citations(_rules(year)),
                      counts["members"]["levels"], counts["members"]["unrated"], counts["members"]["total"],
                      counts["members"]["not_rated_here"], counts["cells"]["levels"], counts["cells"]["unrated"],
                      counts["cells"]["total"], counts["cells"]["expected"], counts["decided"], lowered,
                      [(q.group or "Toàn đảng bộ", q.text, q.over) for q in view.quota], cells)


def decisions_sheet(view: YearView):
    """The sheet the staff fill in ("Quyết định"): one row per member rated, the proposal beside it."""
    from ..model.levels import LEVEL_ABBREVIATIONS, Level

    def add(wb) -> None:
        from openpyxl.styles import Font

        ws = wb.create_sheet("Quyết định")
        head = ["Mã đảng viên", "Họ và tên", "Chi bộ", "Chi bộ đề xuất", "Mức quyết định", "Lý do", "Số thông báo",
                "Ngày quyết định"]
        for col, t in enumerate(head, 1):
            ws.cell(1, col, t).font = Font(bold=True)
        r = 1
        for m in view.members():
            if not m.rated:
                continue
            r += 1
            values = [m.id, m.full_name, m.cell_name,
                      LEVEL_ABBREVIATIONS[Level(m.voted_level)] if m.voted_level else (m.note or "chưa xếp loại"),
                      LEVEL_ABBREVIATIONS[Level(m.decision.level)] if m.decision else None,
                      m.decision.reason if m.decision else None, m.decision.reference if m.decision else None,
                      None]
            for col, v in enumerate(values, 1):
                c = ws.cell(r, col)
                c.value = v
                if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
                    c.data_type = "s"
        for col, w in zip("ABCDEFGH", (38, 28, 28, 16, 16, 40, 16, 16)):
            ws.column_dimensions[col].width = w
        ws.freeze_panes = "C2"

    return add


# -- the cell's side -----------------------------------------------------------------------------------------
PIN_KEY = "committee_key_fingerprint"
PIN_NAME = "committee_key_subject"


@dataclass
class ImportedDecisions:
    committee: str
    fingerprint: str
    first_seen: bool
    recorded: list[str] = field(default_factory=list)     # "Name: HTTNV -> HTNV"
    unchanged: int = 0
    unknown: list[str] = field(default_factory=list)


class NoticeRefused(UserError):
    """A notice not recorded; ``first_seen`` when only the committee key's confirmation is missing."""

    def __init__(self, message: str, *, first_seen: bool = False, fingerprint: str = "", committee: str = ""):
        super().__init__(message)
        self.first_seen, self.fingerprint, self.committee = first_seen, fingerprint, committee


MAX_NOTICE_FILE = 50 << 20       # a notice is a PDF and a small JSON: 50 MB is far beyond either


def read_notice_zip(data: bytes) -> tuple[dict, dict[str, bytes]]:
    """The notice's manifest and files, strictly: plain files only, listed exactly, sizes and
    SHA-256 as the manifest says, nothing inflated beyond what is declared."""
    import io
    import stat
    import zipfile

    from ..crypto.open_package import _Damaged

    def need(cond: bool, what: str) -> None:
        if not cond:
            raise _Damaged(what)

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as err:
        raise _Damaged("tệp ZIP bên trong không đọc được") from err
    names = [i.filename for i in infos]
    need(len(infos) <= 8 and len(names) == len(set(names)), "ZIP có quá nhiều mục hoặc tên trùng")
    need(set(names) == {"manifest.json", PDF, DATA}, "nội dung thông báo không đúng (manifest.json, "
                                                     f"{PDF}, {DATA})")

    def body(info: zipfile.ZipInfo) -> bytes:
        mode = info.external_attr >> 16
        need(not info.is_dir() and not (mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode))
             and not info.flag_bits & 0x1 and info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
             and info.file_size <= MAX_NOTICE_FILE, f"mục {info.filename!r} không phải tệp thường hoặc quá lớn")
        try:
            with z.open(info) as f:
                out = f.read(info.file_size + 1)
        except Exception as err:  # noqa: BLE001 - CRC error, bad deflate stream
            raise _Damaged(f"không đọc được {info.filename!r}") from err
        need(len(out) == info.file_size, f"kích thước {info.filename!r} không khớp")
        return out

    try:
        manifest = json.loads(body(z.getinfo("manifest.json")).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _Damaged("manifest.json không đọc được") from err
    need(isinstance(manifest, dict) and manifest.get("format") == FORMAT and manifest.get("version") == VERSION,
         "manifest.json không phải của một thông báo kết quả")
    listed = manifest.get("files")
    need(isinstance(listed, list) and all(isinstance(f, dict) for f in listed)
         and sorted(str(f.get("name")) for f in listed) == sorted([PDF, DATA]), "danh sách tệp không đúng")
    files = {}
    for f in listed:
        data_ = body(z.getinfo(f["name"]))
        need(len(data_) == f.get("size") and hashlib.sha256(data_).hexdigest() == f.get("sha256"),
             f"SHA-256 của {f['name']} không khớp")
        files[f["name"]] = data_
    return manifest, files


def read_notice(path: str | os.PathLike, key) -> tuple[dict, dict[str, bytes], object, str]:
    """(manifest, files, signer certificate, fingerprint), everything checked in memory."""
    from ..crypto.keys import fingerprint
    from ..crypto.open_package import _Damaged

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError(f"Không đọc được tệp thông báo {path}: {err.strerror or err}.") from err
    signed = decrypt_envelope(data, key)
    try:
        content, cert, _when = verify_signed(signed)
        manifest, files = read_notice_zip(content)
        body = json.loads(files[DATA].decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("members"), list):
            raise _Damaged(f"{DATA} không đúng định dạng")
    except _Damaged as err:
        raise PackageRefused("damaged", str(err), path.name) from err
    except (KeyError, ValueError) as err:
        raise PackageRefused("damaged", f"{DATA} không đọc được", path.name) from err
    return body, files, cert, fingerprint(cert)


def import_decisions(cf, path: str | os.PathLike, key, *, trust: bool = False) -> ImportedDecisions:
    from ..crypto.keys import common_name
    from ..model import Level
    from ..model.levels import LEVEL_ABBREVIATIONS
    from ..model.rating import DecisionKind
    from ..model.vote import CELL
    from ..session import MeetingSession
    from ..store import repositories as repo
    from ..vn.text import fold
    from ..voting import VotingDesk

    body, _files, cert, fp = read_notice(path, key)
    meta = cf.db.read(repo.get_meta)
    pinned = meta.get(PIN_KEY, "")
    committee = body.get("committee", {}).get("name") or common_name(cert)
    if pinned and pinned != fp:
        raise NoticeRefused(f"CẢNH BÁO: thông báo ký bằng khóa khác với khóa của cấp ủy đã ghi nhận!\n"
                            f"  Khóa đã ghi nhận ({meta.get(PIN_NAME, '')}): {pinned}\n"
                            f"  Khóa ký thông báo này: {fp}\n"
                            f"Hãy gọi điện cho văn phòng cấp ủy để đối chiếu. Không ghi gì.")
    if not pinned and not trust:
        raise NoticeRefused(f"Lần đầu nhận thông báo của {committee}. Dấu vân tay khóa ký (SHA-256):\n  {fp}\n"
                            f"Hãy đối chiếu với cấp ủy (qua điện thoại hoặc văn bản), rồi chạy lại lệnh với --trust. "
                            f"Không ghi gì.", first_seen=True, fingerprint=fp, committee=committee)
    cell = cf.cell()
    want = body.get("cell", {})
    if (want.get("code") and cell.code and fold(want["code"]) != fold(cell.code)) or \
            (not (want.get("code") and cell.code) and fold(want.get("name", "")) != fold(cell.name)):
        raise NoticeRefused(f"Thông báo gửi cho {want.get('name') or want.get('code')}, không phải {cell.name}. "
                            f"Không ghi gì.")
    year = body.get("rating_year")
    meetings = [m for m in cf.meetings() if m.rating_year == year]
    if not meetings:
        raise NoticeRefused(f"Tệp dữ liệu không có cuộc họp năm {year}: không ghi được quyết định. Không ghi gì.")
    desks = [VotingDesk(MeetingSession(cf, m.id)) for m in meetings]
    result = ImportedDecisions(committee, fp, not pinned)
    planned = []
    for item in body["members"]:
        level = item.get("decided_level")
        if not level:
            continue
        level = Level(level).value
        desk = next((d for d in reversed(desks) if d.final_vote(item.get("id", "")) is not None), None)
        if desk is None:
            desk = next((d for d in desks if item.get("id") in d.s.members), None)
        if desk is None:
            result.unknown.append(item.get("full_name", item.get("id", "")))
            continue
        planned.append((desk, item["id"], level, item))
    cell_level = (body.get("cell_level") or {}).get("decided_level")
    if cell_level:
        desk = next((d for d in reversed(desks) if d.final_vote(CELL) is not None), desks[0])
        planned.append((desk, CELL, Level(cell_level).value, {**body["cell_level"], "full_name": cell.name,
                                                              "reference": body.get("reference", ""),
                                                              "decided_on": body.get("decided_on")}))
    for desk, subject, level, item in planned:
        day = date.fromisoformat(item.get("decided_on") or body.get("decided_on"))
        ref = item.get("reference") or body.get("reference") or ""
        same = [d for d in desk.record.decisions if d.subject == subject and d.kind == DecisionKind.DECIDED
                and d.level == level and d.reference == ref and d.decided_on == day]
        if same:
            result.unchanged += 1
            continue
        desk.record_decision(subject, DecisionKind.DECIDED, Level(level), day, ref, item.get("reason", ""))
        voted = desk.voted_level(subject)
        result.recorded.append(f"{item.get('full_name', subject)}: chi bộ biểu quyết "
                               f"{LEVEL_ABBREVIATIONS[voted] if voted else 'chưa đạt'}, cấp ủy quyết định "
                               f"{LEVEL_ABBREVIATIONS[Level(level)]}")
    if not pinned:
        cf.db.write(lambda conn: (repo.set_meta(conn, PIN_KEY, fp), repo.set_meta(conn, PIN_NAME, committee))).result()
    return result
