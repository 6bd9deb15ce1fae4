# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/sign_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/sign_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_dialog.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QVBoxLayout, QWidget)

from kiemdiem_desktop.gui.crypto.key_chooser import KeyChooser

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        self.main_layout = QVBoxLayout(SignDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.split = QSplitter(SignDialog)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(9, 9, 9, 9)
        self.note = QLabel(self.left)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.left_layout.addWidget(self.note)

        self.sign_form = QFormLayout()
        self.sign_form.setObjectName(u"sign_form")
        self.role_label = QLabel(self.left)
        self.role_label.setObjectName(u"role_label")

        self.sign_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(self.left)
        self.role.setObjectName(u"role")

        self.sign_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role)

        self.source_label = QLabel(self.left)
        self.source_label.setObjectName(u"source_label")

        self.sign_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_row = QHBoxLayout()
        self.source_row.setObjectName(u"source_row")
        self.source = QLineEdit(self.left)
        self.source.setObjectName(u"source")

        self.source_row.addWidget(self.source)

        self.source_browse = QPushButton(self.left)
        self.source_browse.setObjectName(u"source_browse")

        self.source_row.addWidget(self.source_browse)

        self.source_row.setStretch(0, 1)

        self.sign_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.source_row)

        self.out_label = QLabel(self.left)
        self.out_label.setObjectName(u"out_label")

        self.sign_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.out_label)

        self.out_row = QHBoxLayout()
        self.out_row.setObjectName(u"out_row")
        self.out = QLineEdit(self.left)
        self.out.setObjectName(u"out")

        self.out_row.addWidget(self.out)

        self.out_browse = QPushButton(self.left)
        self.out_browse.setObjectName(u"out_browse")

        self.out_row.addWidget(self.out_browse)

        self.out_row.setStretch(0, 1)

        self.sign_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.out_row)


        self.left_layout.addLayout(self.sign_form)

        self.keys = QGroupBox(self.left)
        self.keys.setObjectName(u"keys")
        self.keys_layout = QVBoxLayout(self.keys)
        self.keys_layout.setObjectName(u"keys_layout")
        self.chooser = KeyChooser(self.keys)
        self.chooser.setObjectName(u"chooser")

        self.keys_layout.addWidget(self.chooser)

        self.new_key_row = QHBoxLayout()
        self.new_key_row.setObjectName(u"new_key_row")
        self.new_key_button = QPushButton(self.keys)
        self.new_key_button.setObjectName(u"new_key_button")

        self.new_key_row.addWidget(self.new_key_button)

        self.new_key_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.new_key_row.addItem(self.new_key_spacer)

        self.new_key_row.setStretch(1, 1)

        self.keys_layout.addLayout(self.new_key_row)


        self.left_layout.addWidget(self.keys)

        self.sign_button_row = QHBoxLayout()
        self.sign_button_row.setObjectName(u"sign_button_row")
        self.sign_button = QPushButton(self.left)
        self.sign_button.setObjectName(u"sign_button")

        self.sign_button_row.addWidget(self.sign_button)

        self.sign_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sign_button_row.addItem(self.sign_button_spacer)

        self.sign_button_row.setStretch(1, 1)

        self.left_layout.addLayout(self.sign_button_row)

        self.sign_result = QLabel(self.left)
        self.sign_result.setObjectName(u"sign_result")
        self.sign_result.setWordWrap(True)
        self.sign_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.left_layout.addWidget(self.sign_result)

        self.left_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_layout.addItem(self.left_stretch)

        self.left_layout.setStretch(5, 1)
        self.split.addWidget(self.left)
        self.view = QPdfView(self.split)
        self.view.setObjectName(u"view")
        self.split.addWidget(self.view)

        self.main_layout.addWidget(self.split)

        self.close_box = QDialogButtonBox(SignDialog)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.close_box)

        self.main_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.role_label.setBuddy(self.role)
        self.source_label.setBuddy(self.source)
        self.out_label.setBuddy(self.out)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignDialog)
        self.close_box.rejected.connect(SignDialog.reject)

        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"K\u00fd s\u1ed1 bi\u00ean b\u1ea3n", None))
        self.note.setText(QCoreApplication.translate("SignDialog", u"B\u1ea3n gi\u1ea5y k\u00fd tay v\u1eabn l\u00e0 b\u1ea3n g\u1ed1c. Ch\u1eef k\u00fd s\u1ed1 c\u1ee7a ch\u1ee7 tr\u00ec v\u00e0 th\u01b0 k\u00fd \u0111\u01b0\u1ee3c th\u00eam l\u1ea7n l\u01b0\u1ee3t v\u00e0o trang cu\u1ed1i \u201cTRANG K\u00dd S\u1ed0\u201d; ng\u01b0\u1eddi th\u1ee9 hai k\u00fd v\u00e0o t\u1ec7p ng\u01b0\u1eddi th\u1ee9 nh\u1ea5t \u0111\u00e3 k\u00fd.", None))
        self.role_label.setText(QCoreApplication.translate("SignDialog", u"Vai t&r\u00f2 ng\u01b0\u1eddi k\u00fd:", None))
        self.source_label.setText(QCoreApplication.translate("SignDialog", u"&Bi\u00ean b\u1ea3n c\u1ea7n k\u00fd (PDF):", None))
        self.source_browse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.out_label.setText(QCoreApplication.translate("SignDialog", u"L\u01b0u b\u1ea3n \u0111\u00e3 k\u00fd &v\u00e0o:", None))
        self.out_browse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u\u2026", None))
        self.keys.setTitle(QCoreApplication.translate("SignDialog", u"Kh\u00f3a c\u1ee7a ng\u01b0\u1eddi k\u00fd (kh\u00f3a c\u00e1 nh\u00e2n, kh\u00f4ng ph\u1ea3i kh\u00f3a c\u1ee7a chi b\u1ed9)", None))
        self.new_key_button.setText(QCoreApplication.translate("SignDialog", u"T\u1ea1o kh\u00f3a &c\u00e1 nh\u00e2n\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_key_button.setToolTip(QCoreApplication.translate("SignDialog", u"Ng\u01b0\u1eddi k\u00fd ch\u01b0a c\u00f3 ch\u1eef k\u00fd s\u1ed1 c\u1ee7a nh\u00e0 cung c\u1ea5p: t\u1ea1o m\u1ed9t kh\u00f3a ri\u00eang \u0111\u1ec3 k\u00fd", None))
#endif // QT_CONFIG(tooltip)
        self.sign_button.setText(QCoreApplication.translate("SignDialog", u"&K\u00fd s\u1ed1", None))
    # retranslateUi

