"""The yardstick: a bare PySide6 main window that quits after its first painted frame."""
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
w = QMainWindow()
w.setCentralWidget(QLabel("Kiểm điểm"))
w.resize(int(sys.argv[1]) if len(sys.argv) > 1 else 1200, int(sys.argv[2]) if len(sys.argv) > 2 else 760)
f = FirstPaint()
w.centralWidget().installEventFilter(f)
w.show()
sys.exit(app.exec())
