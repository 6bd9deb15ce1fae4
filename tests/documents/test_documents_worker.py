"""`build_documents` with its largest PDFs written by a second process (documents/render_worker.py, issue 15):
the same files as one process builds (every part of each Word file equal, each PDF equal but for its
creation date and id), the same list, the progress advancing file by file to the total, the same
Vietnamese message when the second process fails to write, no file half written, and every file
written here when the second process is not there."""
from __future__ import annotations

import re
import resource
import zipfile

import pytest
from lxml import etree

from kiemdiem_desktop.clock import NO_CLOCK
from kiemdiem_desktop.documents import all_documents, render_worker
from kiemdiem_desktop.documents.all_documents import build_documents, minutes_pdf_and_docx
from kiemdiem_desktop.services.demo import create_demo
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.store.errors import WriteFailedError
from kiemdiem_desktop.voting import VotingDesk


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.kiemdiem"
    with create_demo(path, members=40, finished=True) as cf:
        meeting = next(m for m in cf.meetings() if m.state.value == "locked")
        yield VotingDesk(MeetingSession(cf, meeting.id, clock=NO_CLOCK))


def content(path) -> bytes | dict:
    """A file's content without what differs from one run to the next (a PDF's dates and id)."""
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as z:
            return {n: etree.tostring(etree.fromstring(z.read(n)), method="c14n") if n.endswith((".xml", ".rels"))
                    else z.read(n) for n in z.namelist() if not n.startswith("docProps/")}
    data = path.read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", data)
    return re.sub(rb"\[<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\]", b"", data)


def build(desk, folder, workers: int):
    seen = []
    paths = build_documents(desk, folder, minutes=minutes_pdf_and_docx, minutes_files=2, locality="Hà Nội",
                            workers=workers, progress=lambda done, total, path: seen.append((done, total, path)))
    return paths, seen


def test_two_processes_write_the_files_one_process_writes(demo, tmp_path):
    one, seen_one = build(demo, tmp_path / "one", workers=1)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    two, seen_two = build(demo, tmp_path / "two", workers=2)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the PDFs were rendered by another process: it worked, and the minutes' Word file came first
    assert after.ru_utime - children.ru_utime > 0.1
    assert seen_two[0][2].name == "bien-ban.docx" and seen_one[0][2].name == "bien-ban.pdf"
    assert [p.name for p in two] == [p.name for p in one]
    assert two[0].name == "bien-ban.pdf"
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert {"bien-ban.pdf", "bien-ban.docx", "tong-hop-ket-qua.pdf", "kich-ban-dieu-hanh.pdf"} <= set(names)
    for name in names:
        assert content(tmp_path / "two" / name) == content(tmp_path / "one" / name), name
    # the progress: every file once, one at a time, up to the total
    total = len(names)
    assert [d for d, _, _ in seen_two] == list(range(1, total + 1))
    assert {t for _, t, _ in seen_two} == {total}
    assert sorted(p.name for _, _, p in seen_two) == names
    assert seen_one[-1][:2] == (total, total)


def test_a_file_the_second_process_cannot_write_gives_the_same_message_and_no_half_file(demo, tmp_path):
    messages = []
    for workers in (1, 2):
        folder = tmp_path / f"w{workers}"
        (folder / "kich-ban-dieu-hanh.pdf").mkdir(parents=True)     # a folder where the script must go
        with pytest.raises(WriteFailedError) as err:
            build(demo, folder, workers=workers)
        messages.append(str(err.value).replace(str(folder), "…"))
        names = [p.name for p in folder.iterdir()]
        assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names
        for name in names:
            if name.endswith(".pdf") and name != "kich-ban-dieu-hanh.pdf":
                assert (folder / name).read_bytes().rstrip().endswith(b"%%EOF"), name   # whole
    assert messages[0] == messages[1]
    assert "Không ghi được tệp …/kich-ban-dieu-hanh.pdf" in messages[1]
    assert "Không có tệp nào bị ghi dở" in messages[1]


def test_a_failure_here_stops_the_second_process_with_its_files_whole(demo, tmp_path):
    """This process fails (a folder where the workbook must go) while the other writes PDFs: the same
    message as one process gives, the other process ended, no temporary or half-written file."""
    messages = []
    for workers in (1, 2):
        folder = tmp_path / f"w{workers}"
        (folder / "tong-hop-ket-qua.xlsx").mkdir(parents=True)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with pytest.raises(WriteFailedError) as err:
            build(demo, folder, workers=workers)
        if workers == 2:     # waited for: its time is counted once it has ended
            assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime > children.ru_utime
        messages.append(str(err.value).replace(str(folder), "…"))
        names = [p.name for p in folder.iterdir()]
        assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names
        for name in names:
            if name.endswith(".pdf"):
                assert (folder / name).read_bytes().rstrip().endswith(b"%%EOF"), name
    assert messages[0] == messages[1]
    assert "Không ghi được tệp …/tong-hop-ket-qua.xlsx" in messages[1]


def test_without_the_second_process_every_file_is_written_here(demo, tmp_path, monkeypatch):
    """A worker that ends at once (it could not start its program): its PDFs are written by this one."""
    one, _ = build(demo, tmp_path / "one", workers=1)
    monkeypatch.setattr(render_worker, "worker_command", lambda: [render_worker.sys.executable, "-c", "pass"])
    two, seen = build(demo, tmp_path / "two", workers=2)
    assert [p.name for p in two] == [p.name for p in one]
    for p in one:
        assert content(tmp_path / "two" / p.name) == content(p), p.name
    assert [d for d, _, _ in seen] == list(range(1, len(seen) + 1))


def test_one_core_or_a_small_meeting_builds_in_one_process(demo, monkeypatch):
    steps = [all_documents._Step(1, lambda: None, pdf=lambda: None)]
    monkeypatch.setattr(all_documents, "usable_cores", lambda: 1)
    assert all_documents._worker(demo, steps, None) is None
    monkeypatch.setattr(all_documents, "usable_cores", lambda: 2)
    assert len(demo.s.member_list) < all_documents.PARALLEL_FROM
    assert all_documents._worker(demo, steps, None) is None      # 40 members: not worth a process
    worker = all_documents._worker(demo, steps, 2)               # asked for: started
    assert worker is not None
    worker.close()
    assert worker.proc.returncode == 0
    monkeypatch.setattr(all_documents, "PARALLEL_FROM", 10)
    monkeypatch.setenv(all_documents.WORKERS_ENV, "1")           # said in the environment: one process
    assert all_documents._worker(demo, steps, None) is None
