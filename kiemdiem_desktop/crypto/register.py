"""The higher committee's data file (kind "committee"): the register of the cells' certificates and
the inbox of packages received.

A cell is known by its code (its name when it has none, compared without case and accents). The
first package from a cell is trusted only when the user confirms the fingerprint (read from the
handover slip or over the phone: ``--trust``); a package from a known cell signed with another key
is refused with a loud warning. The register never decides on a CA's word alone: the certificate is
pinned by its SHA-256 fingerprint (revocation cannot be checked offline).

CA-issued certificates (not self-signed) must in addition chain to a root the committee imported
(``import_root``; chain.py): otherwise the package is refused, "chứng thư không thuộc tổ chức chứng
thực đã nhập", whatever the register says and even with ``--trust`` — confirming a fingerprint does
not make an expired or foreign certificate good; the way on is to import that CA's root (after
checking the root's own fingerprint with the CA). An accepted CA-issued certificate always carries
"thu hồi chưa kiểm tra (không có mạng)". Self-signed cell keys keep the fingerprint pinning alone.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..i18n import UserError
from ..store.database import Database
from .chain import CA_VALID, ChainResult, check_chain, is_ca
from .identity import identity_problem, normalise_code, normalise_name, visible
from .keys import common_name, fingerprint, load_certificate
from .open_package import OpenedPackage

KNOWN = "known"            # the cell and this key are in the register
FIRST_SEEN = "first_seen"  # a cell never seen: trust it only after checking the fingerprint
NEW_KEY = "new_key"        # a known cell signed with another key: refused
CA_REFUSED = "ca_refused"  # a CA-issued certificate that does not chain to an imported root: refused
NO_IDENTITY = "no_identity"  # the package names no cell (an empty code): refused
REFUSED = (NEW_KEY, CA_REFUSED, NO_IDENTITY)


def cell_key(cell: dict) -> str:
    """The register's key of a cell: its code as compared (identity.normalise_code); a
    cell without one (older registers) by its name without case and accents."""
    code = normalise_code(cell.get("code"))
    if code:
        return "code:" + code
    return "name:" + normalise_name(cell.get("name"))


@dataclass
class Decision:
    status: str
    message: str
    known_fingerprints: list[str]
    chain: ChainResult | None = None


class RegisterError(UserError):
    pass


class CommitteeRegister:
    """The committee's own data file, opened (and locked) by this process."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True):
        path = Path(path)
        self.db = Database(path, create=create, kind="committee")
        kind = self.db.read(lambda c: (c.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone() or ["cell"])[0])
        if kind != "committee":
            self.db.close(backup_reason=None)
            raise RegisterError(f"Tệp {path} là tệp dữ liệu của chi bộ, không phải tệp của cấp ủy cấp trên "
                                f"(sổ đăng ký khóa và hộp thư gói).")
        self.path = path

    def close(self) -> None:
        self.db.close(backup_reason=None)

    def __enter__(self) -> "CommitteeRegister":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the register ---------------------------------------------------------------------------
    def fingerprints(self, cell: dict) -> list[str]:
        key = cell_key(cell)
        return self.db.read(lambda c: [r[0] for r in c.execute(
            "SELECT fingerprint FROM cell_key WHERE cell_key = ? ORDER BY id", (key,))])

    # -- the CA roots ------------------------------------------------------------------------------
    def import_root(self, cert_path: str | os.PathLike) -> tuple[x509.Certificate, str, bool]:
        """Import a CA certificate (PEM or DER) as a trusted root: (certificate, fingerprint, new?).
        A certificate that is not a CA's (basicConstraints CA) is refused."""
        cert = load_certificate(cert_path)
        if not is_ca(cert):
            raise RegisterError(f"Chứng thư {cert_path} (“{common_name(cert)}”) không phải chứng thư của tổ chức "
                                f"chứng thực (không có basicConstraints CA): không nhập làm chứng thư gốc. "
                                f"Không ghi gì.")
        fp = fingerprint(cert)

        def write(conn: sqlite3.Connection) -> bool:
            cur = conn.execute("INSERT OR IGNORE INTO ca_root (fingerprint, subject, certificate, imported_at) "
                               "VALUES (?, ?, ?, ?)", (fp, common_name(cert), cert.public_bytes(Encoding.DER), _now()))
            return cur.rowcount > 0

        return cert, fp, self.db.write(write).result()

    def roots(self) -> list[x509.Certificate]:
        return self.db.read(lambda c: [x509.load_der_x509_certificate(r[0]) for r in c.execute(
            "SELECT certificate FROM ca_root ORDER BY id")])

    def root_list(self) -> list[dict]:
        return self.db.read(lambda c: [{"fingerprint": r[0], "subject": r[1], "imported_at": r[2]} for r in c.execute(
            "SELECT fingerprint, subject, imported_at FROM ca_root ORDER BY id")])

    def chain(self, opened: OpenedPackage) -> ChainResult:
        return check_chain(opened.signer_certificate, opened.other_certificates, self.roots(), opened.signing_time)

    def decide(self, opened: OpenedPackage) -> Decision:
        problem = identity_problem(opened.cell)
        if problem:
            return Decision(NO_IDENTITY, f"Không chấp nhận gói của {visible(opened.cell.get('name'))}: {problem}.\n"
                                         f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}\nKhông ghi gì.", [])
        chain = self.chain(opened)
        if chain.refused:
            return Decision(CA_REFUSED, (
                f"Không chấp nhận gói của {visible(opened.cell.get('name', ''))}: {visible(chain.message)}.\n"
                f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}\n"
                f"Nếu chi bộ dùng chứng thư của một tổ chức chứng thực, hãy nhập chứng thư gốc của tổ chức đó "
                f"(đã đối chiếu dấu vân tay) rồi mở lại gói. Không ghi gì."), self.fingerprints(opened.cell), chain)
        d = self._decide_pin(opened)
        d.chain = chain
        if chain.status == CA_VALID:
            d.message += f"\nChứng thư: {chain.message}."
        return d

    def _decide_pin(self, opened: OpenedPackage) -> Decision:
        cell = opened.cell
        known = self.fingerprints(cell)
        fp = opened.signer_fingerprint
        name = f"{visible(cell.get('name', ''))} (mã {visible(cell.get('code', ''), limit=100)})"
        if fp in known:
            return Decision(KNOWN, f"Khóa ký của {name} đã có trong sổ đăng ký: {fp}.", known)
        if known:
            return Decision(NEW_KEY, (
                f"CẢNH BÁO: {name} đã đăng ký khóa khác!\n"
                f"  Khóa đã đăng ký: {known[-1]}\n"
                f"  Khóa ký gói này: {fp}\n"
                f"Gói có thể không phải do chi bộ lập. Hãy gọi điện cho chi bộ để đối chiếu trước khi làm gì "
                f"tiếp. Không ghi gì."), known)
        message = (f"Lần đầu nhận gói của {name}. Dấu vân tay khóa ký (SHA-256):\n  {fp}\n"
                   f"Hãy đối chiếu với phiếu bàn giao hoặc đọc qua điện thoại với chi bộ.")
        alike = self.same_name_elsewhere(cell)
        if alike:
            message += (f"\nCHÚ Ý: sổ đăng ký đã có chi bộ cùng tên với mã khác ({', '.join(alike[:5])}): "
                        f"gói này có thể mạo danh chi bộ đó.")
        return Decision(FIRST_SEEN, message, known)

    def same_name_elsewhere(self, cell: dict) -> list[str]:
        """Codes of registered cells whose name reads the same as ``cell``'s under another code."""
        mine, key = normalise_name(cell.get("name")), cell_key(cell)
        seen = {}
        for row in self.inbox(None):
            if row["state"] != "refused" and row["cell_key"] != key and normalise_name(row["cell_name"]) == mine:
                seen[row["cell_key"]] = visible(row["cell_key"].partition(":")[2], limit=100)
        return sorted(seen.values())

    def trust(self, opened: OpenedPackage) -> None:
        cell, cert = opened.cell, opened.signer_certificate

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR IGNORE INTO cell_key (cell_key, cell_code, cell_name, higher_org, fingerprint, subject, "
                "certificate, trusted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (cell_key(cell), cell.get("code", ""), cell.get("name", ""), cell.get("higher_org", ""),
                 opened.signer_fingerprint, common_name(cert), cert.public_bytes(Encoding.DER), _now()))

        self.db.write(write).result()

    # -- the inbox ----------------------------------------------------------------------------------
    def record(self, opened: OpenedPackage, *, folder: str = "", state: str = "verified", reason: str = "",
               chain: str = "") -> None:
        """One row per package (its SHA-256); older revisions of the same meeting become superseded."""
        cell, meeting = opened.cell, opened.meeting

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO inbox (package_sha256, received_at, file_name, size, cell_key, cell_name, "
                "meeting_id, rating_year, revision, created_at, signer_fingerprint, state, reason, folder, chain) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (opened.package_sha256, _now(), opened.file_name, opened.size, cell_key(cell), cell.get("name", ""),
                 meeting.get("id", ""), meeting.get("rating_year"), meeting.get("revision"),
                 opened.manifest.get("created_at", ""), opened.signer_fingerprint, state, reason, folder, chain))
            if state == "verified":
                # Only a revision of the same cell signed with the same key supersedes: another cell
                # reusing the meeting's UUID does not touch it.
                same = (meeting.get("id", ""), cell_key(cell), opened.signer_fingerprint)
                conn.execute("UPDATE inbox SET state = 'superseded' WHERE meeting_id = ? AND cell_key = ? "
                             "AND signer_fingerprint = ? AND state = 'verified' AND revision < ?",
                             (*same, meeting.get("revision")))
                newer = conn.execute("SELECT 1 FROM inbox WHERE meeting_id = ? AND cell_key = ? AND signer_fingerprint = ? "
                                     "AND state IN ('verified', 'superseded') AND revision > ?",
                                     (*same, meeting.get("revision"))).fetchone()
                if newer:
                    conn.execute("UPDATE inbox SET state = 'superseded' WHERE package_sha256 = ?",
                                 (opened.package_sha256,))

        self.db.write(write).result()

    def inbox(self, year: int | None = None) -> list[dict]:
        def read(conn: sqlite3.Connection) -> list[dict]:
            conn.row_factory = sqlite3.Row
            try:
                sql = "SELECT * FROM inbox" + (" WHERE rating_year = ?" if year else "") + \
                      " ORDER BY rating_year, cell_name, revision"
                return [dict(r) for r in conn.execute(sql, (year,) if year else ())]
            finally:
                conn.row_factory = None

        return self.db.read(read)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


__all__ = ["CommitteeRegister", "Decision", "KNOWN", "FIRST_SEEN", "NEW_KEY", "CA_REFUSED", "NO_IDENTITY", "REFUSED",
           "cell_key", "fingerprint"]
