"""A quick reader of a PKCS#12 file (.p12/.pfx) that accepts only what it can prove sound, and hands
everything else back to cryptography's full load (``keys.load_pkcs12_key``).

cryptography checks an RSA private key at every load (``RSA_check_key``): ~95 ms for RSA-3072, and
making the package unlocks three keys. Nearly all of that time is the primality test of p and q. This
reader does the rest of the check, which costs microseconds, and accepts the file only when:

- the file's MAC verifies under the passphrase (RFC 7292 appendix B key derivation): the bytes are
  exactly what a holder of the passphrase wrote — a file changed by anyone else is not accepted here;
- every encrypted part decrypts with the passphrase (PBES2 with AES-CBC — what OpenSSL 3 and
  cryptography write — or PKCS#12's SHA-1 Triple-DES; RC2-40, older tools' cipher for certificates,
  goes to the full load) and parses;
- there is exactly one private key, RSA, whose parameters agree with each other — n = p·q, p and q odd,
  e·d ≡ 1 mod lcm(p−1, q−1), the CRT exponents d mod (p−1) and d mod (q−1), q·qInv ≡ 1 mod p — and
  whose public half (n, e) is the public key of one of the file's certificates (the key's certificate).

Then the key is loaded with ``unsafe_skip_rsa_key_validation=True``: what is not re-tested is only that
p and q are prime. They are the factors of the modulus the certificate was issued for (n = p·q above),
fixed when the key was generated; and every signature the program makes with such a key is verified
with the certificate's public key before it is used (``file_signer.FileKeySigner``), so a key that
could not sign correctly is refused, not used.

Anything else — no MAC, another MAC or cipher scheme, a wrong passphrase, a damaged file, a key whose
parameters disagree, a key that is not RSA, no matching certificate — returns ``None``, and the caller
runs cryptography's full load, which gives today's answer and today's message for it.
"""
from __future__ import annotations

import hashlib
import hmac
import math

_HASHES = {"sha1": (hashlib.sha1, 64), "sha224": (hashlib.sha224, 64), "sha256": (hashlib.sha256, 64),
           "sha384": (hashlib.sha384, 128), "sha512": (hashlib.sha512, 128)}

# The PKCS#12 key derivation runs here in Python (~0.3 µs a round): files use 2,048 rounds (OpenSSL,
# cryptography) to a few tens of thousands; more is left to the full load.
MAX_ITERATIONS = 200_000


class _Unsupported(Exception):
    """Not something this reader proves sound: cryptography's full load decides."""


def pkcs12_kdf(hash_name: str, password: bytes, salt: bytes, iterations: int, purpose: int, length: int) -> bytes:
    """RFC 7292 appendix B.2: ``password`` is the BMPString (UTF-16BE with two trailing zero bytes);
    ``purpose`` 1 = key, 2 = IV, 3 = MAC key."""
    if hash_name not in _HASHES:
        raise _Unsupported(hash_name)
    if not 0 < iterations <= MAX_ITERATIONS:
        raise _Unsupported(f"{iterations} iterations")   # a loop in Python: the full load (in C) decides
    new, v = _HASHES[hash_name]
    u = new().digest_size
    d = bytes([purpose]) * v

    def stretch(s: bytes) -> bytes:          # copies of s filling a whole number of v-byte blocks
        size = v * math.ceil(len(s) / v)
        return (s * (size // len(s) + 1))[:size] if s else b""

    i = bytearray(stretch(salt) + stretch(password))
    out = b""
    while len(out) < length:
        a = d + bytes(i)
        for _ in range(iterations):
            a = new(a).digest()
        out += a
        if len(out) >= length:
            break
        b = int.from_bytes((a * (v // u + 1))[:v], "big") + 1
        for j in range(0, len(i), v):
            block = (int.from_bytes(i[j:j + v], "big") + b) % (1 << (8 * v))
            i[j:j + v] = block.to_bytes(v, "big")
    return out[:length]


def _bmp(passphrase: str) -> bytes:
    return passphrase.encode("utf-16-be") + b"\0\0"


def _verify_mac(pfx, passphrase: str) -> bytes:
    """The authenticated safe's bytes, once its MAC is verified; _Unsupported otherwise."""
    mac_data = pfx["mac_data"]
    if not mac_data or mac_data.native is None:
        raise _Unsupported("no MAC")
    content = pfx["auth_safe"]
    if content["content_type"].native != "data":
        raise _Unsupported("public-key integrity mode")
    data = content["content"].native
    digest_info = mac_data["mac"]
    hash_name = digest_info["digest_algorithm"]["algorithm"].native
    if hash_name not in _HASHES:
        raise _Unsupported(hash_name)
    new = _HASHES[hash_name][0]
    key = pkcs12_kdf(hash_name, _bmp(passphrase), mac_data["mac_salt"].native, mac_data["iterations"].native,
                     3, new().digest_size)
    if not hmac.compare_digest(hmac.new(key, data, new).digest(), digest_info["digest"].native):
        raise _Unsupported("MAC")          # a wrong passphrase, or the file changed: the full load says which
    return data


def _decrypt(algorithm, ciphertext: bytes, passphrase: str) -> bytes:
    """PBES2 (PBKDF2, AES-CBC) or PKCS#12 PBE (SHA-1, Triple-DES or RC2), PKCS#7 padding removed."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    kdf = algorithm.kdf
    cipher_name = algorithm.encryption_cipher
    if kdf == "pbkdf2" and cipher_name == "aes" and algorithm.encryption_mode == "cbc":
        prf = algorithm.kdf_hmac
        if prf not in _HASHES:
            raise _Unsupported(prf)
        key = hashlib.pbkdf2_hmac(prf, passphrase.encode("utf-8"), algorithm.kdf_salt,
                                  algorithm.kdf_iterations, algorithm.key_length)
        cipher = algorithms.AES(key)
        iv = algorithm.encryption_iv
    elif kdf == "pkcs12_kdf" and algorithm.kdf_hmac == "sha1" and cipher_name in ("tripledes", "rc2"):
        from cryptography.hazmat.decrepit.ciphers import algorithms as old

        pw, salt, rounds = _bmp(passphrase), algorithm.kdf_salt, algorithm.kdf_iterations
        key = pkcs12_kdf("sha1", pw, salt, rounds, 1, algorithm.key_length)
        iv = pkcs12_kdf("sha1", pw, salt, rounds, 2, 8)
        cipher = old.TripleDES(key) if cipher_name == "tripledes" else old.RC2(key)
    else:
        raise _Unsupported(f"{kdf}/{cipher_name}")
    dec = Cipher(cipher, modes.CBC(iv)).decryptor()
    unpad = padding.PKCS7(cipher.block_size).unpadder()
    return unpad.update(dec.update(ciphertext) + dec.finalize()) + unpad.finalize()


def _consistent(numbers) -> bool:
    """Every relation RSA_check_key tests between the parameters, but the primality of p and q."""
    n, e = numbers.public_numbers.n, numbers.public_numbers.e
    p, q, d = numbers.p, numbers.q, numbers.d
    if min(p, q) < 3 or e < 3 or not (p & q & e & 1) or p * q != n or not 0 < d < n:
        return False
    lam = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
    return (e * d) % lam == 1 and numbers.dmp1 == d % (p - 1) and numbers.dmq1 == d % (q - 1) \
        and 0 < numbers.iqmp < p and (numbers.iqmp * q) % p == 1


def read(data: bytes, passphrase: str | bytes | None):
    """(private key, its certificate, the other certificates) when the file is proved sound as the
    module says; None when cryptography's full load must decide."""
    try:
        return _read(data, passphrase)
    except Exception:  # noqa: BLE001 - anything unexpected: the full load decides and explains
        return None


def _read(data: bytes, passphrase: str | bytes | None):
    from asn1crypto import cms, keys as asn1_keys, pkcs12
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import load_der_private_key

    if isinstance(passphrase, bytes):
        passphrase = passphrase.decode("utf-8")
    if not passphrase:
        return None                     # an empty or absent passphrase has two encodings: the full load
    pfx = pkcs12.Pfx.load(data, strict=True)
    safe = pkcs12.AuthenticatedSafe.load(_verify_mac(pfx, passphrase), strict=True)
    bags = []
    for info in safe:
        kind = info["content_type"].native
        if kind == "data":
            bags.extend(pkcs12.SafeContents.load(info["content"].native, strict=True))
        elif kind == "encrypted_data":
            enc = info["content"]["encrypted_content_info"]
            if not isinstance(info["content"], cms.EncryptedData) or enc["content_type"].native != "data":
                return None
            plain = _decrypt(enc["content_encryption_algorithm"], enc["encrypted_content"].native, passphrase)
            bags.extend(pkcs12.SafeContents.load(plain, strict=True))
        else:
            return None
    keys, certs = [], []
    for bag in bags:
        kind = bag["bag_id"].native
        if kind == "pkcs8_shrouded_key_bag":
            shrouded = bag["bag_value"]
            if not isinstance(shrouded, asn1_keys.EncryptedPrivateKeyInfo):
                return None
            keys.append(_decrypt(shrouded["encryption_algorithm"], shrouded["encrypted_data"].native, passphrase))
        elif kind == "key_bag":
            keys.append(bag["bag_value"].dump())
        elif kind == "cert_bag":
            if bag["bag_value"]["cert_id"].native != "x509":
                return None
            certs.append(x509.load_der_x509_certificate(bag["bag_value"]["cert_value"].parsed.dump()))
    if len(keys) != 1:
        return None
    key = load_der_private_key(keys[0], None, unsafe_skip_rsa_key_validation=True)
    if not isinstance(key, rsa.RSAPrivateKey) or not _consistent(key.private_numbers()):
        return None
    public = key.public_key().public_numbers()
    mine = [c for c in certs if isinstance(c.public_key(), rsa.RSAPublicKey)
            and c.public_key().public_numbers() == public]
    if not mine:
        return None
    cert = mine[0]
    return key, cert, [c for c in certs if c is not cert]
