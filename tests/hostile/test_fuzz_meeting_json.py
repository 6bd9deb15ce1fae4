"""Structure-aware fuzzing of the meeting JSON importer (issue 12, hostile-input suite).

Valid meetings (the hand-written one of tests/io/meeting_doc.py, and the same with a ballot) are
changed in 1-4 places by json_mutations: wrong types, out-of-range and huge counts, NaN, 2^63,
lone surrogates, nesting 5,000 deep, control characters, dropped and added keys, duplicated items.
Properties: reading and checking either accepts the document or refuses it with a UserError naming
the file, never another exception; a refused import leaves the data file as it was; the command line
answers 0 or 2, never a traceback, and a refusal writes nothing. Bounded for ``make test``;
KIEMDIEM_FUZZ=N (``make fuzz``) tries N times more."""
from __future__ import annotations

import json

import pytest
from hypothesis import given

from kiemdiem_desktop.i18n import UserError
from kiemdiem_desktop.io.meeting_json import import_meeting_report, parse_document, read_document
from kiemdiem_desktop.services import CellFile
from tests.helpers import run_cli
from tests.io.meeting_doc import hand_document, uid

from tests.hostile.fuzz_counts import tried
from tests.hostile.json_mutations import classify, fuzz_settings, mutated


def _with_ballot() -> dict:
    d = hand_document()
    b = {"id": uid(501), "layout": "common", "taken_at": "10:30", "issued": 9, "returned": 9, "valid": 9,
         "invalid": 0, "accepted": True, "double_entry": True}
    d["meeting"]["ballots"] = [b]
    v = d["meeting"]["votes"][1]
    v.update(method="ballot", ballot_id=b["id"], levels={"EXCELLENT": 6, "GOOD": 3},
             second_entry={"EXCELLENT": 6, "GOOD": 3})
    return d


DOCS = {"hand": hand_document(), "ballot": _with_ballot()}


def _check_refusal(err: UserError, name: str) -> None:
    text = str(err)
    assert name in text, text
    text.encode("utf-8")                      # printable: no lone surrogate in a message
    assert "Traceback" not in text


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-json")


@pytest.mark.parametrize("which", list(DOCS))
def test_fuzz_meeting_documents_are_accepted_or_refused_with_the_file_named(fuzz_dir, which):
    @fuzz_settings(60)
    @given(data=mutated(DOCS[which]))
    def run(data):
        muts, text = data
        tried[f"meeting JSON, read and checked ({classify(muts)})"] += 1
        path = fuzz_dir / "hop-fuzz.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            parse_document(read_document(path), path.name)
        except UserError as err:
            _check_refusal(err, path.name)
    run()


def _state(cf: CellFile) -> tuple:
    return (sorted(m.id for m in cf.members()),
            sorted((m.id, m.state.value, m.revision) for m in cf.meetings()))


def test_fuzz_meeting_imports_leave_a_refused_data_file_as_it_was(fuzz_dir):
    db = fuzz_dir / "chi-bo.kiemdiem"
    cf = CellFile.open(db, create=True)
    try:
        import_meeting_report(cf, hand_document(), file="goc.json")

        @fuzz_settings(25)
        @given(data=mutated(DOCS["ballot"], max_mutations=2))
        def run(data):
            muts, text = data
            tried[f"meeting JSON, imported into a data file ({classify(muts)})"] += 1
            path = fuzz_dir / "hop-nhap.json"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            before = _state(cf)
            try:
                import_meeting_report(cf, read_document(path), file=path.name)
            except UserError as err:
                _check_refusal(err, path.name)
                assert _state(cf) == before
        run()
    finally:
        cf.close(backup=False)


def test_fuzz_meeting_import_command(fuzz_dir):
    @fuzz_settings(4)
    @given(data=mutated(DOCS["hand"], max_mutations=3))
    def run(data):
        muts, text = data
        tried["meeting JSON, `meeting import` command"] += 1
        path = fuzz_dir / "hop-lenh.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        db = fuzz_dir / "lenh.kiemdiem"
        if db.exists():
            db.unlink()
        r = run_cli("meeting", "import", str(path), "--db", str(db))
        err = r.stderr.decode("utf-8", "replace")
        assert r.returncode in (0, 2) and "Traceback" not in err, err
        if r.returncode == 2:
            assert "hop-lenh.json" in err and not db.exists()
    run()


def test_the_mutations_reach_every_class():
    # the generator itself: every raw placeholder becomes text json.loads would otherwise accept or choke on
    from tests.hostile.json_mutations import RAW, to_text
    text = to_text({"a": list(RAW)})
    assert "NaN" in text and str(2 ** 63) in text and "\\ud800" in text and "[" * 5000 in text
    assert json.loads(to_text({"a": 1})) == {"a": 1}
