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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..i18n import UserError
from ..store import committee_store as cs
from ..crypto.chain import CA_VALID, ChainResult, check_chain, is_ca
from ..crypto.identity import identity_problem, normalise_code, normalise_name, visible
from ..crypto.keys import common_name, fingerprint, load_certificate
from ..crypto.open_package import OpenedPackage

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


# What follows from a refusal, the last sentence of its message: nothing is written; or, when the
# refused package of a known cell is kept in the inbox as refused (``record(state="refused")``), that.
NOTHING_WRITTEN = "Không ghi gì."
KEPT_AS_REFUSED = "Gói không được mở, sổ đăng ký không đổi; hộp thư ghi gói này là “bị từ chối”."


@dataclass
class Decision:
    """The register's word on a package. ``finding`` says what was found; a refusal adds what
    follows from it (``consequence``, after ``join``), then the certificate line (``after``):
    ``message`` is the whole, and ``message_when_kept`` the same for a package the caller keeps in
    the inbox as refused."""
    status: str
    finding: str
    known_fingerprints: list[str]
    chain: ChainResult | None = None
    consequence: str = ""
    join: str = " "
    after: str = ""

    @property
    def message(self) -> str:
        return (f"{self.finding}{self.join}{self.consequence}" if self.consequence else self.finding) + self.after

    @property
    def kept_in_inbox(self) -> bool:
        """A refused package of a cell the register knows: its state is recorded as refused."""
        return self.status in REFUSED and bool(self.known_fingerprints)

    @property
    def message_when_kept(self) -> str:
        return f"{self.finding}{self.join}{KEPT_AS_REFUSED}{self.after}"


class RegisterError(UserError):
    pass


class CommitteeRegister:
    """The committee's own store, opened by this process: a data file of kind "committee" (locked
    while open) or a shared PostgreSQL store (``postgresql://…``). The SQL is in store/committee_store.py."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True):
        self.store = cs.open_backend(path, create=create)
        if self.store.kind != "committee":
            self.store.close()
            raise RegisterError(f"Tệp {path} là tệp dữ liệu của chi bộ, không phải tệp của cấp ủy cấp trên "
                                f"(sổ đăng ký khóa và hộp thư gói).")
        self.path = Path(path) if self.store.path is not None else None
        self.location = self.store.location

    @property
    def shared(self) -> bool:
        return self.store.dialect == "postgresql"

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "CommitteeRegister":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the register ---------------------------------------------------------------------------
    def fingerprints(self, cell: dict) -> list[str]:
        key = cell_key(cell)
        return self.store.read(lambda q: cs.fingerprints(q, key))

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
        new = self.store.write(lambda q: cs.insert_root(q, fp, common_name(cert), cert.public_bytes(Encoding.DER)))
        return cert, fp, new

    def roots(self) -> list[x509.Certificate]:
        return [x509.load_der_x509_certificate(der) for der in self.store.read(cs.root_certificates)]

    def root_list(self) -> list[dict]:
        return self.store.read(cs.root_list)

    def chain(self, opened: OpenedPackage) -> ChainResult:
        return check_chain(opened.signer_certificate, opened.other_certificates, self.roots(), opened.signing_time)

    def decide(self, opened: OpenedPackage) -> Decision:
        problem = identity_problem(opened.cell)
        if problem:
            return Decision(NO_IDENTITY, f"Không chấp nhận gói của {visible(opened.cell.get('name'))}: {problem}.\n"
                                         f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}", [],
                            consequence=NOTHING_WRITTEN, join="\n")
        chain = self.chain(opened)
        if chain.refused:
            return Decision(CA_REFUSED, (
                f"Không chấp nhận gói của {visible(opened.cell.get('name', ''))}: {visible(chain.message)}.\n"
                f"Dấu vân tay khóa ký (SHA-256): {opened.signer_fingerprint}\n"
                f"Nếu chi bộ dùng chứng thư của một tổ chức chứng thực, hãy nhập chứng thư gốc của tổ chức đó "
                f"(đã đối chiếu dấu vân tay) rồi mở lại gói."), self.fingerprints(opened.cell), chain,
                consequence=NOTHING_WRITTEN)
        d = self._decide_pin(opened)
        d.chain = chain
        if chain.status == CA_VALID:
            d.after += f"\nChứng thư: {chain.message}."
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
                f"tiếp."), known, consequence=NOTHING_WRITTEN)
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
        self.store.write(lambda q: cs.trust_key(
            q, cell_key=cell_key(cell), code=cell.get("code", ""), name=cell.get("name", ""),
            higher_org=cell.get("higher_org", ""), fingerprint=opened.signer_fingerprint, subject=common_name(cert),
            certificate=cert.public_bytes(Encoding.DER)))

    # -- the inbox ----------------------------------------------------------------------------------
    def record(self, opened: OpenedPackage, *, folder: str = "", state: str = "verified", reason: str = "",
               chain: str = "", extra: Callable[[cs.Q, str], None] | None = None) -> str:
        """One row per package (its SHA-256); older revisions of the same meeting become superseded.
        ``extra(q, state)`` runs in the same transaction (the committee's year records the proposal)."""
        return self.store.write(lambda q: self._record(q, opened, folder, state, reason, chain, extra))

    def _record(self, q: cs.Q, opened: OpenedPackage, folder: str, state: str, reason: str, chain: str,
                extra) -> str:
        cell, meeting = opened.cell, opened.meeting
        key = cell_key(cell)
        cs.lock_cell(q, key, code=cell.get("code", ""), name=cell.get("name", ""),
                     higher_org=cell.get("higher_org", ""))
        state = cs.record_package(q, {
            "package_sha256": opened.package_sha256, "received_at": _now(), "file_name": opened.file_name,
            "size": opened.size, "cell_key": key, "cell_name": cell.get("name", ""),
            "meeting_id": meeting.get("id", ""), "rating_year": meeting.get("rating_year"),
            "revision": meeting.get("revision"), "created_at": opened.manifest.get("created_at", ""),
            "signer_fingerprint": opened.signer_fingerprint, "state": state, "reason": reason, "folder": folder,
            "chain": chain})
        if extra is not None:
            extra(q, state)
        return state

    def inbox(self, year: int | None = None) -> list[dict]:
        return self.store.read(lambda q: cs.inbox(q, year))


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


__all__ = ["CommitteeRegister", "Decision", "KNOWN", "FIRST_SEEN", "NEW_KEY", "CA_REFUSED", "NO_IDENTITY", "REFUSED",
           "cell_key", "fingerprint"]
