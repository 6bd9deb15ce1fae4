"""Roster import of a 5,000-row CSV and XLSX: preview (read, detect, match) and apply (write).
Prints medians of 5 runs.

    .venv/bin/python bench/roster_import.py [--rows 5000] [--runs 5]
"""
from __future__ import annotations

import argparse
import csv
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from kiemdiem_desktop.demo import demo_members
from kiemdiem_desktop.services import CellFile


def write_csv(path: Path, rows: int) -> None:
    members = demo_members(rows, date(2025, 11, 1), seed=7)
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức",
                    "Số thẻ đảng viên", "Chức vụ chính quyền", "Đơn vị công tác"])
        for i, m in enumerate(members, 1):
            w.writerow([i, m.full_name, m.birth_date.strftime("%d/%m/%Y"), "Nữ" if m.gender.value == "female" else "Nam",
                        m.admission_date.strftime("%d/%m/%Y"),
                        m.official_date.strftime("%d/%m/%Y") if m.official_date else "",
                        f"{i:08d}", m.government_post, m.work_unit])


def write_xlsx(src_csv: Path, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    with open(src_csv, encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            ws.append(row)
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KIEMDIEM_DATA_DIR"] = str(Path(tmp) / "data")
        src = Path(tmp) / "roster.csv"
        write_csv(src, args.rows)
        xlsx = Path(tmp) / "roster.xlsx"
        write_xlsx(src, xlsx)
        for label, path in (("CSV", src), ("XLSX", xlsx)):
            previews, applies, again = [], [], []
            for run in range(args.runs):
                cf = CellFile.open(Path(tmp) / f"{label}-{run}.kiemdiem", create=True)
                t0 = time.perf_counter()
                preview = cf.preview_import(path)
                t1 = time.perf_counter()
                cf.apply_import(preview).result()
                t2 = time.perf_counter()
                second = cf.preview_import(path)
                t3 = time.perf_counter()
                assert second.counts().get("unchanged") == args.rows, second.counts()
                cf.close(backup=False)
                previews.append(t1 - t0), applies.append(t2 - t1), again.append(t3 - t2)
            print(f"{label:>4} {args.rows} rows: preview {statistics.median(previews) * 1000:6.0f} ms, "
                  f"write {statistics.median(applies) * 1000:6.0f} ms, "
                  f"re-import preview (all unchanged) {statistics.median(again) * 1000:6.0f} ms  (median of {args.runs})")


if __name__ == "__main__":
    main()
