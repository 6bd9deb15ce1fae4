"""Packages forged with keys the tests control: the envelope and the signature are genuine, the
content is hostile. Fixtures: ``forge_keys`` (a cell's signing key, the committee's encryption
key), ``genuine`` (the manifest and files of a real package, to start from)."""
from __future__ import annotations

import io
import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from kiemdiem_desktop.crypto import package as pkg
from kiemdiem_desktop.services.package import make_package
from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate, new_key
from kiemdiem_desktop.crypto.open_package import read_package
from kiemdiem_desktop.services import CellFile
from tests.helpers import FIXTURES

PASS = "mat-khau-thu-nghiem"
CODE = "CB-VP"


@pytest.fixture(scope="session")
def forge_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("khoa-gia")
    for stem, name, purpose in (("chi-bo", "Chi bộ Văn phòng", "signing"), ("cap-uy", "Đảng ủy Sở Nội vụ", "encryption"),
                                ("ke-gian", "Chi bộ Văn phòng", "signing")):
        new_key(name, d / f"{stem}.p12", PASS, purpose=purpose)
    (d / "matkhau.txt").write_text(PASS + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def forge_key(forge_dir):
    cache = {}

    def get(stem: str):
        if stem not in cache:
            cache[stem] = load_pkcs12_key(forge_dir / f"{stem}.p12", PASS)
        return cache[stem]
    return get


@pytest.fixture(scope="session")
def genuine(tmp_path_factory, forge_key) -> tuple[dict, dict[str, bytes]]:
    """(manifest, files) of a real package of the locked fixture meeting, cell code CB-VP."""
    d = tmp_path_factory.mktemp("that")
    db = d / "chi-bo.kiemdiem"
    shutil.copy(FIXTURES / "db" / "v4-meeting-locked.kiemdiem", db)
    with CellFile.open(db) as cf:
        cell = cf.cell()
        cell.code = CODE
        cf.save_cell(cell).result()
        mid = cf.meetings()[0].id
        r = make_package(cf, mid, forge_key("chi-bo"), [forge_key("cap-uy").certificate], out=d / "goi.p7m",
                             slip=False)
    opened = read_package(r.path.read_bytes(), forge_key("cap-uy"))
    return opened.manifest, opened.files


def zip_entries(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if isinstance(info, str):
                info = zipfile.ZipInfo(info, date_time=pkg.ZIP_TIME)
                info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def manifest_bytes(manifest) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass") \
        if not isinstance(manifest, (bytes, bytearray)) else bytes(manifest)


def forge_zip(manifest, files: dict[str, bytes], extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> bytes:
    return zip_entries([(pkg.MANIFEST, manifest_bytes(manifest)), *files.items(), *extra])


def fast_sign(data: bytes, key) -> bytes:
    """CMS SignedData with ``data`` encapsulated, by cryptography with the key already in memory
    (pyHanko's signer reloads an RSA key on every signature, a third of a second: too slow to fuzz)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    return (pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(key.certificate, key.private_key, hashes.SHA256())
            .sign(Encoding.DER, [pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCapabilities]))


def seal(zip_bytes: bytes, signer, recipient) -> bytes:
    """Signed by ``signer`` (a file KeyHandle), encrypted to ``recipient`` (a certificate)."""
    return pkg.envelope(fast_sign(zip_bytes, signer), [recipient])


def relist(manifest: dict, files: dict[str, bytes]) -> dict:
    """The manifest with its file list made to match ``files`` (names, sizes, hashes)."""
    m = json.loads(json.dumps(manifest))
    m["files"] = [{"name": n, "size": len(b), "sha256": pkg.sha256_hex(b)} for n, b in files.items()]
    return m


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=pkg.ZIP_TIME)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def recoded(genuine, *, code=None, name=None, revision=None, signer_fp=None) -> tuple[dict, dict[str, bytes]]:
    """The genuine package's manifest and files with the cell's code / name or the revision
    changed consistently in manifest.json and meeting.json (as a forger would)."""
    manifest, files = genuine
    doc = json.loads(files[pkg.MEETING_JSON])
    m = json.loads(json.dumps(manifest))
    if code is not None:
        doc["cell"]["code"] = m["cell"]["code"] = code
    if name is not None:
        doc["cell"]["name"] = m["cell"]["name"] = name
    if revision is not None:
        doc["meeting"]["revision"] = m["meeting"]["revision"] = revision
    m["signer_fingerprint"] = signer_fp
    files = {**files, pkg.MEETING_JSON: json.dumps(doc, ensure_ascii=False).encode("utf-8")}
    return relist(m, files), files


def sealed(genuine, forge_key, signer="chi-bo", **changes) -> bytes:
    m, files = recoded(genuine, **changes)
    return seal(forge_zip(m, files), forge_key(signer), forge_key("cap-uy").certificate)


def sign_raw(data: bytes, key, signing_time) -> bytes:
    """CMS SignedData as sign_cms makes it, but with the signing time the forger chooses and none of
    the program's checks of the key (an expired or encryption-only certificate signs too)."""
    import asyncio

    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    attrs = PdfCMSSignedAttributes(signing_time=signing_time)
    ci = asyncio.run(key.signer.async_sign_general_data(data, "sha256", detached=False, signed_attr_settings=attrs))
    return ci.dump()


def seal_raw(zip_bytes: bytes, signer, recipient, signing_time) -> bytes:
    return pkg.envelope(sign_raw(zip_bytes, signer, signing_time), [recipient])
