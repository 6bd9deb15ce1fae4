"""The committee's register against a forger with a key of their own (issue 12, items 5, 6, 7):
look-alike codes meet the known cell's key warning, an empty code is refused, another cell
cannot mark a genuine package superseded, and names cannot hide the fingerprint or drive the
terminal."""
import pytest

from kiemdiem_desktop.crypto.identity import normalise_code, normalise_identity, visible
from kiemdiem_desktop.committee.register import CommitteeRegister
from tests.helpers import run_cli

from tests.hostile.package_forge import CODE, forge_dir, forge_key, genuine, sealed  # noqa: F401 - fixtures


def _open(tmp_path, forge_dir, blob, name, *extra):
    src = tmp_path / f"{name}.p7m"
    src.write_bytes(blob)
    r = run_cli("open", str(src), "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                str(forge_dir / "matkhau.txt"), "--out", str(tmp_path / name), "--register",
                str(tmp_path / "cap-uy.capuy"), *extra)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


@pytest.fixture
def registered(tmp_path, forge_dir, forge_key, genuine):
    """A register where the genuine CB-VP is known (first package trusted)."""
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key), "that", "--trust")
    assert rc == 0, err
    return tmp_path / "cap-uy.capuy"


def test_names_compare_without_case_accents_or_invisible_characters():
    from kiemdiem_desktop.crypto.identity import normalise_name

    assert normalise_name("Chi bộ  Văn\u200b phòng") == normalise_name("CHI BO VAN PHONG") == "chi bo van phong"
    assert normalise_identity("Ｃｈｉ\u00a0bộ") == "chi bộ"


LOOK_ALIKES = ["CB-VP\u200b", "CB\u2010VP", "ＣＢ-VP", "cb-vp", " CB-VP ", "CB-\u00adVP", "\u0421\u0412-VP",
               "CB-V\u0420", "CB\u2011VP", "CB\u2212VP", "C\u034fB-VP", "CB-VP\ufe0f", "\u202eCB-VP", "CB\u3000-VP"]


@pytest.mark.parametrize("code", LOOK_ALIKES)
def test_look_alike_codes_compare_equal(code):
    assert normalise_code(code) == "cb-vp"


@pytest.mark.parametrize("code", ["CB-VP\u200b", "CB\u2010VP", "ＣＢ-VP", "\u0421\u0412-VP"])
def test_a_look_alike_code_meets_the_known_cells_key_warning(tmp_path, forge_dir, forge_key, genuine, registered, code):
    assert normalise_code(code) == "cb-vp"
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, signer="ke-gian", code=code), "gia", "--trust")
    assert rc == 2, err
    assert "CẢNH BÁO" in err and "đã đăng ký khóa khác" in err and "Lần đầu" not in err
    assert forge_key("ke-gian").fingerprint in err and forge_key("chi-bo").fingerprint in err
    assert not (tmp_path / "gia").exists()
    with CommitteeRegister(registered) as reg:
        # The look-alike package is kept in the inbox only as refused (the CLI records refusals of a
        # known cell as the window does); the genuine one stays the cell's only verified package.
        rows = reg.inbox()
        assert [r["signer_fingerprint"] for r in rows if r["state"] == "verified"] == [forge_key("chi-bo").fingerprint]
        assert all(r["state"] == "refused" for r in rows if r["signer_fingerprint"] != forge_key("chi-bo").fingerprint)


@pytest.mark.parametrize("code", ["", "\u200b\u2060 \ufeff"])
def test_an_empty_code_is_refused(tmp_path, forge_dir, forge_key, genuine, registered, code):
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, signer="ke-gian", code=code), "trong", "--trust")
    assert rc == 2 and "không ghi mã chi bộ" in err and "trong.p7m" not in out, err
    assert not (tmp_path / "trong").exists()


def test_an_empty_code_is_refused_with_no_register_yet(tmp_path, forge_dir, forge_key, genuine):
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, code=""), "trong")
    assert rc == 2 and "không ghi mã chi bộ" in err and "trong.p7m" in err
    assert not (tmp_path / "cap-uy.capuy").exists()


def test_the_same_name_under_another_code_is_flagged_as_first_seen(tmp_path, forge_dir, forge_key, genuine, registered):
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, signer="ke-gian", code="CB-VP2"), "khac")
    assert rc == 2 and "Lần đầu" in err and "CHÚ Ý" in err and "cb-vp" in err, err


def test_another_cell_cannot_supersede_a_genuine_package(tmp_path, forge_dir, forge_key, genuine, registered):
    # A second registered cell reuses the genuine meeting's UUID with a higher revision.
    rc, _, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, signer="ke-gian", code="CB-KHAC",
                                                   name="Chi bộ Khác", revision=9), "khac", "--trust")
    assert rc == 0, err
    with CommitteeRegister(registered) as reg:
        states = {r["cell_key"]: (r["state"], r["revision"]) for r in reg.inbox()}
    assert states == {"code:cb-vp": ("verified", 1), "code:cb-khac": ("verified", 9)}
    # the same cell and key with a newer revision does supersede
    rc, _, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, revision=2), "lan-2")
    assert rc == 0, err
    with CommitteeRegister(registered) as reg:
        states = sorted((r["cell_key"], r["revision"], r["state"]) for r in reg.inbox())
    assert states == [("code:cb-khac", 9, "verified"), ("code:cb-vp", 1, "superseded"), ("code:cb-vp", 2, "verified")]


FAKE = "AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333 4444 5555 6666 7777 8888 9999"


def test_a_name_cannot_forge_a_fingerprint_line_or_drive_the_terminal(tmp_path, forge_dir, forge_key, genuine):
    name = f"Chi bộ Văn phòng\n  {FAKE}\n\x1b[2J\x1b[31m\u202e\x9b31m"
    rc, out, err = _open(tmp_path, forge_dir, sealed(genuine, forge_key, name=name), "ten")
    assert rc == 2 and "Lần đầu" in err
    assert "\x1b" not in err + out and "\x9b" not in err + out and "\u202e" not in err + out
    assert "⟨U+001B⟩" in err and "⟨U+000A⟩" in err
    lines = [line.strip() for line in err.splitlines()]
    assert forge_key("chi-bo").fingerprint in lines and FAKE not in lines       # the real one on its own line


def test_visible_shows_every_control_and_format_character():
    assert visible("a\nb\tc\x1b[0m\u200b\u202e\x9b") == "a⟨U+000A⟩b⟨U+0009⟩c⟨U+001B⟩[0m⟨U+200B⟩⟨U+202E⟩⟨U+009B⟩"
    assert visible("Chi bộ Văn phòng") == "Chi bộ Văn phòng"
