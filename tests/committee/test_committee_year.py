"""The committee's whole year on the command line, on a SQLite file and on PostgreSQL: the list of
cells, a folder of packages opened in one process, each cell's state, the summary with the quota
lines, decisions (never raised, lowered only with a reason, history kept, from XLSX with a
preview), the notice imported by the cell, the report upward."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from kiemdiem_desktop.committee.year import CommitteeOffice
from kiemdiem_desktop.services import CellFile

from .conftest import cli


def _open_year(year, register, tmp_path, *extra):
    assert cli("committee", "setup", "--register", register, "--name", "Đảng ủy phường Bến Nghé", "--higher-org",
               "Đảng bộ quận 1", "--locality", "Thành phố Hồ Chí Minh", "--secretary", "Trần Văn Minh")[0] == 0
    cells = tmp_path / "chi-bo.csv"
    cells.write_text("Mã,Tên chi bộ\nCB01,Chi bộ Khu phố 1\nCB02,Chi bộ Khu phố 2\nCB03,Chi bộ Khu phố 3\n"
                     "CB04,Chi bộ Khu phố 4\n", encoding="utf-8")
    code, out, err = cli("committee", "cells", "import", cells, "--register", register)
    assert code == 0 and "4 mới" in out, err
    return cli("open", year.packages, *year.keyargs("capuy-mh"), "--out", tmp_path / "mo", "--register", register,
               "--trust", *extra)


def _status(register) -> dict:
    code, out, err = cli("committee", "status", "--register", register, "--year", 2026, "--json")
    assert code == 0, err
    return {c["code"]: c for c in json.loads(out)["cells"]}


def _summary(register) -> dict:
    code, out, err = cli("committee", "summary", "--register", register, "--year", 2026, "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_folder_of_packages_opened_with_progress_then_each_cells_state(year, register, tmp_path):
    code, out, err = _open_year(year, register, tmp_path)
    assert code == 0, err
    assert "[1/3] cb01.p7m: Gói hợp lệ: Chi bộ Khu phố 1" in out and "[3/3] cb03.p7m" in out
    assert "Đã mở 3/3 gói" in err
    assert sorted(p.name for p in (tmp_path / "mo").iterdir()) == ["cb01", "cb02", "cb03"]
    assert (tmp_path / "mo" / "cb02" / "bien-ban.pdf").exists()
    st = _status(register)
    assert [(k, v["status"], v["revision"], v["members"]) for k, v in st.items()] == [
        ("CB01", "verified", 1, 10), ("CB02", "verified", 1, 12), ("CB03", "verified", 1, 14),
        ("CB04", "expected", None, None)]
    # CB01 sends a newer revision; a package signed with another key for CB02's name is refused
    from kiemdiem_desktop.services.package import make_package
    from kiemdiem_desktop.session import MeetingSession

    cell = tmp_path / "cb01.kiemdiem"
    shutil.copy(year.cells["CB01"], cell)
    with CellFile.open(cell) as cf:
        s = MeetingSession(cf, year.meetings["CB01"])
        s.reopen("Sửa lỗi chính tả trong biên bản").result()
        assert s.lock() == 2
        make_package(cf, year.meetings["CB01"], year.key("cb01-ky"), [year.cert("capuy-mh")],
                     out=tmp_path / "lan2" / "cb01-lan-2.p7m", slip=False)
        make_package(cf, year.meetings["CB01"], year.key("cb01-moi"), [year.cert("capuy-mh")],
                     out=tmp_path / "gia" / "cb01-gia.p7m", slip=False)
    code, out, err = cli("open", tmp_path / "lan2", *year.keyargs("capuy-mh"), "--out", tmp_path / "mo2",
                         "--register", register)
    assert code == 0, err
    code, out, err = cli("open", tmp_path / "gia" / "cb01-gia.p7m", *year.keyargs("capuy-mh"), "--out",
                         tmp_path / "mo3", "--register", register, "--trust")
    assert code == 2 and "CẢNH BÁO" in err and not (tmp_path / "mo3").exists()
    st = _status(register)
    assert (st["CB01"]["status"], st["CB01"]["revision"]) == ("superseded", 2)
    # a package from a cell never trusted, refused alone: the state of a cell with only that
    with CommitteeOffice(register) as office:
        assert len(office.register.inbox(2026)) == 5


def test_summary_counts_voted_levels_quota_across_the_dang_bo_and_decisions_replace_them(year, register, tmp_path):
    assert _open_year(year, register, tmp_path)[0] == 0
    s = _summary(register)
    # every demo cell votes 2 HTXSNV; the quota line is across the whole đảng bộ, from voted levels only
    assert s["members"]["levels"]["EXCELLENT"] == 6 and s["decided"] == 0
    assert s["members"]["total"] == sum(s["members"]["levels"].values()) + s["members"]["unrated"]
    assert s["cells"]["levels"]["GOOD"] == 3 and s["cells"]["expected"] == 1
    [q] = s["quota"]
    good = s["members"]["levels"]["GOOD"]
    assert (q["group"], q["excellent"], q["good"], q["over"]) == ("", 6, good, 6 > good // 5)
    unrated = [u for c in s["per_cell"] for u in c["unrated"]]
    assert unrated and all(u["reason"] for u in unrated)
    with CommitteeOffice(register) as office:
        v = office.view(2026)
    excellent = next(m for m in v.members() if m.voted_level == "EXCELLENT")
    good_one = next(m for m in v.members() if m.voted_level == "GOOD")
    # raising above the voted level: refused, nothing written
    code, _out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--member", good_one.id[:8],
                          "--level", "HTXSNV", "--reason", "xuất sắc")
    assert code == 2 and "cao hơn mức chi bộ đã biểu quyết" in err
    # lowering without a reason: refused
    code, _out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--member", excellent.id,
                          "--level", "GOOD")
    assert code == 2 and "cần ghi lý do" in err
    assert _summary(register)["decided"] == 0
    code, out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--member", excellent.id,
                         "--level", "GOOD", "--reason", "Vượt tỷ lệ 20% của đảng bộ", "--number", "15-TB/ĐU",
                         "--date", "20/12/2026")
    assert code == 0 and "hạ mức" in out, err
    s = _summary(register)
    assert s["decided"] == 1 and s["members"]["levels"]["EXCELLENT"] == 5 and s["members"]["levels"]["GOOD"] == good + 1
    assert s["members"]["proposed_levels"]["EXCELLENT"] == 6          # what the cells voted, kept apart
    assert s["quota"][0]["excellent"] == 5
    # a second decision replaces the first; both stay in the history
    code, out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--member", excellent.id,
                         "--level", "HTNV", "--reason", "Còn hạn chế trong thực hiện nhiệm vụ")
    assert code == 0, err
    with CommitteeOffice(register) as office:
        history = office.history(2026, excellent.id)
    assert [(h.level, h.replaced_by is None) for h in history] == [("GOOD", False), ("COMPLETED", True)]
    assert history[1].replaces == history[0].id and history[0].reason == "Vượt tỷ lệ 20% của đảng bộ"
    assert _summary(register)["decided"] == 1


def test_decisions_from_a_filled_workbook_are_checked_and_previewed(year, register, tmp_path):
    assert _open_year(year, register, tmp_path)[0] == 0
    sheet = tmp_path / "bao-cao.xlsx"
    code, _o, err = cli("committee", "summary", "--register", register, "--year", 2026, "--out", sheet, "--date",
                        "22/12/2026", "--number", "25-BC/ĐU")
    assert code == 0, err
    wb = load_workbook(sheet)
    ws = wb["Quyết định"]
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    excellent = [r for r in rows.values() if r[3].value == "HTXSNV"]
    good = [r for r in rows.values() if r[3].value == "HTTNV"]
    excellent[0][4].value = "HTTNV"                       # lowered, without a reason: refused
    good[0][4].value = "Hoàn thành xuất sắc nhiệm vụ"      # raised: refused
    wb.save(sheet)
    code, out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--from", sheet)
    assert code == 2
    assert f"dòng {excellent[0][0].row}" in err and "cần ghi lý do" in err
    assert f"dòng {good[0][0].row}" in err and "cao hơn" in err and "Không ghi gì" in err
    assert _summary(register)["decided"] == 0
    excellent[0][5].value = "Vượt tỷ lệ"
    good[0][4].value = "HTTNV"
    excellent[1][4].value = "htxsnv"
    wb.save(sheet)
    code, out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--from", sheet, "--preview")
    assert code == 0 and "chưa ghi gì" in out and "quyết định HTTNV (hạ mức); lý do: Vượt tỷ lệ" in out, err
    assert _summary(register)["decided"] == 0
    code, out, err = cli("committee", "decide", "--register", register, "--year", 2026, "--from", sheet)
    assert code == 0 and "Đã ghi 3 quyết định" in out, err
    assert _summary(register)["decided"] == 3


def test_notice_to_a_cell_is_signed_encrypted_and_recorded_beside_the_vote(year, register, tmp_path):
    assert _open_year(year, register, tmp_path)[0] == 0
    with CommitteeOffice(register) as office:
        m = next(m for m in office.view(2026).cell("CB01").members if m.voted_level == "EXCELLENT")
    assert cli("committee", "decide", "--register", register, "--year", 2026, "--member", m.id, "--level", "HTTNV",
               "--reason", "Vượt tỷ lệ của đảng bộ", "--number", "15-TB/ĐU", "--date", "20/12/2026")[0] == 0
    notice = tmp_path / "tb-cb01.p7m"
    code, out, err = cli("committee", "notify", "--register", register, "--year", 2026, "--cell", "CB01",
                         *year.keyargs("capuy-ky"), "--to", year.keys / "cb01-mh.crt", "--out", notice, "--number",
                         "15-TB/ĐU", "--date", "20/12/2026")
    assert code == 0 and "1 hạ mức" in out, err
    # openssl alone opens it with the cell's key: a CMS envelope around a signed ZIP
    pem = tmp_path / "cb01.pem"
    subprocess.run(["openssl", "pkcs12", "-in", year.keys / "cb01-mh.p12", "-nodes", "-passin", f"pass:{'mat-khau-thu-nghiem'}",
                    "-out", pem], check=True, capture_output=True)
    dec = subprocess.run(["openssl", "cms", "-decrypt", "-inform", "DER", "-binary", "-in", notice, "-inkey", pem],
                         capture_output=True)
    assert dec.returncode == 0 and len(dec.stdout) > 1000
    cell = tmp_path / "cb01.kiemdiem"
    shutil.copy(year.cells["CB01"], cell)
    args = ["decisions", "import", notice, "--db", cell, *year.keyargs("cb01-mh")]
    code, out, err = cli(*args)
    assert code == 2 and "Lần đầu nhận thông báo" in err and year.key("capuy-ky").fingerprint in err
    code, out, err = cli(*args, "--trust")
    assert code == 0 and f"{m.full_name}: chi bộ biểu quyết HTXSNV, cấp ủy quyết định HTTNV" in out, err
    code, out, err = cli(*args)
    assert code == 0 and "Đã ghi 0 quyết định" in out
    from kiemdiem_desktop.meeting_results import meeting_results

    with CellFile.open(cell) as cf:
        r = meeting_results(cf, year.meetings["CB01"])
    me = next(x for x in r["members"] if x["id"] == m.id)
    assert me["voted_level"] == "EXCELLENT"                           # the cell's vote, untouched
    assert [(d["level"], d["reference"]) for d in me["decisions"]] == [("GOOD", "15-TB/ĐU")]
    # the cell's summary says what the committee decided beside the vote
    from kiemdiem_desktop.documents.summary import build_summary_pdf
    from kiemdiem_desktop.session import MeetingSession
    from kiemdiem_desktop.voting import VotingDesk

    with CellFile.open(cell) as cf:
        build_summary_pdf(VotingDesk(MeetingSession(cf, year.meetings["CB01"])), tmp_path / "tong-hop.pdf")
    summary = " ".join(subprocess.run(["pdftotext", "-raw", tmp_path / "tong-hop.pdf", "-"], capture_output=True,
                                      text=True).stdout.split())
    # in the note column, beside the member's row
    assert ("Cấp ủy cấp trên quyết định: HTTNV (Thông báo số 15-TB/ĐU; ngày 20/12/2026; lý do: Vượt tỷ lệ của đảng bộ)"
            in summary)
    assert summary.count("Cấp ủy cấp trên quyết định") == 1          # only where it differs from the vote
    # a notice signed with another key later: refused, nothing recorded
    code, _o, err = cli("committee", "notify", "--register", register, "--year", 2026, "--cell", "CB01",
                        *year.keyargs("capuy-khac"), "--to", year.keys / "cb01-mh.crt", "--out", tmp_path / "gia.p7m")
    assert code == 0, err
    code, _o, err = cli("decisions", "import", tmp_path / "gia.p7m", "--db", cell, *year.keyargs("cb01-mh"), "--trust")
    assert code == 2 and "CẢNH BÁO" in err
    # the notice's PDF says what it is
    from kiemdiem_desktop.committee.notice import read_notice

    _body, files, _cert, _fp = read_notice(notice, year.key("cb01-mh"))
    (tmp_path / "tb.pdf").write_bytes(files["thong-bao.pdf"])
    text = " ".join(subprocess.run(["pdftotext", tmp_path / "tb.pdf", "-"], capture_output=True, text=True).stdout.split())
    assert "THÔNG BÁO" in text and "kết quả xếp loại chất lượng đảng viên" in text and "Số 15-TB/ĐU" in text
    assert "Vượt tỷ lệ của đảng bộ" in text and "Chi bộ Khu phố 1" in text


def test_the_report_upward_in_pdf_word_and_xlsx(year, register, tmp_path):
    assert _open_year(year, register, tmp_path)[0] == 0
    s = _summary(register)
    total = s["members"]["total"]
    for suffix in ("pdf", "docx", "xlsx"):
        code, _o, err = cli("committee", "summary", "--register", register, "--year", 2026, "--out",
                            tmp_path / f"bc.{suffix}", "--number", "25-BC/ĐU", "--date", "22/12/2026")
        assert code == 0, err
    text = " ".join(subprocess.run(["pdftotext", tmp_path / "bc.pdf", "-"], capture_output=True, text=True).stdout.split())
    assert "BÁO CÁO" in text and "Số 25-BC/ĐU" in text and "năm 2026" in text and "ngày 22 tháng 12 năm 2026" in text
    excellent = s["members"]["levels"]["EXCELLENT"]
    pct = f"{100 * excellent / total:.2f}".replace(".", ",") + "%"
    assert pct in text and "KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG" in text and "Chi bộ Khu phố 4" in text
    from docx import Document

    words = "\n".join(p.text for p in Document(tmp_path / "bc.docx").paragraphs)
    assert "BÁO CÁO" in words and "Căn cứ Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị;" in words
    ws = load_workbook(tmp_path / "bc.xlsx")["Báo cáo"]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=SUM(") for f in formulas) and any("/$C$" in f for f in formulas)


def test_same_schema_on_sqlite_and_postgresql(postgres_server, tmp_path):
    import sqlite3

    from kiemdiem_desktop.store.committee_schema import STEPS

    url = postgres_server()
    with CommitteeOffice(url):
        pass
    with CommitteeOffice(tmp_path / "r.kiemdiem"):
        pass
    import psycopg

    tables = [t for _n, _d, sts in STEPS for t in
              [s.split("(")[0].split()[-1] for s in sts if s.lstrip().startswith("CREATE TABLE")]]
    conn = sqlite3.connect(tmp_path / "r.kiemdiem")
    with psycopg.connect(url) as pg:
        for t in tables:
            lite = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
            post = [r[0] for r in pg.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                                             "ORDER BY ordinal_position", (t,))]
            assert lite == post and lite, t


def test_the_cells_list_from_a_workbook_every_error_named_and_nothing_written(register, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CHI BỘ TRỰC THUỘC"])
    ws.append(["STT", "Mã chi bộ", "Tên chi bộ"])
    ws.append([1, "CB01", "Chi bộ Khu phố 1"])
    ws.append([2, "CB02", ""])
    ws.append([3, "cb01", "Chi bộ Khu phố Một"])
    wb.save(tmp_path / "chi-bo.xlsx")
    code, _o, err = cli("committee", "cells", "import", tmp_path / "chi-bo.xlsx", "--register", register)
    assert code == 2
    assert "chi-bo.xlsx, dòng 4, cột “Tên chi bộ”: trống" in err
    assert "chi-bo.xlsx, dòng 5: chi bộ “cb01” trùng với dòng 3" in err and "Không ghi gì" in err
    ws["C4"] = "Chi bộ Khu phố 2"
    ws["B5"] = "CB03"
    ws["C5"] = "Chi bộ Khu phố 3"
    wb.save(tmp_path / "chi-bo.xlsx")
    code, out, err = cli("committee", "cells", "import", tmp_path / "chi-bo.xlsx", "--register", register)
    assert code == 0 and "3 mới" in out, err
    code, out, _e = cli("committee", "cells", "import", tmp_path / "chi-bo.xlsx", "--register", register)
    assert "0 mới, 0 cập nhật" in out                       # importing twice changes nothing
    assert [(c["code"], c["status"]) for c in _status(register).values()] == [
        ("CB01", "expected"), ("CB02", "expected"), ("CB03", "expected")]
