"""A key file unlocked once in the process is not parsed and validated again: the same file with the
same passphrase gives the same key at once; a wrong passphrase is still refused, and a changed file
is read afresh."""
from __future__ import annotations

import shutil

import pytest

from kiemdiem_desktop.crypto import keys as keys_module
from kiemdiem_desktop.crypto.keys import KeyError_, forget_unlocked_keys, load_pkcs12_key, new_key

from .conftest import PASS


def test_a_key_unlocked_once_is_reused_and_a_wrong_passphrase_still_refused(keydir, tmp_path):
    forget_unlocked_keys()
    p12 = tmp_path / "chu-tri.p12"
    shutil.copy(keydir / "chu-tri.p12", p12)
    first = load_pkcs12_key(p12, PASS)
    again = load_pkcs12_key(p12, PASS)
    # the same key object: no second PKCS#12 parse and RSA check (~100 ms)
    assert again.private_key is first.private_key and again.fingerprint == first.fingerprint
    with pytest.raises(KeyError_, match="mật khẩu không đúng"):
        load_pkcs12_key(p12, PASS + "x")
    with pytest.raises(KeyError_, match="mật khẩu không đúng"):
        load_pkcs12_key(p12, None)
    # the file replaced by another key: read afresh, never the key remembered for the old bytes
    p12.unlink()
    p12.with_suffix(".crt").unlink(missing_ok=True)
    new_key("Người khác", p12, PASS, purpose="signing")
    other = load_pkcs12_key(p12, PASS)
    assert other.fingerprint != first.fingerprint and other.name == "Người khác"


def test_forgetting_the_unlocked_keys(keydir):
    load_pkcs12_key(keydir / "thu-ky.p12", PASS)
    assert keys_module._UNLOCKED
    forget_unlocked_keys()
    assert not keys_module._UNLOCKED
