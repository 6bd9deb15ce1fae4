"""The yardstick: a bare PySide6 main window with a 40-row QTableView (what our first screen shows:
a roster table) that quits after its first painted frame."""
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
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
