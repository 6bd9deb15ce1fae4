# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/key_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/key_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'key_dialog.ui'
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
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

from kiemdiem_desktop.gui.crypto.key_chooser import KeyChooser

class Ui_KeyDialog(object):
    def setupUi(self, KeyDialog):
        if not KeyDialog.objectName():
            KeyDialog.setObjectName(u"KeyDialog")
        self.main_layout = QVBoxLayout(KeyDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(KeyDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.chooser = KeyChooser(KeyDialog)
        self.chooser.setObjectName(u"chooser")

        self.main_layout.addWidget(self.chooser)

        self.error = QLabel(KeyDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(KeyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)


        self.retranslateUi(KeyDialog)
        self.buttons.rejected.connect(KeyDialog.reject)

        QMetaObject.connectSlotsByName(KeyDialog)
    # setupUi

    def retranslateUi(self, KeyDialog):
        pass
    # retranslateUi

