"""Progress while the documents are built (issue 15): the window says how many files of how many
are written, the bar fills, and the window keeps handling events until the final list arrives."""
import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

PROGRESS = re.compile(r"(\d+)/(\d+) tệp…$")


def test_saving_everything_shows_files_written_of_planned_then_the_list(documents_window, qtbot, tmp_path):
    w = documents_window
    seen: list[tuple[str, int, int]] = []
    w.progressed.connect(lambda done, total: seen.append(
        (w.statusBar().currentMessage(), w.save_bar.value(), w.save_bar.maximum())))
    folder = tmp_path / "tat-ca"
    with qtbot.waitSignal(w.saved, timeout=60000) as got:
        assert w.save_all(folder)
        assert w.save_bar.isVisible() and "Đang lưu tất cả văn bản" in w.statusBar().currentMessage()
    files = got.args[0]
    # the progress reached the GUI thread while the worker was writing: the window was not blocked
    assert len(seen) >= 2, seen
    counts = [tuple(map(int, PROGRESS.search(text).groups())) for text, _, _ in seen]
    assert all(text.startswith(f"Đang lưu tất cả văn bản vào {folder}: ") for text, _, _ in seen)
    assert [c[0] for c in counts] == sorted(c[0] for c in counts) and counts[0][0] < counts[-1][0]
    assert {c[1] for c in counts} == {len(files)}                      # the plan was right
    assert counts[-1] == (len(files), len(files))
    assert [(v, m) for _, v, m in seen] == counts                      # the bar shows the same
    # then the final list, and the bar gone
    assert not w.save_bar.isVisible()
    assert f"Đã lưu {len(files)} tệp vào {folder}" in w.statusBar().currentMessage()
    names = {Path(f).name for f in files}
    assert {"bien-ban.pdf", "bien-ban.docx", "mau-01.docx", "tong-hop-ket-qua.xlsx"} <= names
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def test_building_the_forms_shows_the_count_under_their_title(documents_window, qtbot):
    w = documents_window
    texts: list[str] = []
    w.progressed.connect(lambda done, total: texts.append(w.busy_label.text()))
    with qtbot.waitSignal(w.built, timeout=30000, check_params_cb=lambda key: key == "forms_2"):
        w.select("forms_2")
        assert w.stack.currentIndex() == 1                # the busy page, at once
        QApplication.processEvents()
    assert texts and all(t.startswith("Đang tạo “Mẫu 2A/2B/2C — kiểm điểm cá nhân (Word)”: ") for t in texts)
    done, total = map(int, PROGRESS.search(texts[-1]).groups())
    assert done == total == len(w.files["forms_2"]) == 12
    assert [w.file_choice.itemText(i) for i in range(w.file_choice.count())] == [f.name for f in w.files["forms_2"]]
    assert all(f.name.startswith("mau-2") and f.exists() for f in w.files["forms_2"])
