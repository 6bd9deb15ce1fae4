# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/key_chooser.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/key_chooser.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'key_chooser.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QStackedWidget, QWidget)

class Ui_KeyChooser(object):
    def setupUi(self, KeyChooser):
        if not KeyChooser.objectName():
            KeyChooser.setObjectName(u"KeyChooser")
        self.chooser_form = QFormLayout(KeyChooser)
        self.chooser_form.setObjectName(u"chooser_form")
        self.chooser_form.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel(KeyChooser)
        self.kind_label.setObjectName(u"kind_label")

        self.chooser_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(KeyChooser)
        self.kind.addItem("")
        self.kind.addItem("")
        self.kind.setObjectName(u"kind")

        self.chooser_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.pages = QStackedWidget(KeyChooser)
        self.pages.setObjectName(u"pages")
        self.file_page = QWidget()
        self.file_page.setObjectName(u"file_page")
        self.file_form = QFormLayout(self.file_page)
        self.file_form.setObjectName(u"file_form")
        self.file_form.setContentsMargins(0, 0, 0, 0)
        self.p12_label = QLabel(self.file_page)
        self.p12_label.setObjectName(u"p12_label")

        self.file_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.p12_label)

        self.p12_row = QHBoxLayout()
        self.p12_row.setObjectName(u"p12_row")
        self.p12 = QLineEdit(self.file_page)
        self.p12.setObjectName(u"p12")

        self.p12_row.addWidget(self.p12)

        self.p12_browse = QPushButton(self.file_page)
        self.p12_browse.setObjectName(u"p12_browse")

        self.p12_row.addWidget(self.p12_browse)

        self.p12_row.setStretch(0, 1)

        self.file_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.p12_row)

        self.passphrase_label = QLabel(self.file_page)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.file_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase = QLineEdit(self.file_page)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumSize(QSize(260, 0))

        self.file_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.pages.addWidget(self.file_page)
        self.token_page = QWidget()
        self.token_page.setObjectName(u"token_page")
        self.token_form = QFormLayout(self.token_page)
        self.token_form.setObjectName(u"token_form")
        self.token_form.setContentsMargins(0, 0, 0, 0)
        self.module_label = QLabel(self.token_page)
        self.module_label.setObjectName(u"module_label")

        self.token_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.module_label)

        self.module_row = QHBoxLayout()
        self.module_row.setObjectName(u"module_row")
        self.module = QComboBox(self.token_page)
        self.module.setObjectName(u"module")
        self.module.setEditable(True)
        self.module.setMinimumContentsLength(30)

        self.module_row.addWidget(self.module)

        self.module_browse = QPushButton(self.token_page)
        self.module_browse.setObjectName(u"module_browse")

        self.module_row.addWidget(self.module_browse)

        self.module_row.setStretch(0, 1)

        self.token_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.module_row)

        self.token_label_label = QLabel(self.token_page)
        self.token_label_label.setObjectName(u"token_label_label")

        self.token_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.token_label_label)

        self.token_label = QLineEdit(self.token_page)
        self.token_label.setObjectName(u"token_label")

        self.token_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.token_label)

        self.key_label_label = QLabel(self.token_page)
        self.key_label_label.setObjectName(u"key_label_label")

        self.token_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_label_label)

        self.key_label = QLineEdit(self.token_page)
        self.key_label.setObjectName(u"key_label")

        self.token_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.key_label)

        self.pin_label = QLabel(self.token_page)
        self.pin_label.setObjectName(u"pin_label")

        self.token_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin = QLineEdit(self.token_page)
        self.pin.setObjectName(u"pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumSize(QSize(260, 0))

        self.token_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pin)

        self.pinWarning = QLabel(self.token_page)
        self.pinWarning.setObjectName(u"pinWarning")
        self.pinWarning.setWordWrap(True)

        self.token_form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.pinWarning)

        self.pages.addWidget(self.token_page)

        self.chooser_form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.pages)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.p12_label.setBuddy(self.p12)
        self.passphrase_label.setBuddy(self.passphrase)
        self.module_label.setBuddy(self.module)
        self.token_label_label.setBuddy(self.token_label)
        self.key_label_label.setBuddy(self.key_label)
        self.pin_label.setBuddy(self.pin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(KeyChooser)

        QMetaObject.connectSlotsByName(KeyChooser)
    # setupUi

    def retranslateUi(self, KeyChooser):
        self.kind_label.setText(QCoreApplication.translate("KeyChooser", u"&Lo\u1ea1i kh\u00f3a:", None))
        self.kind.setItemText(0, QCoreApplication.translate("KeyChooser", u"T\u1ec7p kh\u00f3a (.p12 / .pfx)", None))
        self.kind.setItemText(1, QCoreApplication.translate("KeyChooser", u"Thi\u1ebft b\u1ecb k\u00fd s\u1ed1 (token USB)", None))

        self.p12_label.setText(QCoreApplication.translate("KeyChooser", u"T\u1ec7p &kh\u00f3a:", None))
        self.p12_browse.setText(QCoreApplication.translate("KeyChooser", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("KeyChooser", u"&M\u1eadt kh\u1ea9u:", None))
        self.module_label.setText(QCoreApplication.translate("KeyChooser", u"Th\u01b0 &vi\u1ec7n PKCS#11:", None))
        self.module_browse.setText(QCoreApplication.translate("KeyChooser", u"Ch\u1ecdn th\u01b0 vi\u1ec7n\u2026", None))
        self.token_label_label.setText(QCoreApplication.translate("KeyChooser", u"Nh\u00e3n &thi\u1ebft b\u1ecb:", None))
        self.key_label_label.setText(QCoreApplication.translate("KeyChooser", u"Nh\u00e3n k&h\u00f3a:", None))
        self.pin_label.setText(QCoreApplication.translate("KeyChooser", u"M\u00e3 &PIN:", None))
        pass
    # retranslateUi

