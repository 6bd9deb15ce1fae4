"""A pyHanko signer over a private key already in memory (a PKCS#12 file, unlocked once).

pyHanko's ``SimpleSigner`` re-parses the key from DER at every signature — and cryptography
re-validates an RSA key at every load (≈ 85 ms for RSA-3072), so one PAdES signature paid it twice
(the size estimate and the signature) on top of the two parses of the .p12. Here the key is parsed
and validated once, when the file is unlocked, and every signature reuses it.

Every signature is verified with the certificate's public key before it is returned (~0.1 ms for
RSA-3072): a key that cannot sign correctly — damaged parameters that slipped through, see
``pkcs12_read`` — is refused, and no wrong signature leaves the program.
"""
from __future__ import annotations

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..i18n import UserError


class BrokenKeyError(UserError):
    """A key whose signature does not verify with its certificate's public key (exit 2, refused)."""


class FileKeySigner(SimpleSigner):
    def __init__(self, key: rsa.RSAPrivateKey, cert: asn1_x509.Certificate, others: list[asn1_x509.Certificate],
                 public: rsa.RSAPublicKey | None = None, source: str = ""):
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        super().__init__(signing_cert=cert, signing_key=asn1_keys.PrivateKeyInfo.load(der),
                         cert_registry=SimpleCertificateStore.from_certs(others))
        self._key = key
        self._public = public or key.public_key()     # the certificate's public key
        self._source = source

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        name = mechanism["algorithm"].native
        if name == "rsassa_pss":
            pad, hash_algo = process_pss_params(mechanism["parameters"])
        else:
            pad, hash_algo = PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
        signature = self._key.sign(data, pad, hash_algo)
        try:
            self._public.verify(signature, data, pad, hash_algo)
        except InvalidSignature as err:
            raise BrokenKeyError(f"Khóa trong tệp {self._source or '(không rõ tệp)'} bị hỏng: chữ ký vừa tạo không khớp "
                            f"chứng thư số của khóa. Không ký bằng khóa này được; không ghi gì.") from err
        return signature
