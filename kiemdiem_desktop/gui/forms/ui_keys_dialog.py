# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/keys_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/keys_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'keys_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

from kiemdiem_desktop.gui.crypto.key_chooser import KeyChooser

class Ui_KeysDialog(object):
    def setupUi(self, KeysDialog):
        if not KeysDialog.objectName():
            KeysDialog.setObjectName(u"KeysDialog")
        self.main_layout = QVBoxLayout(KeysDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(KeysDialog)
        self.tabs.setObjectName(u"tabs")
        self.new_page = QWidget()
        self.new_page.setObjectName(u"new_page")
        self.new_layout = QVBoxLayout(self.new_page)
        self.new_layout.setObjectName(u"new_layout")
        self.new_intro = QLabel(self.new_page)
        self.new_intro.setObjectName(u"new_intro")
        self.new_intro.setWordWrap(True)

        self.new_layout.addWidget(self.new_intro)

        self.new_form = QFormLayout()
        self.new_form.setObjectName(u"new_form")
        self.new_name_label = QLabel(self.new_page)
        self.new_name_label.setObjectName(u"new_name_label")

        self.new_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.new_name_label)

        self.new_name = QLineEdit(self.new_page)
        self.new_name.setObjectName(u"new_name")

        self.new_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.new_name)

        self.new_purpose_label = QLabel(self.new_page)
        self.new_purpose_label.setObjectName(u"new_purpose_label")

        self.new_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_purpose_label)

        self.new_purpose = QComboBox(self.new_page)
        self.new_purpose.setObjectName(u"new_purpose")

        self.new_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_purpose)

        self.new_pass_label = QLabel(self.new_page)
        self.new_pass_label.setObjectName(u"new_pass_label")

        self.new_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_pass_label)

        self.new_pass = QLineEdit(self.new_page)
        self.new_pass.setObjectName(u"new_pass")
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass.setMinimumSize(QSize(260, 0))

        self.new_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.new_pass)

        self.new_pass2_label = QLabel(self.new_page)
        self.new_pass2_label.setObjectName(u"new_pass2_label")

        self.new_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.new_pass2_label)

        self.new_pass2 = QLineEdit(self.new_page)
        self.new_pass2.setObjectName(u"new_pass2")
        self.new_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass2.setMinimumSize(QSize(260, 0))

        self.new_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_pass2)

        self.new_out_label = QLabel(self.new_page)
        self.new_out_label.setObjectName(u"new_out_label")

        self.new_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.new_out_label)

        self.new_out_row = QHBoxLayout()
        self.new_out_row.setObjectName(u"new_out_row")
        self.new_out = QLineEdit(self.new_page)
        self.new_out.setObjectName(u"new_out")

        self.new_out_row.addWidget(self.new_out)

        self.new_out_browse = QPushButton(self.new_page)
        self.new_out_browse.setObjectName(u"new_out_browse")

        self.new_out_row.addWidget(self.new_out_browse)

        self.new_out_row.setStretch(0, 1)

        self.new_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.new_out_row)


        self.new_layout.addLayout(self.new_form)

        self.new_button_row = QHBoxLayout()
        self.new_button_row.setObjectName(u"new_button_row")
        self.new_button = QPushButton(self.new_page)
        self.new_button.setObjectName(u"new_button")

        self.new_button_row.addWidget(self.new_button)

        self.new_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.new_button_row.addItem(self.new_button_spacer)

        self.new_button_row.setStretch(1, 1)

        self.new_layout.addLayout(self.new_button_row)

        self.new_result = QLabel(self.new_page)
        self.new_result.setObjectName(u"new_result")
        self.new_result.setWordWrap(True)
        self.new_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.new_layout.addWidget(self.new_result)

        self.new_fp = QLabel(self.new_page)
        self.new_fp.setObjectName(u"new_fp")
        self.new_fp.setWordWrap(True)
        self.new_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.new_layout.addWidget(self.new_fp)

        self.new_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.new_layout.addItem(self.new_stretch)

        self.new_layout.setStretch(5, 1)
        self.tabs.addTab(self.new_page, "")
        self.existing_page = QWidget()
        self.existing_page.setObjectName(u"existing_page")
        self.existing_layout = QVBoxLayout(self.existing_page)
        self.existing_layout.setObjectName(u"existing_layout")
        self.existing_intro = QLabel(self.existing_page)
        self.existing_intro.setObjectName(u"existing_intro")
        self.existing_intro.setWordWrap(True)

        self.existing_layout.addWidget(self.existing_intro)

        self.chooser = KeyChooser(self.existing_page)
        self.chooser.setObjectName(u"chooser")

        self.existing_layout.addWidget(self.chooser)

        self.check_button_row = QHBoxLayout()
        self.check_button_row.setObjectName(u"check_button_row")
        self.check_button = QPushButton(self.existing_page)
        self.check_button.setObjectName(u"check_button")

        self.check_button_row.addWidget(self.check_button)

        self.check_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.check_button_row.addItem(self.check_button_spacer)

        self.check_button_row.setStretch(1, 1)

        self.existing_layout.addLayout(self.check_button_row)

        self.check_result = QLabel(self.existing_page)
        self.check_result.setObjectName(u"check_result")
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.existing_layout.addWidget(self.check_result)

        self.check_fp = QLabel(self.existing_page)
        self.check_fp.setObjectName(u"check_fp")
        self.check_fp.setWordWrap(True)
        self.check_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.existing_layout.addWidget(self.check_fp)

        self.existing_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.existing_layout.addItem(self.existing_stretch)

        self.existing_layout.setStretch(5, 1)
        self.tabs.addTab(self.existing_page, "")
        self.certificate_page = QWidget()
        self.certificate_page.setObjectName(u"certificate_page")
        self.certificate_layout = QVBoxLayout(self.certificate_page)
        self.certificate_layout.setObjectName(u"certificate_layout")
        self.certificate_intro = QLabel(self.certificate_page)
        self.certificate_intro.setObjectName(u"certificate_intro")
        self.certificate_intro.setWordWrap(True)

        self.certificate_layout.addWidget(self.certificate_intro)

        self.certificate_form = QFormLayout()
        self.certificate_form.setObjectName(u"certificate_form")
        self.cert_path_label = QLabel(self.certificate_page)
        self.cert_path_label.setObjectName(u"cert_path_label")

        self.certificate_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cert_path_label)

        self.cert_path_row = QHBoxLayout()
        self.cert_path_row.setObjectName(u"cert_path_row")
        self.cert_path = QLineEdit(self.certificate_page)
        self.cert_path.setObjectName(u"cert_path")

        self.cert_path_row.addWidget(self.cert_path)

        self.cert_browse = QPushButton(self.certificate_page)
        self.cert_browse.setObjectName(u"cert_browse")

        self.cert_path_row.addWidget(self.cert_browse)

        self.cert_path_row.setStretch(0, 1)

        self.certificate_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cert_path_row)


        self.certificate_layout.addLayout(self.certificate_form)

        self.cert_button_row = QHBoxLayout()
        self.cert_button_row.setObjectName(u"cert_button_row")
        self.cert_button = QPushButton(self.certificate_page)
        self.cert_button.setObjectName(u"cert_button")

        self.cert_button_row.addWidget(self.cert_button)

        self.cert_button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cert_button_row.addItem(self.cert_button_spacer)

        self.cert_button_row.setStretch(1, 1)

        self.certificate_layout.addLayout(self.cert_button_row)

        self.cert_result = QLabel(self.certificate_page)
        self.cert_result.setObjectName(u"cert_result")
        self.cert_result.setWordWrap(True)
        self.cert_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.certificate_layout.addWidget(self.cert_result)

        self.cert_fp = QLabel(self.certificate_page)
        self.cert_fp.setObjectName(u"cert_fp")
        self.cert_fp.setWordWrap(True)
        self.cert_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.certificate_layout.addWidget(self.cert_fp)

        self.certificate_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.certificate_layout.addItem(self.certificate_stretch)

        self.certificate_layout.setStretch(5, 1)
        self.tabs.addTab(self.certificate_page, "")

        self.main_layout.addWidget(self.tabs)

        self.close_box = QDialogButtonBox(KeysDialog)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.close_box)

        self.main_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.new_name_label.setBuddy(self.new_name)
        self.new_purpose_label.setBuddy(self.new_purpose)
        self.new_pass_label.setBuddy(self.new_pass)
        self.new_pass2_label.setBuddy(self.new_pass2)
        self.new_out_label.setBuddy(self.new_out)
        self.cert_path_label.setBuddy(self.cert_path)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(KeysDialog)
        self.close_box.rejected.connect(KeysDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(KeysDialog)
    # setupUi

    def retranslateUi(self, KeysDialog):
        KeysDialog.setWindowTitle(QCoreApplication.translate("KeysDialog", u"Kh\u00f3a v\u00e0 ch\u1ee9ng th\u01b0 s\u1ed1", None))
        self.new_intro.setText(QCoreApplication.translate("KeysDialog", u"Chi b\u1ed9 ch\u01b0a c\u00f3 ch\u1eef k\u00fd s\u1ed1 c\u1ee7a nh\u00e0 cung c\u1ea5p th\u00ec ch\u01b0\u01a1ng tr\u00ecnh t\u1ea1o m\u1ed9t kh\u00f3a ri\u00eang (RSA-3072, t\u1ef1 k\u00fd). M\u1eadt kh\u1ea9u kh\u00f4ng \u0111\u01b0\u1ee3c l\u01b0u \u1edf \u0111\u00e2u c\u1ea3.", None))
        self.new_name_label.setText(QCoreApplication.translate("KeysDialog", u"&T\u00ean ng\u01b0\u1eddi ho\u1eb7c \u0111\u01a1n v\u1ecb gi\u1eef kh\u00f3a:", None))
        self.new_purpose_label.setText(QCoreApplication.translate("KeysDialog", u"&D\u00f9ng \u0111\u1ec3:", None))
        self.new_pass_label.setText(QCoreApplication.translate("KeysDialog", u"&M\u1eadt kh\u1ea9u b\u1ea3o v\u1ec7 kh\u00f3a (\u00edt nh\u1ea5t 8 k\u00fd t\u1ef1):", None))
        self.new_pass2_label.setText(QCoreApplication.translate("KeysDialog", u"Nh\u1eadp &l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.new_out_label.setText(QCoreApplication.translate("KeysDialog", u"&L\u01b0u t\u1ec7p kh\u00f3a v\u00e0o:", None))
        self.new_out_browse.setText(QCoreApplication.translate("KeysDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u\u2026", None))
        self.new_button.setText(QCoreApplication.translate("KeysDialog", u"&T\u1ea1o kh\u00f3a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.new_page), QCoreApplication.translate("KeysDialog", u"T\u1ea1o &kh\u00f3a m\u1edbi cho chi b\u1ed9", None))
        self.existing_intro.setText(QCoreApplication.translate("KeysDialog", u"Ch\u1ecdn kh\u00f3a ch\u1eef k\u00fd s\u1ed1 c\u1ee7a nh\u00e0 cung c\u1ea5p (t\u1ec7p .p12/.pfx ho\u1eb7c thi\u1ebft b\u1ecb token) ho\u1eb7c kh\u00f3a \u0111\u00e3 t\u1ea1o b\u1eb1ng ch\u01b0\u01a1ng tr\u00ecnh, r\u1ed3i ki\u1ec3m tra \u0111\u1ec3 xem t\u00ean v\u00e0 d\u1ea5u v\u00e2n tay. M\u1eadt kh\u1ea9u, m\u00e3 PIN kh\u00f4ng \u0111\u01b0\u1ee3c l\u01b0u.", None))
        self.check_button.setText(QCoreApplication.translate("KeysDialog", u"&Ki\u1ec3m tra kh\u00f3a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.existing_page), QCoreApplication.translate("KeysDialog", u"Kh\u00f3a &c\u00f3 s\u1eb5n (t\u1ec7p ho\u1eb7c token)", None))
        self.certificate_intro.setText(QCoreApplication.translate("KeysDialog", u"G\u00f3i g\u1eedi c\u1ea5p tr\u00ean \u0111\u01b0\u1ee3c m\u00e3 h\u00f3a cho ch\u1ee9ng th\u01b0 s\u1ed1 c\u1ee7a c\u1ea5p \u1ee7y c\u1ea5p tr\u00ean: ch\u1ec9 c\u1ea5p \u1ee7y gi\u1eef kh\u00f3a t\u01b0\u01a1ng \u1ee9ng m\u1edf \u0111\u01b0\u1ee3c. Sau khi nh\u1eadp, h\u00e3y \u0111\u1ecdc d\u1ea5u v\u00e2n tay qua \u0111i\u1ec7n tho\u1ea1i v\u1edbi c\u1ea5p \u1ee7y \u0111\u1ec3 \u0111\u1ed1i chi\u1ebfu.", None))
        self.cert_path_label.setText(QCoreApplication.translate("KeysDialog", u"T\u1ec7p &ch\u1ee9ng th\u01b0 (.cer/.crt/.pem/.der):", None))
        self.cert_browse.setText(QCoreApplication.translate("KeysDialog", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.cert_button.setText(QCoreApplication.translate("KeysDialog", u"&Nh\u1eadp ch\u1ee9ng th\u01b0", None))
        self.tabs.setTabText(self.tabs.indexOf(self.certificate_page), QCoreApplication.translate("KeysDialog", u"Ch\u1ee9ng th\u01b0 c\u1ee7a c\u1ea5p &\u1ee7y c\u1ea5p tr\u00ean", None))
    # retranslateUi

