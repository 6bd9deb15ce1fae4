"""The package's manifest.json checked whole before anything of the package is used or written:
every field the opener, the register and the window read has its type and range here, so a
signed package with ``"rating_year": "2025"`` or ``"cell": []`` is refused with the path of the
field instead of failing later with a traceback (or leaving the window on "Đang mở…").

Also the meeting documents the package carries (meeting.json and meeting-<id>.json): each passes
the meeting importer's checks (schema, references, the window's checks of the figures) and says
the same cell and meeting as the manifest.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

FORMAT = "kiemdiem-package"
VERSION = 1
MANIFEST = "manifest.json"
MEETING_JSON = "meeting.json"
MAX_MANIFEST = 1 << 20            # a real one is a few kilobytes
MAX_FILES = 2000
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")
# Names Windows cannot create (any extension): a package must unpack on every machine.
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
TEXT_LIMIT = 300


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def name_problem(name: Any) -> str:
    """Why ``name`` may not be a file of a package, or ""."""
    if not isinstance(name, str) or SAFE_NAME.match(name) is None:
        return f"tên tệp không hợp lệ: {name!r}"[:160]
    if WINDOWS_RESERVED.match(name) or name.endswith(".") or ".." in name:
        return f"tên tệp không dùng được trên Windows: {name!r}"
    return ""


def manifest_problems(m: Any) -> list[str]:
    """Every problem of the manifest, each as "path: what is wrong" (Vietnamese)."""
    out: list[str] = []

    def bad(path: str, what: str) -> None:
        out.append(f"{path}: {what}")

    def text(obj: dict, key: str, path: str, *, required: bool = False, limit: int = TEXT_LIMIT) -> None:
        if key not in obj or obj[key] is None:
            if required:
                bad(f"{path}.{key}", "thiếu")
            return
        v = obj[key]
        if not isinstance(v, str):
            bad(f"{path}.{key}", f"cần chuỗi ký tự, có {type(v).__name__}")
        elif len(v) > limit:
            bad(f"{path}.{key}", f"dài {len(v)} ký tự, quá {limit}")

    if not isinstance(m, dict):
        return ["(manifest): cần đối tượng {…}"]
    if m.get("format") != FORMAT:
        bad("format", f"cần “{FORMAT}”")
    if m.get("version") != VERSION or not _is_int(m.get("version")):
        bad("version", f"phiên bản gói {str(m.get('version'))[:20]!r} không được hỗ trợ")
    for k in ("generator", "created_at"):
        text(m, k, "", limit=200)
    if isinstance(m.get("created_at"), str) and m["created_at"]:
        try:
            datetime.fromisoformat(m["created_at"])
        except ValueError:
            bad("created_at", "cần thời điểm ISO 8601")
    if "signer_fingerprint" in m and m["signer_fingerprint"] is not None and \
            not isinstance(m["signer_fingerprint"], str):
        bad("signer_fingerprint", "cần chuỗi ký tự")

    cell = m.get("cell")
    if not isinstance(cell, dict):
        bad("cell", "cần đối tượng {…}" if "cell" in m else "thiếu")
    else:
        text(cell, "name", "cell", required=True)
        text(cell, "code", "cell", limit=100)
        text(cell, "higher_org", "cell")
        text(cell, "locality", "cell")
        if isinstance(cell.get("name"), str) and not cell["name"].strip():
            bad("cell.name", "trống")

    meeting = m.get("meeting")
    if not isinstance(meeting, dict):
        bad("meeting", "cần đối tượng {…}" if "meeting" in m else "thiếu")
    else:
        mid = meeting.get("id")
        if not isinstance(mid, str) or UUID.match(mid) is None:
            bad("meeting.id", "cần mã UUID")
        if meeting.get("kind") not in ("main", "supplementary"):
            bad("meeting.kind", "cần “main” hoặc “supplementary”")
        y = meeting.get("rating_year")
        if not _is_int(y) or not 2000 <= y <= 2100:
            bad("meeting.rating_year", f"cần số nguyên từ 2000 đến 2100, có {str(y)[:20]!r}")
        r = meeting.get("revision")
        if not _is_int(r) or not 0 <= r <= 10_000:
            bad("meeting.revision", f"cần số nguyên từ 0 đến 10000, có {str(r)[:20]!r}")
        d = meeting.get("meeting_date")
        if d is not None:
            try:
                if not isinstance(d, str):
                    raise ValueError(d)
                date.fromisoformat(d)
            except ValueError:
                bad("meeting.meeting_date", "cần ngày dạng YYYY-MM-DD hoặc null")

    files = m.get("files")
    if not isinstance(files, list):
        bad("files", "cần danh sách […]" if "files" in m else "thiếu")
    elif len(files) > MAX_FILES:
        bad("files", f"{len(files)} tệp, quá {MAX_FILES}")
    else:
        seen: set[str] = set()
        for i, f in enumerate(files):
            p = f"files[{i}]"
            if not isinstance(f, dict):
                bad(p, "cần đối tượng {…}")
                continue
            problem = name_problem(f.get("name"))
            if problem:
                bad(f"{p}.name", problem)
            elif f["name"] == MANIFEST or f["name"] in seen:
                bad(f"{p}.name", f"tên tệp “{f['name']}” bị lặp")
            else:
                seen.add(f["name"])
            if not _is_int(f.get("size")) or f["size"] < 0:
                bad(f"{p}.size", "cần số nguyên không âm")
            if not isinstance(f.get("sha256"), str) or SHA256.match(f["sha256"]) is None:
                bad(f"{p}.sha256", "cần 64 chữ số thập lục phân (chữ thường)")
        if MEETING_JSON not in seen and not out:
            bad("files", f"không có {MEETING_JSON}")
    return out


def _nfc(v: Any) -> str:
    return unicodedata.normalize("NFC", v or "").strip() if isinstance(v, str) else ""


def meeting_document_problems(manifest: dict, name: str, body: bytes, parsed: dict | None = None) -> list[str]:
    """A meeting document of the package: readable within limits, passing every check of
    ``meeting import``, and of the manifest's cell (and, for meeting.json, its meeting).
    ``parsed`` (name -> meeting_json.Parsed) receives the checked document, so that it is not
    checked a second time when the committee reads the proposal."""
    from . import safe_json
    from .meeting_json import MeetingJsonError, parse_document

    try:
        data = safe_json.loads(body, long_strings=frozenset({"data_base64"}))
    except safe_json.JsonLimitError as err:
        return [f"{name}: {p}" for p in err.problems[:5]]
    except ValueError as err:
        return [f"{name}: không phải JSON hợp lệ ({str(err)[:80]})"]
    try:
        checked = parse_document(data, name, values_checked=True)     # safe_json.loads walked them just above
    except MeetingJsonError as err:
        return [f"{name}: {p}" for p in err.problems[:5]]
    out = []
    cell, meeting = manifest["cell"], manifest["meeting"]
    for k in ("name", "code"):
        if _nfc(data["cell"].get(k)) != _nfc(cell.get(k)):
            out.append(f"{name}: cell.{k} khác manifest.json")
    mt = data["meeting"]
    if mt["rating_year"] != meeting["rating_year"]:
        out.append(f"{name}: meeting.rating_year khác manifest.json")
    if name == MEETING_JSON:
        for k in ("id", "kind", "revision"):
            if mt.get(k, 0 if k == "revision" else None) != meeting.get(k):
                out.append(f"{name}: meeting.{k} khác manifest.json")
    if not out and parsed is not None:
        parsed[name] = checked
    return out


__all__ = ["manifest_problems", "meeting_document_problems", "name_problem", "MAX_MANIFEST", "MAX_FILES"]
