"""Many files written atomically with one flush per batch (store.atomic.write_many_atomically, used by
the ~500 Word forms): every file whole, no temporary file left, a failure named with its file and
the files of that batch not half-written."""
from __future__ import annotations

import pytest

from kiemdiem_desktop.store.atomic import write_many_atomically
from kiemdiem_desktop.store.errors import WriteFailedError


def test_every_file_whole_in_order_and_reported(tmp_path):
    folder = tmp_path / "out"
    (folder).mkdir()
    (folder / "f-3.docx").write_bytes(b"old")          # replaced, never appended to
    seen = []
    items = ((folder / f"f-{i}.docx", f"nội dung {i}".encode() * 100) for i in range(10))
    paths = write_many_atomically(items, batch=4, done=seen.append)
    assert paths == seen == [folder / f"f-{i}.docx" for i in range(10)]
    for i in range(10):
        assert (folder / f"f-{i}.docx").read_bytes() == f"nội dung {i}".encode() * 100
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"f-{i}.docx" for i in range(10))


def test_a_failure_names_the_file_and_leaves_no_temporary(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "f-5.docx").mkdir()                       # a folder where a file must go: rename fails
    items = ((folder / f"f-{i}.docx", b"x" * 10) for i in range(8))
    with pytest.raises(WriteFailedError) as err:
        write_many_atomically(items, batch=4)
    assert "f-5.docx" in str(err.value) and "Không có tệp nào bị ghi dở" in str(err.value)
    names = sorted(p.name for p in folder.iterdir())
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")]
    # the first batch in place; of the failed batch only what was renamed before the failure; each whole
    assert {f"f-{i}.docx" for i in range(4)} <= set(names) <= {f"f-{i}.docx" for i in range(8)}
    assert not {"f-6.docx", "f-7.docx"} & set(names)
    for n in names:
        if n != "f-5.docx":
            assert (folder / n).read_bytes() == b"x" * 10
