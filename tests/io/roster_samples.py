"""Sample rosters for the import tests."""
import codecs

from kiemdiem_desktop.vn.legacy import unicode_to_legacy

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức",
          "Số thẻ đảng viên", "Chức vụ đảng", "Chức vụ chính quyền", "Đơn vị công tác"]
ROWS = [
    ["1", "Nguyễn Văn Hùng", "02/09/1975", "Nam", "19/05/2000", "19/05/2001", "01.234567",
     "Bí thư", "Trưởng phòng", "Phòng Tổ chức cán bộ"],
    ["2", "Trần Thị Ánh Tuyết", "15/03/1982", "Nữ", "03/02/2010", "03/02/2011", "01.234568",
     "Phó Bí thư", "Phó trưởng phòng", "Văn phòng Ủy ban"],
    ["3", "Phạm Ngọc Hưởng", "01/01/1990", "Nam", "01/06/2015", "", "01.234569",
     "Chi ủy viên", "Chuyên viên", "Phòng Kế hoạch – Tài chính"],
    ["4", "Lê Thị Thu Hường", "20/11/1988", "Nữ", "10/10/2012", "10/10/2013", "01.234570",
     "Đảng viên", "Giáo viên", "Trường Tiểu học xã Đông Phương"],
    ["5", "Đỗ Quang Nghĩa", "07/07/1979", "Nam", "22/12/2005", "22/12/2006", "01.234571",
     "", "Trưởng trạm", "Trạm Y tế xã"],
]
NAMES = [r[1] for r in ROWS]


def csv_text(header=HEADER, rows=ROWS, delimiter=",", title: str | None = None) -> str:
    def q(cell: str) -> str:
        return f'"{cell}"' if delimiter in cell or '"' in cell else cell
    lines = []
    if title is not None:
        lines += [title, "Đảng bộ xã Đông Phương", ""]
    lines.append(delimiter.join(q(c) for c in header))
    lines += [delimiter.join(q(c) for c in r) for r in rows]
    return "\r\n".join(lines) + "\r\n"


def encode(text: str, encoding: str) -> bytes:
    if encoding in ("tcvn3", "vni"):
        return unicode_to_legacy(text, encoding).encode("cp1252")
    if encoding == "cp1258":
        return unicode_to_legacy(text, "cp1258").encode("cp1258")
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)
