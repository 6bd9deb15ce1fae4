"""A SoftHSM2 token made by the test set-up: the cell signs the package on the token, the committee
decrypts it on the token (the content key unwrapped there, the content by cryptography's AES-CBC);
the PDF minutes signed on the token; a wrong PIN refused with the lock warning."""
import pytest

from kiemdiem_desktop.crypto.keys import KeyError_, load_token_key
from kiemdiem_desktop.crypto.open_package import PackageRefused, read_package
from kiemdiem_desktop.services.package import make_package
from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.services import CellFile

from .conftest import PIN, SOFTHSM_MODULE, run_cli


def test_token_signs_and_decrypts_the_package(token, locked_db, meeting_id, key, cert, tmp_path):
    with load_token_key(SOFTHSM_MODULE, "CAPUY", "chi-bo", PIN) as cell_key:
        assert cell_key.kind == "token" and cell_key.private_key is None
        assert cell_key.fingerprint == key("chi-bo").fingerprint
        with CellFile.open(locked_db) as cf:
            r = make_package(cf, meeting_id, cell_key, [cert("cap-uy")], out=tmp_path / "g.p7m")
    data = r.path.read_bytes()
    by_file = read_package(data, key("cap-uy"))
    with load_token_key(SOFTHSM_MODULE, "CAPUY", "cap-uy", PIN) as committee:
        by_token = read_package(data, committee)
        assert by_token.files == by_file.files
        assert by_token.signer_fingerprint == key("chi-bo").fingerprint
        bad = bytearray(data)
        bad[len(bad) // 2] ^= 0x40
        with pytest.raises(PackageRefused) as info:
            read_package(bytes(bad), committee)
        assert info.value.kind == "damaged"
    with load_token_key(SOFTHSM_MODULE, "CAPUY", "chi-bo", PIN) as wrong:     # a signing key: refused for opening
        with pytest.raises(UserError, match="thiếu keyEncipherment"):
            read_package(data, wrong)


def test_token_through_the_command_line(token, locked_db, meeting_id, keydir, tmp_path):
    pkg = tmp_path / "goi.p7m"
    r = run_cli("package", "--db", locked_db, "--meeting", meeting_id, "--pkcs11-module", SOFTHSM_MODULE,
                "--token-label", "CAPUY", "--key-label", "chi-bo", "--passphrase-file", keydir / "pin.txt",
                "--to", keydir / "cap-uy.crt", "--out", pkg, env=token)
    assert r.returncode == 0, r.stderr
    assert "khóa sau vài lần nhập sai mã PIN" in r.stderr
    r = run_cli("open", pkg, "--pkcs11-module", SOFTHSM_MODULE, "--token-label", "CAPUY", "--key-label", "cap-uy",
                "--passphrase-file", keydir / "pin.txt", "--out", tmp_path / "mo", env=token)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "mo" / "meeting.json").exists()
    pdf = tmp_path / "mo" / "bien-ban.pdf"
    r = run_cli("sign", pdf, "--role", "chu-tri", "--pkcs11-module", SOFTHSM_MODULE, "--token-label", "CAPUY",
                "--key-label", "chi-bo", "--passphrase-file", keydir / "pin.txt", "--out", tmp_path / "ky.pdf",
                env=token)
    assert r.returncode == 0, r.stderr
    v = run_cli("verify", tmp_path / "ky.pdf", "--json")
    assert v.returncode == 0 and '"state": "intact"' in v.stdout


def test_wrong_pin_is_refused_with_the_lock_warning(token):
    with pytest.raises(KeyError_, match="Mã PIN không đúng.*khóa"):
        load_token_key(SOFTHSM_MODULE, "CAPUY", "cap-uy", "0000")
    with pytest.raises(KeyError_, match="Không thấy thiết bị"):
        load_token_key(SOFTHSM_MODULE, "KHONG-CO", "cap-uy", PIN)
