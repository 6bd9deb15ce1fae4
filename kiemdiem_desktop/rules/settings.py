"""The visible settings of a meeting (DOMAIN.md "(default)"): the rule set's defaults,
overridden per meeting, and printed in the minutes."""
from __future__ import annotations

from dataclasses import dataclass

from .majority import MAJORITY, TWO_THIRDS, CountingSettings
from .ruleset import RuleSet


@dataclass(frozen=True)
class MeetingSettings:
    cumulative: bool = True                 # a vote for a higher level counts for every lower one
    excellent_two_thirds: bool = False      # HTXSNV needs at least 2/3 of the base
    exclude_absent_approved: bool = True    # approved absentees are out of the base
    quota_raised: bool = False              # 366: the deciding level raised the HTXSNV share to 25%

    @classmethod
    def of(cls, rules: RuleSet, overrides: dict) -> "MeetingSettings":
        base = cls(exclude_absent_approved=rules.base_excludes_absent_approved)
        known = {k: bool(v) for k, v in overrides.items() if k in cls.__dataclass_fields__}
        return cls(**{**base.__dict__, **known})

    def counting(self) -> CountingSettings:
        return CountingSettings(cumulative=self.cumulative, threshold=MAJORITY,
                                excellent_threshold=TWO_THIRDS if self.excellent_two_thirds else None)

    def describe(self) -> list[str]:
        """Lines for the minutes ("căn cứ …")."""
        return [
            "Cách tính phiếu: " + ("cộng dồn từ mức cao xuống (phiếu cho mức cao hơn được tính cho mức thấp hơn)"
                                   if self.cumulative else "tính riêng từng mức"),
            "Ngưỡng thông qua: quá nửa (trên 1/2) tổng số đảng viên được tính"
            + ("; mức Hoàn thành xuất sắc nhiệm vụ cần từ 2/3 trở lên" if self.excellent_two_thirds else ""),
            "Số đảng viên được tính: " + ("không tính đảng viên vắng mặt cả buổi có lý do được chủ trì chấp thuận"
                                          if self.exclude_absent_approved else "tính cả đảng viên vắng mặt có lý do"),
        ]
