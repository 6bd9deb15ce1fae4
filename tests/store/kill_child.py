"""Child process for the power-cut test: writes edits, prints each one's id once committed."""
import sys
from datetime import date

from kiemdiem_desktop.model import Member, Period, PeriodKind
from kiemdiem_desktop.services import CellFile

path, start = sys.argv[1], int(sys.argv[2])
cf = CellFile.open(path, create=True)
print("open", flush=True)
n = start
while True:
    m = Member(full_name=f"Nguyễn Văn Thử {n}", birth_date=date(1980, 1, 1 + n % 28),
               periods=[Period(PeriodKind.MEMBERSHIP, date(2020, 1, 1))])
    cf.add_member(m).result()          # acknowledged = committed
    print(m.id, flush=True)
    n += 1
