# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/package_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/package_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_dialog.ui'
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
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kiemdiem_desktop.gui.crypto.key_chooser import KeyChooser

class Ui_PackageDialog(object):
    def setupUi(self, PackageDialog):
        if not PackageDialog.objectName():
            PackageDialog.setObjectName(u"PackageDialog")
        self.main_layout = QVBoxLayout(PackageDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.package_scroll = QScrollArea(PackageDialog)
        self.package_scroll.setObjectName(u"package_scroll")
        self.package_scroll.setWidgetResizable(True)
        self.package_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.package_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.package_scroll.sizePolicy().hasHeightForWidth())
        self.package_scroll.setSizePolicy(sizePolicy)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setSpacing(5)
        self.content_layout.setObjectName(u"content_layout")
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.head = QLabel(self.content)
        self.head.setObjectName(u"head")
        self.head.setWordWrap(True)

        self.content_layout.addWidget(self.head)

        self.keys = QGroupBox(self.content)
        self.keys.setObjectName(u"keys")
        self.keys_layout = QVBoxLayout(self.keys)
        self.keys_layout.setObjectName(u"keys_layout")
        self.chooser = KeyChooser(self.keys)
        self.chooser.setObjectName(u"chooser")

        self.keys_layout.addWidget(self.chooser)


        self.content_layout.addWidget(self.keys)

        self.package_form = QFormLayout()
        self.package_form.setObjectName(u"package_form")
        self.package_form.setVerticalSpacing(4)
        self.certs_label = QLabel(self.content)
        self.certs_label.setObjectName(u"certs_label")

        self.package_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.certs_label)

        self.certs_row = QHBoxLayout()
        self.certs_row.setObjectName(u"certs_row")
        self.certs = QListWidget(self.content)
        self.certs.setObjectName(u"certs")
        self.certs.setMaximumSize(QSize(16777215, 64))

        self.certs_row.addWidget(self.certs)

        self.certs_buttons = QVBoxLayout()
        self.certs_buttons.setObjectName(u"certs_buttons")
        self.add_cert = QPushButton(self.content)
        self.add_cert.setObjectName(u"add_cert")

        self.certs_buttons.addWidget(self.add_cert)

        self.del_cert = QPushButton(self.content)
        self.del_cert.setObjectName(u"del_cert")

        self.certs_buttons.addWidget(self.del_cert)

        self.certs_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.certs_buttons.addItem(self.certs_stretch)

        self.certs_buttons.setStretch(2, 1)

        self.certs_row.addLayout(self.certs_buttons)

        self.certs_row.setStretch(0, 1)

        self.package_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.certs_row)

        self.scans_label = QLabel(self.content)
        self.scans_label.setObjectName(u"scans_label")

        self.package_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scans_label)

        self.scans_row = QHBoxLayout()
        self.scans_row.setObjectName(u"scans_row")
        self.scans = QListWidget(self.content)
        self.scans.setObjectName(u"scans")
        self.scans.setMaximumSize(QSize(16777215, 52))

        self.scans_row.addWidget(self.scans)

        self.scans_buttons = QVBoxLayout()
        self.scans_buttons.setObjectName(u"scans_buttons")
        self.add_scan = QPushButton(self.content)
        self.add_scan.setObjectName(u"add_scan")

        self.scans_buttons.addWidget(self.add_scan)

        self.del_scan = QPushButton(self.content)
        self.del_scan.setObjectName(u"del_scan")

        self.scans_buttons.addWidget(self.del_scan)

        self.scans_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scans_buttons.addItem(self.scans_stretch)

        self.scans_buttons.setStretch(2, 1)

        self.scans_row.addLayout(self.scans_buttons)

        self.scans_row.setStretch(0, 1)

        self.package_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.scans_row)

        self.minutes_label = QLabel(self.content)
        self.minutes_label.setObjectName(u"minutes_label")

        self.package_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.minutes_label)

        self.minutes_row = QHBoxLayout()
        self.minutes_row.setObjectName(u"minutes_row")
        self.minutes = QLineEdit(self.content)
        self.minutes.setObjectName(u"minutes")

        self.minutes_row.addWidget(self.minutes)

        self.minutes_browse = QPushButton(self.content)
        self.minutes_browse.setObjectName(u"minutes_browse")

        self.minutes_row.addWidget(self.minutes_browse)

        self.minutes_row.setStretch(0, 1)

        self.package_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.minutes_row)

        self.out_label = QLabel(self.content)
        self.out_label.setObjectName(u"out_label")

        self.package_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.out_label)

        self.out_row = QHBoxLayout()
        self.out_row.setObjectName(u"out_row")
        self.out = QLineEdit(self.content)
        self.out.setObjectName(u"out")

        self.out_row.addWidget(self.out)

        self.out_browse = QPushButton(self.content)
        self.out_browse.setObjectName(u"out_browse")

        self.out_row.addWidget(self.out_browse)

        self.out_row.setStretch(0, 1)

        self.package_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.out_row)


        self.content_layout.addLayout(self.package_form)

        self.go_row = QHBoxLayout()
        self.go_row.setObjectName(u"go_row")
        self.go = QPushButton(self.content)
        self.go.setObjectName(u"go")

        self.go_row.addWidget(self.go)

        self.go_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.go_row.addItem(self.go_spacer)

        self.go_row.setStretch(1, 1)

        self.content_layout.addLayout(self.go_row)

        self.message = QLabel(self.content)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.content_layout.addWidget(self.message)

        self.result_box = QGroupBox(self.content)
        self.result_box.setObjectName(u"result_box")
        self.result_form = QFormLayout(self.result_box)
        self.result_form.setObjectName(u"result_form")
        self.summary = QLabel(self.result_box)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.summary)

        self.sha_label = QLabel(self.result_box)
        self.sha_label.setObjectName(u"sha_label")

        self.result_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sha_label)

        self.sha = QLabel(self.result_box)
        self.sha.setObjectName(u"sha")
        self.sha.setWordWrap(True)
        self.sha.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sha)

        self.cert_fp_label = QLabel(self.result_box)
        self.cert_fp_label.setObjectName(u"cert_fp_label")

        self.result_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cert_fp_label)

        self.cert_fp = QLabel(self.result_box)
        self.cert_fp.setObjectName(u"cert_fp")
        self.cert_fp.setWordWrap(True)
        self.cert_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cert_fp)


        self.content_layout.addWidget(self.result_box)

        self.content_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.content_layout.addItem(self.content_stretch)

        self.content_layout.setStretch(6, 1)
        self.package_scroll.setWidget(self.content)

        self.main_layout.addWidget(self.package_scroll)

        self.close_box = QDialogButtonBox(PackageDialog)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.close_box)

        self.main_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.certs_label.setBuddy(self.certs)
        self.scans_label.setBuddy(self.scans)
        self.minutes_label.setBuddy(self.minutes)
        self.out_label.setBuddy(self.out)
        self.sha_label.setBuddy(self.sha)
        self.cert_fp_label.setBuddy(self.cert_fp)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackageDialog)
        self.close_box.rejected.connect(PackageDialog.reject)

        QMetaObject.connectSlotsByName(PackageDialog)
    # setupUi

    def retranslateUi(self, PackageDialog):
        PackageDialog.setWindowTitle(QCoreApplication.translate("PackageDialog", u"\u0110\u00f3ng g\u00f3i g\u1eedi c\u1ea5p \u1ee7y c\u1ea5p tr\u00ean", None))
        self.head.setText(QCoreApplication.translate("PackageDialog", u"G\u00f3i g\u1ed3m bi\u00ean b\u1ea3n, bi\u00ean b\u1ea3n ki\u1ec3m phi\u1ebfu, t\u1ed5ng h\u1ee3p k\u1ebft qu\u1ea3 (PDF, Excel) v\u00e0 d\u1eef li\u1ec7u h\u1ed9i ngh\u1ecb; \u0111\u01b0\u1ee3c k\u00fd b\u1eb1ng kh\u00f3a c\u1ee7a chi b\u1ed9 v\u00e0 m\u00e3 h\u00f3a \u0111\u1ec3 ch\u1ec9 c\u1ea5p \u1ee7y c\u1ea5p tr\u00ean m\u1edf \u0111\u01b0\u1ee3c. Phi\u1ebfu b\u00e0n giao (PDF) \u0111\u01b0\u1ee3c l\u01b0u c\u1ea1nh t\u1ec7p g\u00f3i.", None))
        self.keys.setTitle(QCoreApplication.translate("PackageDialog", u"Kh\u00f3a c\u1ee7a chi b\u1ed9 (k\u00fd g\u00f3i)", None))
        self.certs_label.setText(QCoreApplication.translate("PackageDialog", u"C&h\u1ee9ng th\u01b0 c\u1ea5p \u1ee7y c\u1ea5p tr\u00ean:", None))
        self.add_cert.setText(QCoreApplication.translate("PackageDialog", u"Th\u00eam &ch\u1ee9ng th\u01b0\u2026", None))
        self.del_cert.setText(QCoreApplication.translate("PackageDialog", u"B\u1ecf", None))
        self.scans_label.setText(QCoreApplication.translate("PackageDialog", u"B\u1ea3n q&u\u00e9t bi\u00ean b\u1ea3n gi\u1ea5y:", None))
        self.add_scan.setText(QCoreApplication.translate("PackageDialog", u"Th\u00eam b\u1ea3n &qu\u00e9t\u2026", None))
        self.del_scan.setText(QCoreApplication.translate("PackageDialog", u"B\u1ecf", None))
        self.minutes_label.setText(QCoreApplication.translate("PackageDialog", u"Bi\u00ean b\u1ea3n \u0111\u00e3 &k\u00fd s\u1ed1:", None))
        self.minutes.setPlaceholderText(QCoreApplication.translate("PackageDialog", u"kh\u00f4ng b\u1eaft bu\u1ed9c \u2014 \u0111\u1ec3 tr\u1ed1ng th\u00ec d\u00f9ng bi\u00ean b\u1ea3n ch\u01b0\u01a1ng tr\u00ecnh l\u1eadp", None))
        self.minutes_browse.setText(QCoreApplication.translate("PackageDialog", u"Ch\u1ecdn t\u1ec7p\u2026", None))
        self.out_label.setText(QCoreApplication.translate("PackageDialog", u"L\u01b0u g\u00f3i &v\u00e0o:", None))
        self.out_browse.setText(QCoreApplication.translate("PackageDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u\u2026", None))
        self.go.setText(QCoreApplication.translate("PackageDialog", u"\u0110\u00f3ng &g\u00f3i", None))
        self.result_box.setTitle(QCoreApplication.translate("PackageDialog", u"G\u00f3i \u0111\u00e3 l\u1eadp", None))
        self.sha_label.setText(QCoreApplication.translate("PackageDialog", u"SHA-256 c\u1ee7a t\u1ec7p g\u00f3i:", None))
        self.cert_fp_label.setText(QCoreApplication.translate("PackageDialog", u"D\u1ea5u v\u00e2n tay ch\u1ee9ng th\u01b0 c\u1ea5p \u1ee7y:", None))
    # retranslateUi

