"""The yardstick: a bare PySide6 main window with a 40-row QTableView (what our first screen shows:
a roster table) that quits after its first painted frame, printing "painted" when it is drawn."""
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def painted():
    # as the program's --exit-when-shown: bench/ times the first frame by it (and its processor time)
    print(f"painted cpu={time.process_time() * 1000:.1f} main={time.thread_time() * 1000:.1f}", flush=True)
    QApplication.quit()


class FirstPaint(QObject):
    fired = False

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            QTimer.singleShot(0, painted)
        return False


app = QApplication(sys.argv)
w = QMainWindow()
model = QStandardItemModel(40, 4)
for r in range(40):
    for c, text in enumerate((str(r + 1), f"Nguyễn Văn Hùng {r}", "12/03/1980", "Chính thức")):
        model.setItem(r, c, QStandardItem(text))
view = QTableView()
view.setModel(model)
w.setCentralWidget(view)
w.resize(int(sys.argv[1]) if len(sys.argv) > 1 else 1200, int(sys.argv[2]) if len(sys.argv) > 2 else 760)
f = FirstPaint()
view.viewport().installEventFilter(f)
w.show()
sys.exit(app.exec())
