"""Structure-aware fuzzing of the package opener (issue 12, hostile-input suite).

Packages are forged with keys the test controls, so the envelope decrypts and the signature
verifies and only the content is hostile: the manifest mutated by json_mutations (wrong types and
ranges, NaN, 2^63, surrogates, deep nesting, control characters and look-alike codes in names,
dropped and added keys), ZIP entries added, doubled, renamed, turned into symlinks or directories,
declared sizes and CRCs forged, bytes of the ZIP flipped, and meeting.json mutated. Properties:
``read_package`` opens it or refuses it with a UserError, never another exception; a refusal's
message is printable and names the package; what opens can be unpacked, decided on by a real
register (identities, supersession) and recorded without an exception, and shows no control
character in the register's message; the command line answers 0 or 2 and never a traceback.
Bounded for ``make test``; KIEMDIEM_FUZZ=N (``make fuzz``) tries N times more."""
from __future__ import annotations

import io
import json
import stat
import struct
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiemdiem_desktop.crypto import package as pkg
from kiemdiem_desktop.crypto.open_package import read_package, unpack
from kiemdiem_desktop.committee.register import CommitteeRegister
from kiemdiem_desktop.i18n import UserError
from tests.helpers import run_cli

from tests.hostile.fuzz_counts import tried
from tests.hostile.json_mutations import classify, fuzz_settings, hostile_value, mutated, to_text
from tests.hostile.package_forge import (  # noqa: F401 - fixtures
    PASS, forge_dir, forge_key, genuine, relist, seal, zip_entries,
)

NAME = "goi-fuzz.p7m"


def _check(blob: bytes, forge_key, tmp, reg: CommitteeRegister | None = None) -> str:
    try:
        opened = read_package(blob, forge_key("cap-uy"), file_name=NAME)
    except UserError as err:
        text = str(err)
        text.encode("utf-8")
        assert NAME in text, text
        return "refused"
    out = tmp / f"mo-{opened.package_sha256[:12]}"
    if not out.exists():
        unpack(opened, out)
    if reg is not None:
        d = reg.decide(opened)
        assert not any(ord(c) < 32 and c != "\n" for c in d.message), d.message
        reg.record(opened, folder=str(out), state="verified" if d.status in ("known", "first_seen") else "refused",
                   reason=d.message)
    return "opened"


@pytest.fixture(scope="module")
def fuzz_tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-goi")


def test_fuzz_manifests(forge_key, genuine, fuzz_tmp):
    manifest, files = genuine
    reg = CommitteeRegister(fuzz_tmp / "cap-uy.capuy")
    try:
        @fuzz_settings(40)
        @given(data=mutated(manifest))
        def run(data):
            muts, text = data
            blob = seal(zip_entries([(pkg.MANIFEST, text.encode("utf-8", "surrogatepass")), *files.items()]),
                        forge_key("chi-bo"), forge_key("cap-uy").certificate)
            result = _check(blob, forge_key, fuzz_tmp, reg)
            tried[f"package, manifest mutated ({classify(muts)}) → {result}"] += 1
        run()
    finally:
        reg.close()


def test_fuzz_meeting_json_inside_packages(forge_key, genuine, fuzz_tmp):
    manifest, files = genuine
    doc = json.loads(files[pkg.MEETING_JSON])

    @fuzz_settings(25)
    @given(data=mutated(doc, max_mutations=3))
    def run(data):
        muts, text = data
        changed = {**files, pkg.MEETING_JSON: text.encode("utf-8", "surrogatepass")}
        m = relist(manifest, changed)
        blob = seal(zip_entries([(pkg.MANIFEST, json.dumps(m).encode()), *changed.items()]),
                    forge_key("chi-bo"), forge_key("cap-uy").certificate)
        tried[f"package, meeting.json mutated ({classify(muts)}) → {_check(blob, forge_key, fuzz_tmp)}"] += 1
    run()


ENTRY_NAMES = ["x.pdf", "manifest.json", "meeting.json", "../x.pdf", "/abs.pdf", "a/b.pdf", "con.pdf", "A.PDF",
               "nul", "x\x00.pdf", "x\n.pdf", "\u202ex.pdf", "meeting-0.json", "." , "..", "x" * 300, "é.pdf"]


@st.composite
def zip_changes(draw):
    return draw(st.lists(st.tuples(
        st.sampled_from(["add", "symlink", "dir", "dup", "size", "crc", "flip", "method", "truncate", "encrypt"]),
        st.sampled_from(ENTRY_NAMES), st.integers(0, 10 ** 6), st.binary(max_size=64)), min_size=1, max_size=3))


def _zip_with(files: dict[str, bytes], manifest: dict, changes) -> bytes:
    entries = [(pkg.MANIFEST, json.dumps(manifest).encode())]
    entries += list(files.items())
    data_changes = []
    for kind, name, n, payload in changes:
        if kind == "add":
            entries.append((name, payload))
        elif kind in ("symlink", "dir"):
            info = zipfile.ZipInfo(name + ("/" if kind == "dir" else ""), date_time=pkg.ZIP_TIME)
            info.create_system = 3
            info.external_attr = ((stat.S_IFLNK | 0o777) if kind == "symlink" else (stat.S_IFDIR | 0o755)) << 16
            entries.append((info, payload))
        elif kind == "dup":
            entries.append(entries[n % len(entries)])
        else:
            data_changes.append((kind, n, payload))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for info, body in entries:
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                z.writestr(info, body)
    raw = bytearray(buf.getvalue())
    for kind, n, payload in data_changes:
        cd = raw.find(b"PK\x01\x02", n % max(len(raw), 1))
        if cd < 0:
            cd = raw.find(b"PK\x01\x02")
        if kind == "size" and cd >= 0:
            raw[cd + 24:cd + 28] = struct.pack("<I", (n * 7919) & 0xFFFFFFFF)
        elif kind == "crc" and cd >= 0:
            raw[cd + 16:cd + 20] = struct.pack("<I", n)
        elif kind == "method" and cd >= 0:
            raw[cd + 10:cd + 12] = struct.pack("<H", n % 100)
        elif kind == "encrypt" and cd >= 0:
            raw[cd + 8] |= 1
        elif kind == "flip" and raw:
            raw[n % len(raw)] ^= (payload[0] if payload else 0x55) or 1
        elif kind == "truncate" and raw:
            raw = raw[: n % len(raw)]
    return bytes(raw)


def test_fuzz_zip_structure(forge_key, genuine, fuzz_tmp):
    manifest, files = genuine

    @fuzz_settings(40)
    @given(changes=zip_changes(), relisted=st.booleans())
    def run(changes, relisted):
        m = manifest
        if relisted:      # the forger lists the added entries too, with their true sizes and hashes
            extra = {name: payload for kind, name, _, payload in changes if kind == "add"}
            m = relist(manifest, {**files, **extra})
        blob = seal(_zip_with(files, m, changes), forge_key("chi-bo"), forge_key("cap-uy").certificate)
        kinds = {c[0] for c in changes}
        what = ("bytes flipped or cut" if kinds & {"flip", "truncate"} else
                "headers forged (size, CRC, method, encryption flag)" if kinds & {"size", "crc", "method", "encrypt"}
                else "entries (symlinks, folders, doubles, unsafe names)")
        tried[f"package, ZIP {what} → {_check(blob, forge_key, fuzz_tmp)}"] += 1
    run()


def test_fuzz_open_command(forge_dir, forge_key, genuine, fuzz_tmp):
    manifest, files = genuine
    counter = {"n": 0}

    @fuzz_settings(3)
    @given(data=mutated(manifest, max_mutations=2))
    def run(data):
        muts, text = data
        counter["n"] += 1
        src = fuzz_tmp / f"lenh-{counter['n']}.p7m"
        src.write_bytes(seal(zip_entries([(pkg.MANIFEST, text.encode("utf-8", "surrogatepass")), *files.items()]),
                             forge_key("chi-bo"), forge_key("cap-uy").certificate))
        out = fuzz_tmp / f"lenh-ra-{counter['n']}"
        r = run_cli("open", str(src), "--key", str(forge_dir / "cap-uy.p12"), "--passphrase-file",
                    str(forge_dir / "matkhau.txt"), "--out", str(out), "--register", str(fuzz_tmp / "lenh.capuy"),
                    "--trust")
        err = r.stderr.decode("utf-8", "replace")
        tried["package, `open` command"] += 1
        assert r.returncode in (0, 2) and "Traceback" not in err and "\x1b" not in err, err
        if r.returncode == 2:
            assert src.name in err and not out.exists()
    run()
