"""SHA digests for the file's opening path without loading OpenSSL.

``hashlib`` loads OpenSSL's libcrypto as it is imported (~2 ms, holding the interpreter lock): on the
writer thread that opens the file while the window's modules load, that is time the window waits.
CPython's own SHA-1 / SHA-256 modules give the same digests at a tenth of the cost; hashlib is the
fallback where an interpreter is built without them (tests/store/test_hashing.py holds them equal)."""
from __future__ import annotations


def sha1_hex(data: bytes) -> str:
    try:
        from _sha1 import sha1
    except ImportError:         # an interpreter built without its own SHA-1
        from hashlib import sha1
    return sha1(data).hexdigest()


def sha256_hex(data: bytes) -> str:
    try:
        from _sha256 import sha256
    except ImportError:         # an interpreter built without its own SHA-256 (3.12+: _sha2)
        from hashlib import sha256
    return sha256(data).hexdigest()
