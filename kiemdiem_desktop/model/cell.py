from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cell:
    """The Party cell (chi bộ) whose data the file holds."""

    name: str = ""                 # "Chi bộ Phòng Tổ chức"
    higher_org: str = ""           # "Đảng bộ …" / "Đảng ủy …"
    code: str = ""
    is_grassroots: bool = False    # chi bộ cơ sở: decides the ratings itself
    has_committee: bool = False    # has an elected chi ủy (a fact, not a head count)
    locality: str = ""             # địa danh in the documents' date line: "Hà Nội, ngày …"
