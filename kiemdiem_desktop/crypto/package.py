"""The package's primitives (the use case, gathering the meeting's files and writing the package,
is services/package.py): a ZIP (manifest.json, meeting.json, the minutes, the scan,
the counting records, the summary), signed as CMS SignedData with the ZIP encapsulated (the
cell's key through pyHanko, so a token signs too), then wrapped in CMS EnvelopedData (AES-256-CBC,
RSA key transport) for the committee's certificate(s). ``openssl cms`` alone opens it:

    openssl cms -decrypt -inform DER -binary -in GOI.p7m -inkey KHOA.pem -recip CAPUY.crt -out goi.der
    openssl cms -verify -inform DER -binary -noverify -in goi.der -out goi.zip
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import json
import zipfile
from datetime import datetime
from typing import Iterable

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from .. import __version__
from ..i18n import UserError
from .keys import KeyHandle, require_signing_key

FORMAT = "kiemdiem-package"
VERSION = 1
MANIFEST = "manifest.json"
MEETING_JSON = "meeting.json"
MINUTES = "bien-ban.pdf"
SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}
# A fixed time for the ZIP entries: the same files make the same ZIP (the real time is in the manifest).
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class PackageError(UserError):
    """The package cannot be made (exit 2: refused input)."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_zip(files: dict[str, bytes], manifest: dict) -> bytes:
    """The ZIP: the manifest first, then the files in the order given; stored names only."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)

        put(MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        for name, data in files.items():
            put(name, data)
    return buf.getvalue()


def make_manifest(files: dict[str, bytes], *, cell: dict, meeting: dict, signer: str,
                  created_at: str | None = None) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Kiểm điểm Desktop {__version__}",
        "created_at": created_at or datetime.now().astimezone().isoformat(timespec="seconds"),
        "cell": cell,
        "meeting": meeting,
        "signer_fingerprint": signer,
        "files": [{"name": n, "size": len(d), "sha256": sha256_hex(d)} for n, d in files.items()],
    }


def sign_cms(data: bytes, key: KeyHandle) -> bytes:
    """CMS SignedData (DER) with ``data`` encapsulated, signed through pyHanko (a file or a token)."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    require_signing_key(key)
    attrs = PdfCMSSignedAttributes(signing_time=datetime.now().astimezone())
    ci = asyncio.run(key.signer.async_sign_general_data(data, "sha256", detached=False,
                                                        signed_attr_settings=attrs))
    return ci.dump()


def envelope(data: bytes, recipients: Iterable[x509.Certificate]) -> bytes:
    """CMS EnvelopedData (DER), AES-256-CBC, RSA key transport to every recipient."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(data).set_content_encryption_algorithm(algorithms.AES256)
    for cert in recipients:
        builder = builder.add_recipient(cert)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def seal(files: dict[str, bytes], manifest: dict, key: KeyHandle, recipients: list[x509.Certificate]) -> bytes:
    return envelope(sign_cms(build_zip(files, manifest), key), recipients)


