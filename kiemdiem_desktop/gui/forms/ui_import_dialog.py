# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/import_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/import_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        self.main_layout = QVBoxLayout(ImportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.file_form = QFormLayout()
        self.file_form.setObjectName(u"file_form")
        self.file_label = QLabel(ImportDialog)
        self.file_label.setObjectName(u"file_label")

        self.file_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_edit = QLineEdit(ImportDialog)
        self.file_edit.setObjectName(u"file_edit")
        self.file_edit.setReadOnly(True)

        self.file_row.addWidget(self.file_edit)

        self.pick_button = QPushButton(ImportDialog)
        self.pick_button.setObjectName(u"pick_button")

        self.file_row.addWidget(self.pick_button)

        self.file_row.setStretch(0, 1)

        self.file_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.encoding_label = QLabel(ImportDialog)
        self.encoding_label.setObjectName(u"encoding_label")

        self.file_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.encoding_label)

        self.encoding_row = QHBoxLayout()
        self.encoding_row.setObjectName(u"encoding_row")
        self.encoding = QComboBox(ImportDialog)
        self.encoding.setObjectName(u"encoding")
        self.encoding.setEnabled(False)

        self.encoding_row.addWidget(self.encoding)

        self.encoding_reason = QLabel(ImportDialog)
        self.encoding_reason.setObjectName(u"encoding_reason")
        self.encoding_reason.setWordWrap(True)
        self.encoding_reason.setProperty(u"role", u"hint")

        self.encoding_row.addWidget(self.encoding_reason)

        self.encoding_row.setStretch(1, 1)

        self.file_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.encoding_row)

        self.column_encodings_label = QLabel(ImportDialog)
        self.column_encodings_label.setObjectName(u"column_encodings_label")

        self.file_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.column_encodings_label)

        self.column_encodings = QWidget(ImportDialog)
        self.column_encodings.setObjectName(u"column_encodings")
        self.column_encodings_layout = QHBoxLayout(self.column_encodings)
        self.column_encodings_layout.setObjectName(u"column_encodings_layout")
        self.column_encodings_layout.setContentsMargins(0, 0, 0, 0)

        self.file_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.column_encodings)

        self.details_label = QLabel(ImportDialog)
        self.details_label.setObjectName(u"details_label")

        self.file_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.details_label)

        self.details = QLabel(ImportDialog)
        self.details.setObjectName(u"details")
        self.details.setWordWrap(True)

        self.file_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.details)


        self.main_layout.addLayout(self.file_form)

        self.unknown = QLabel(ImportDialog)
        self.unknown.setObjectName(u"unknown")
        self.unknown.setWordWrap(True)
        self.unknown.setProperty(u"role", u"hint")

        self.main_layout.addWidget(self.unknown)

        self.file_problems = QLabel(ImportDialog)
        self.file_problems.setObjectName(u"file_problems")
        self.file_problems.setWordWrap(True)
        self.file_problems.setProperty(u"role", u"error")

        self.main_layout.addWidget(self.file_problems)

        self.file_warnings = QLabel(ImportDialog)
        self.file_warnings.setObjectName(u"file_warnings")
        self.file_warnings.setWordWrap(True)
        self.file_warnings.setProperty(u"role", u"hint")

        self.main_layout.addWidget(self.file_warnings)

        self.table = QTableWidget(ImportDialog)
        if (self.table.columnCount() < 5):
            self.table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.table)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.counts = QLabel(ImportDialog)
        self.counts.setObjectName(u"counts")
        self.counts.setProperty(u"role", u"counts")

        self.bottom_row.addWidget(self.counts)

        self.confirm_renames = QCheckBox(ImportDialog)
        self.confirm_renames.setObjectName(u"confirm_renames")

        self.bottom_row.addWidget(self.confirm_renames)

        self.skip_errors = QCheckBox(ImportDialog)
        self.skip_errors.setObjectName(u"skip_errors")

        self.bottom_row.addWidget(self.skip_errors)

        self.progress = QProgressBar(ImportDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setMinimum(0)
        self.progress.setMaximum(0)
        self.progress.setMaximumSize(QSize(200, 16777215))

        self.bottom_row.addWidget(self.progress)

        self.bottom_row.setStretch(0, 1)

        self.main_layout.addLayout(self.bottom_row)

        self.status = QLabel(ImportDialog)
        self.status.setObjectName(u"status")

        self.main_layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(ImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.main_layout.addWidget(self.buttons)

        self.main_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.encoding_label.setBuddy(self.encoding)
        self.column_encodings_label.setBuddy(self.column_encodings)
        self.details_label.setBuddy(self.details)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)
        self.buttons.rejected.connect(ImportDialog.reject)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Nh\u1eadp danh s\u00e1ch \u0111\u1ea3ng vi\u00ean", None))
        self.file_label.setText(QCoreApplication.translate("ImportDialog", u"T\u1ec7p:", None))
        self.file_edit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Ch\u1ecdn t\u1ec7p Excel (.xlsx) ho\u1eb7c CSV c\u00f3 danh s\u00e1ch \u0111\u1ea3ng vi\u00ean", None))
        self.pick_button.setText(QCoreApplication.translate("ImportDialog", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.encoding_label.setText(QCoreApplication.translate("ImportDialog", u"&B\u1ea3ng m\u00e3:", None))
        self.column_encodings_label.setText(QCoreApplication.translate("ImportDialog", u"B\u1ea3ng m\u00e3 t\u1eebng c\u1ed9t:", None))
        self.details_label.setText(QCoreApplication.translate("ImportDialog", u"\u0110\u1ecdc \u0111\u01b0\u1ee3c:", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportDialog", u"D\u00f2ng", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportDialog", u"H\u1ecd v\u00e0 t\u00ean", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportDialog", u"Ng\u00e0y sinh", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ImportDialog", u"Vi\u1ec7c s\u1ebd l\u00e0m", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ImportDialog", u"V\u1ea5n \u0111\u1ec1", None))
        self.confirm_renames.setText(QCoreApplication.translate("ImportDialog", u"&X\u00e1c nh\u1eadn \u0111\u1ed5i h\u1ecd t\u00ean", None))
        self.skip_errors.setText(QCoreApplication.translate("ImportDialog", u"&B\u1ecf qua c\u00e1c d\u00f2ng l\u1ed7i", None))
    # retranslateUi

