"""``kiemdiem selftest``: every step runs and is printed; a failure names its step and exits 1."""
from __future__ import annotations

from kiemdiem_desktop import cli
from kiemdiem_desktop.services import selftest


def test_selftest_runs_every_step_and_prints_ok(qapp, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(tmp_path / "user-data"))
    assert cli.main(["selftest"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "OK"
    for i, (_, name) in enumerate(selftest.STEPS, 1):
        assert out[i - 1].startswith(f"[{i}/{len(selftest.STEPS)}] {name}: đạt")
    # the user's data folder (settings, recent files) is not touched
    assert not (tmp_path / "user-data" / "cai-dat.ini").exists()


def test_a_failing_step_is_named_and_exits_1(capsys, monkeypatch):
    def broken(d):
        raise OSError("đĩa đầy")

    monkeypatch.setitem(selftest._RUNNERS, "package", broken)
    assert cli.main(["selftest", "--no-window"]) == 1
    captured = capsys.readouterr()
    assert "OK" not in captured.out
    assert "gói hồ sơ" in captured.err and "đĩa đầy" in captured.err
    assert "[3/5] biên bản PDF có chữ ký: đạt" in captured.out
