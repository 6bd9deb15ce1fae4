# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/backup_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/backup_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.setMinimumSize(QSize(620, 0))
        self.main_layout = QVBoxLayout(BackupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.backup_button_row = QHBoxLayout()
        self.backup_button_row.setObjectName(u"backup_button_row")
        self.backup_button = QPushButton(BackupDialog)
        self.backup_button.setObjectName(u"backup_button")
        self.backup_button.setMinimumSize(QSize(200, 0))

        self.backup_button_row.addWidget(self.backup_button)

        self.backup_hint = QLabel(BackupDialog)
        self.backup_hint.setObjectName(u"backup_hint")
        self.backup_hint.setWordWrap(True)

        self.backup_button_row.addWidget(self.backup_hint)

        self.backup_button_row.setStretch(1, 1)

        self.main_layout.addLayout(self.backup_button_row)

        self.restore_button_row = QHBoxLayout()
        self.restore_button_row.setObjectName(u"restore_button_row")
        self.restore_button = QPushButton(BackupDialog)
        self.restore_button.setObjectName(u"restore_button")
        self.restore_button.setMinimumSize(QSize(200, 0))

        self.restore_button_row.addWidget(self.restore_button)

        self.restore_hint = QLabel(BackupDialog)
        self.restore_hint.setObjectName(u"restore_hint")
        self.restore_hint.setWordWrap(True)

        self.restore_button_row.addWidget(self.restore_hint)

        self.restore_button_row.setStretch(1, 1)

        self.main_layout.addLayout(self.restore_button_row)

        self.move_button_row = QHBoxLayout()
        self.move_button_row.setObjectName(u"move_button_row")
        self.move_button = QPushButton(BackupDialog)
        self.move_button.setObjectName(u"move_button")
        self.move_button.setMinimumSize(QSize(200, 0))

        self.move_button_row.addWidget(self.move_button)

        self.move_hint = QLabel(BackupDialog)
        self.move_hint.setObjectName(u"move_hint")
        self.move_hint.setWordWrap(True)

        self.move_button_row.addWidget(self.move_hint)

        self.move_button_row.setStretch(1, 1)

        self.main_layout.addLayout(self.move_button_row)

        self.progress = QProgressBar(BackupDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setMinimum(0)
        self.progress.setMaximum(0)

        self.main_layout.addWidget(self.progress)

        self.status = QLabel(BackupDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.main_layout.addWidget(self.status)

        self.close_box = QDialogButtonBox(BackupDialog)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.close_box)

        QWidget.setTabOrder(self.backup_button, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.move_button)

        self.retranslateUi(BackupDialog)
        self.close_box.rejected.connect(BackupDialog.reject)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Sao l\u01b0u / Kh\u00f4i ph\u1ee5c / Chuy\u1ec3n sang m\u00e1y kh\u00e1c", None))
        self.backup_button.setText(QCoreApplication.translate("BackupDialog", u"&Sao l\u01b0u\u2026", None))
        self.backup_hint.setText(QCoreApplication.translate("BackupDialog", u"Ch\u00e9p to\u00e0n b\u1ed9 d\u1eef li\u1ec7u ra m\u1ed9t t\u1ec7p (v\u00ed d\u1ee5 tr\u00ean USB) \u0111\u1ec3 c\u1ea5t gi\u1eef.", None))
        self.restore_button.setText(QCoreApplication.translate("BackupDialog", u"&Kh\u00f4i ph\u1ee5c\u2026", None))
        self.restore_hint.setText(QCoreApplication.translate("BackupDialog", u"Thay d\u1eef li\u1ec7u hi\u1ec7n t\u1ea1i b\u1eb1ng d\u1eef li\u1ec7u c\u1ee7a m\u1ed9t b\u1ea3n sao l\u01b0u.", None))
        self.move_button.setText(QCoreApplication.translate("BackupDialog", u"&Chuy\u1ec3n sang m\u00e1y kh\u00e1c", None))
        self.move_hint.setText(QCoreApplication.translate("BackupDialog", u"C\u00e1ch mang d\u1eef li\u1ec7u sang m\u1ed9t m\u00e1y t\u00ednh kh\u00e1c.", None))
    # retranslateUi

