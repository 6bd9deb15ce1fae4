# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/prepare_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/prepare_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'prepare_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QSplitter,
    QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from kiemdiem_desktop.gui.common import DateField
from kiemdiem_desktop.gui.meeting.widgets import (AutoSaveText, MemberPicker)

class Ui_PrepareDialog(object):
    def setupUi(self, PrepareDialog):
        if not PrepareDialog.objectName():
            PrepareDialog.setObjectName(u"PrepareDialog")
        self.main_layout = QVBoxLayout(PrepareDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(PrepareDialog)
        self.tabs.setObjectName(u"tabs")
        self.info_page = QWidget()
        self.info_page.setObjectName(u"info_page")
        self.info_form = QFormLayout(self.info_page)
        self.info_form.setObjectName(u"info_form")
        self.kind_label = QLabel(self.info_page)
        self.kind_label.setObjectName(u"kind_label")

        self.info_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(self.info_page)
        self.kind.setObjectName(u"kind")

        self.info_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.year_label = QLabel(self.info_page)
        self.year_label.setObjectName(u"year_label")

        self.info_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year = QSpinBox(self.info_page)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2023)
        self.year.setMaximum(2100)

        self.info_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.year)

        self.rules_row = QHBoxLayout()
        self.rules_row.setObjectName(u"rules_row")
        self.rules_label = QLabel(self.info_page)
        self.rules_label.setObjectName(u"rules_label")
        self.rules_label.setWordWrap(True)
        self.rules_label.setProperty(u"role", u"hint")

        self.rules_row.addWidget(self.rules_label)

        self.rules_button = QPushButton(self.info_page)
        self.rules_button.setObjectName(u"rules_button")

        self.rules_row.addWidget(self.rules_button)

        self.rules_row.setStretch(0, 1)

        self.info_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.rules_row)

        self.number_label = QLabel(self.info_page)
        self.number_label.setObjectName(u"number_label")

        self.info_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number = QLineEdit(self.info_page)
        self.number.setObjectName(u"number")

        self.info_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.number)

        self.date_label = QLabel(self.info_page)
        self.date_label.setObjectName(u"date_label")

        self.info_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = DateField(self.info_page)
        self.date.setObjectName(u"date")

        self.info_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.start_label = QLabel(self.info_page)
        self.start_label.setObjectName(u"start_label")

        self.info_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start = QLineEdit(self.info_page)
        self.start.setObjectName(u"start")
        self.start.setMaximumSize(QSize(140, 16777215))

        self.info_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.start)

        self.place_label = QLabel(self.info_page)
        self.place_label.setObjectName(u"place_label")

        self.info_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(self.info_page)
        self.place.setObjectName(u"place")

        self.info_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.place)

        self.chair_label = QLabel(self.info_page)
        self.chair_label.setObjectName(u"chair_label")

        self.info_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.chair_label)

        self.chair = MemberPicker(self.info_page)
        self.chair.setObjectName(u"chair")

        self.info_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.chair)

        self.minute_taker_label = QLabel(self.info_page)
        self.minute_taker_label.setObjectName(u"minute_taker_label")

        self.info_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.minute_taker_label)

        self.minute_taker = MemberPicker(self.info_page)
        self.minute_taker.setObjectName(u"minute_taker")

        self.info_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.minute_taker)

        self.tabs.addTab(self.info_page, "")
        self.delegates_page = QWidget()
        self.delegates_page.setObjectName(u"delegates_page")
        self.delegates_layout = QVBoxLayout(self.delegates_page)
        self.delegates_layout.setObjectName(u"delegates_layout")
        self.delegates_intro = QLabel(self.delegates_page)
        self.delegates_intro.setObjectName(u"delegates_intro")

        self.delegates_layout.addWidget(self.delegates_intro)

        self.delegates = QTableWidget(self.delegates_page)
        if (self.delegates.columnCount() < 2):
            self.delegates.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.delegates.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.delegates.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.delegates.setObjectName(u"delegates")
        self.delegates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.delegates.verticalHeader().setVisible(False)

        self.delegates_layout.addWidget(self.delegates)

        self.delegate_row = QHBoxLayout()
        self.delegate_row.setObjectName(u"delegate_row")
        self.delegate_name = QLineEdit(self.delegates_page)
        self.delegate_name.setObjectName(u"delegate_name")

        self.delegate_row.addWidget(self.delegate_name)

        self.delegate_title = QLineEdit(self.delegates_page)
        self.delegate_title.setObjectName(u"delegate_title")

        self.delegate_row.addWidget(self.delegate_title)

        self.add_delegate_button = QPushButton(self.delegates_page)
        self.add_delegate_button.setObjectName(u"add_delegate_button")

        self.delegate_row.addWidget(self.add_delegate_button)

        self.delegate_row.setStretch(0, 2)
        self.delegate_row.setStretch(1, 3)

        self.delegates_layout.addLayout(self.delegate_row)

        self.remove_delegate_button = QPushButton(self.delegates_page)
        self.remove_delegate_button.setObjectName(u"remove_delegate_button")

        self.delegates_layout.addWidget(self.remove_delegate_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.delegates_layout.setStretch(1, 1)
        self.tabs.addTab(self.delegates_page, "")
        self.agenda_page = QWidget()
        self.agenda_page.setObjectName(u"agenda_page")
        self.agenda_layout = QVBoxLayout(self.agenda_page)
        self.agenda_layout.setObjectName(u"agenda_layout")
        self.vote_way_row = QHBoxLayout()
        self.vote_way_row.setObjectName(u"vote_way_row")
        self.vote_way_label = QLabel(self.agenda_page)
        self.vote_way_label.setObjectName(u"vote_way_label")

        self.vote_way_row.addWidget(self.vote_way_label)

        self.vote_way = QComboBox(self.agenda_page)
        self.vote_way.setObjectName(u"vote_way")

        self.vote_way_row.addWidget(self.vote_way)

        self.vote_way_row.setStretch(1, 1)

        self.agenda_layout.addLayout(self.vote_way_row)

        self.steps_row = QHBoxLayout()
        self.steps_row.setObjectName(u"steps_row")
        self.steps = QListWidget(self.agenda_page)
        self.steps.setObjectName(u"steps")

        self.steps_row.addWidget(self.steps)

        self.step_buttons = QVBoxLayout()
        self.step_buttons.setObjectName(u"step_buttons")
        self.add_step_button = QPushButton(self.agenda_page)
        self.add_step_button.setObjectName(u"add_step_button")

        self.step_buttons.addWidget(self.add_step_button)

        self.rename_step_button = QPushButton(self.agenda_page)
        self.rename_step_button.setObjectName(u"rename_step_button")

        self.step_buttons.addWidget(self.rename_step_button)

        self.remove_step_button = QPushButton(self.agenda_page)
        self.remove_step_button.setObjectName(u"remove_step_button")

        self.step_buttons.addWidget(self.remove_step_button)

        self.up_button = QPushButton(self.agenda_page)
        self.up_button.setObjectName(u"up_button")

        self.step_buttons.addWidget(self.up_button)

        self.down_button = QPushButton(self.agenda_page)
        self.down_button.setObjectName(u"down_button")

        self.step_buttons.addWidget(self.down_button)

        self.regenerate_button = QPushButton(self.agenda_page)
        self.regenerate_button.setObjectName(u"regenerate_button")

        self.step_buttons.addWidget(self.regenerate_button)

        self.step_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.step_buttons.addItem(self.step_buttons_stretch)

        self.step_buttons.setStretch(6, 1)

        self.steps_row.addLayout(self.step_buttons)

        self.steps_row.setStretch(0, 1)

        self.agenda_layout.addLayout(self.steps_row)

        self.agenda_layout.setStretch(1, 1)
        self.tabs.addTab(self.agenda_page, "")
        self.reviews_page = QWidget()
        self.reviews_page.setObjectName(u"reviews_page")
        self.reviews_layout = QVBoxLayout(self.reviews_page)
        self.reviews_layout.setObjectName(u"reviews_layout")
        self.split = QSplitter(self.reviews_page)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.people = QListWidget(self.split)
        self.people.setObjectName(u"people")
        self.split.addWidget(self.people)
        self.right = QWidget(self.split)
        self.right.setObjectName(u"right")
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setObjectName(u"right_layout")
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.person_title = QLabel(self.right)
        self.person_title.setObjectName(u"person_title")
        self.person_title.setProperty(u"role", u"section-title")

        self.right_layout.addWidget(self.person_title)

        self.review_form = QWidget(self.right)
        self.review_form.setObjectName(u"review_form")
        self.review_form_layout = QFormLayout(self.review_form)
        self.review_form_layout.setObjectName(u"review_form_layout")
        self.review_form_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(self.review_form)
        self.summary_label.setObjectName(u"summary_label")

        self.review_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary = AutoSaveText(self.review_form)
        self.summary.setObjectName(u"summary")

        self.review_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summary)

        self.attach_row_label = QLabel(self.review_form)
        self.attach_row_label.setObjectName(u"attach_row_label")

        self.review_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.attach_row_label)

        self.attach_row = QHBoxLayout()
        self.attach_row.setObjectName(u"attach_row")
        self.attach_label = QLabel(self.review_form)
        self.attach_label.setObjectName(u"attach_label")

        self.attach_row.addWidget(self.attach_label)

        self.attach_button = QPushButton(self.review_form)
        self.attach_button.setObjectName(u"attach_button")

        self.attach_row.addWidget(self.attach_button)

        self.attach_row.setStretch(0, 1)

        self.review_form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.attach_row)

        self.scores_row_label = QLabel(self.review_form)
        self.scores_row_label.setObjectName(u"scores_row_label")

        self.review_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scores_row_label)

        self.scores = QWidget(self.review_form)
        self.scores.setObjectName(u"scores")
        self.scores_layout = QHBoxLayout(self.scores)
        self.scores_layout.setObjectName(u"scores_layout")
        self.scores_layout.setContentsMargins(0, 0, 0, 0)
        self.general_label = QLabel(self.scores)
        self.general_label.setObjectName(u"general_label")

        self.scores_layout.addWidget(self.general_label)

        self.general = QDoubleSpinBox(self.scores)
        self.general.setObjectName(u"general")
        self.general.setDecimals(1)
        self.general.setMinimum(-1.000000000000000)
        self.general.setMaximum(30.000000000000000)
        self.general.setSingleStep(1.000000000000000)
        self.general.setSpecialValueText(u"\u2014")
        self.general.setValue(-1.000000000000000)

        self.scores_layout.addWidget(self.general)

        self.task_label = QLabel(self.scores)
        self.task_label.setObjectName(u"task_label")

        self.scores_layout.addWidget(self.task_label)

        self.task = QDoubleSpinBox(self.scores)
        self.task.setObjectName(u"task")
        self.task.setDecimals(1)
        self.task.setMinimum(-1.000000000000000)
        self.task.setMaximum(70.000000000000000)
        self.task.setSingleStep(1.000000000000000)
        self.task.setSpecialValueText(u"\u2014")
        self.task.setValue(-1.000000000000000)

        self.scores_layout.addWidget(self.task)

        self.task_top_label = QLabel(self.scores)
        self.task_top_label.setObjectName(u"task_top_label")
        self.task_top_label.setText(u"/70")

        self.scores_layout.addWidget(self.task_top_label)

        self.total = QLabel(self.scores)
        self.total.setObjectName(u"total")

        self.scores_layout.addWidget(self.total)

        self.scores_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scores_layout.addItem(self.scores_stretch)

        self.scores_layout.setStretch(6, 1)

        self.review_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scores)

        self.grades_row_label = QLabel(self.review_form)
        self.grades_row_label.setObjectName(u"grades_row_label")

        self.review_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.grades_row_label)

        self.grades = QWidget(self.review_form)
        self.grades.setObjectName(u"grades")
        self.grades_layout = QGridLayout(self.grades)
        self.grades_layout.setObjectName(u"grades_layout")
        self.grades_layout.setContentsMargins(0, 0, 0, 0)

        self.review_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.grades)

        self.level_label = QLabel(self.review_form)
        self.level_label.setObjectName(u"level_label")

        self.review_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level = QComboBox(self.review_form)
        self.level.setObjectName(u"level")

        self.review_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.level)


        self.right_layout.addWidget(self.review_form)

        self.written_label = QLabel(self.right)
        self.written_label.setObjectName(u"written_label")

        self.right_layout.addWidget(self.written_label)

        self.written = QListWidget(self.right)
        self.written.setObjectName(u"written")

        self.right_layout.addWidget(self.written)

        self.written_row = QHBoxLayout()
        self.written_row.setObjectName(u"written_row")
        self.source = QComboBox(self.right)
        self.source.setObjectName(u"source")

        self.written_row.addWidget(self.source)

        self.written_text = QLineEdit(self.right)
        self.written_text.setObjectName(u"written_text")

        self.written_row.addWidget(self.written_text)

        self.add_written_button = QPushButton(self.right)
        self.add_written_button.setObjectName(u"add_written_button")

        self.written_row.addWidget(self.add_written_button)

        self.written_row.setStretch(1, 1)

        self.right_layout.addLayout(self.written_row)

        self.right_layout.setStretch(1, 3)
        self.right_layout.setStretch(3, 1)
        self.split.addWidget(self.right)

        self.reviews_layout.addWidget(self.split)

        self.tabs.addTab(self.reviews_page, "")

        self.main_layout.addWidget(self.tabs)

        self.error = QLabel(PrepareDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"field-error")

        self.main_layout.addWidget(self.error)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.saved_hint = QLabel(PrepareDialog)
        self.saved_hint.setObjectName(u"saved_hint")
        self.saved_hint.setProperty(u"role", u"hint")

        self.bottom_row.addWidget(self.saved_hint)

        self.close_box = QDialogButtonBox(PrepareDialog)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottom_row.addWidget(self.close_box)

        self.bottom_row.setStretch(0, 1)

        self.main_layout.addLayout(self.bottom_row)

        self.main_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.year_label.setBuddy(self.year)
        self.number_label.setBuddy(self.number)
        self.date_label.setBuddy(self.date)
        self.start_label.setBuddy(self.start)
        self.place_label.setBuddy(self.place)
        self.chair_label.setBuddy(self.chair)
        self.minute_taker_label.setBuddy(self.minute_taker)
        self.vote_way_label.setBuddy(self.vote_way)
        self.summary_label.setBuddy(self.summary)
        self.scores_row_label.setBuddy(self.scores)
        self.grades_row_label.setBuddy(self.grades)
        self.level_label.setBuddy(self.level)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PrepareDialog)
        self.close_box.rejected.connect(PrepareDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PrepareDialog)
    # setupUi

    def retranslateUi(self, PrepareDialog):
        PrepareDialog.setWindowTitle(QCoreApplication.translate("PrepareDialog", u"Chu\u1ea9n b\u1ecb h\u1ed9i ngh\u1ecb ki\u1ec3m \u0111i\u1ec3m", None))
        self.kind_label.setText(QCoreApplication.translate("PrepareDialog", u"&Lo\u1ea1i:", None))
        self.year_label.setText(QCoreApplication.translate("PrepareDialog", u"&N\u0103m \u0111\u00e1nh gi\u00e1:", None))
        self.rules_button.setText(QCoreApplication.translate("PrepareDialog", u"&Xem b\u1ed9 quy \u0111\u1ecbnh\u2026", None))
        self.number_label.setText(QCoreApplication.translate("PrepareDialog", u"&S\u1ed1 bi\u00ean b\u1ea3n:", None))
        self.number.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"v\u00ed d\u1ee5: 05-BB/CB (\u0111\u1ec3 tr\u1ed1ng n\u1ebfu ch\u01b0a c\u00f3 s\u1ed1)", None))
        self.date_label.setText(QCoreApplication.translate("PrepareDialog", u"Ng\u00e0&y h\u1ecdp:", None))
        self.start_label.setText(QCoreApplication.translate("PrepareDialog", u"&Gi\u1edd b\u1eaft \u0111\u1ea7u:", None))
        self.start.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"gi\u1edd:ph\u00fat, v\u00ed d\u1ee5 08:00", None))
        self.place_label.setText(QCoreApplication.translate("PrepareDialog", u"\u0110\u1ecb&a \u0111i\u1ec3m:", None))
        self.chair_label.setText(QCoreApplication.translate("PrepareDialog", u"&Ch\u1ee7 tr\u00ec:", None))
        self.minute_taker_label.setText(QCoreApplication.translate("PrepareDialog", u"T&h\u01b0 k\u00fd h\u1ed9i ngh\u1ecb:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.info_page), QCoreApplication.translate("PrepareDialog", u"&1. Th\u00f4ng tin", None))
        self.delegates_intro.setText(QCoreApplication.translate("PrepareDialog", u"\u0110\u1ea1i bi\u1ec3u \u0111\u01b0\u1ee3c m\u1eddi d\u1ef1 (c\u00f3 th\u1ec3 ph\u00e1t bi\u1ec3u; kh\u00f4ng t\u00ednh v\u00e0o s\u1ed1 \u0111\u1ea3ng vi\u00ean).", None))
        ___qtablewidgetitem = self.delegates.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PrepareDialog", u"H\u1ecd v\u00e0 t\u00ean", None))
        ___qtablewidgetitem1 = self.delegates.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PrepareDialog", u"Ch\u1ee9c v\u1ee5", None))
        self.delegate_name.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"h\u1ecd v\u00e0 t\u00ean \u0111\u1ea1i bi\u1ec3u", None))
        self.delegate_title.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"ch\u1ee9c v\u1ee5, v\u00ed d\u1ee5: \u1ee6y vi\u00ean Ban Th\u01b0\u1eddng v\u1ee5 \u0110\u1ea3ng \u1ee7y", None))
        self.add_delegate_button.setText(QCoreApplication.translate("PrepareDialog", u"&Th\u00eam \u0111\u1ea1i bi\u1ec3u", None))
        self.remove_delegate_button.setText(QCoreApplication.translate("PrepareDialog", u"&B\u1ecf \u0111\u1ea1i bi\u1ec3u \u0111\u00e3 ch\u1ecdn", None))
        self.tabs.setTabText(self.tabs.indexOf(self.delegates_page), QCoreApplication.translate("PrepareDialog", u"&2. \u0110\u1ea1i bi\u1ec3u", None))
        self.vote_way_label.setText(QCoreApplication.translate("PrepareDialog", u"&Bi\u1ec3u quy\u1ebft x\u1ebfp lo\u1ea1i:", None))
        self.add_step_button.setText(QCoreApplication.translate("PrepareDialog", u"Th\u00eam m\u1ee5c\u2026 (Insert)", None))
        self.rename_step_button.setText(QCoreApplication.translate("PrepareDialog", u"\u0110\u1ed5i t\u00ean\u2026 (F2)", None))
        self.remove_step_button.setText(QCoreApplication.translate("PrepareDialog", u"B\u1ecf m\u1ee5c (Delete)", None))
        self.up_button.setText(QCoreApplication.translate("PrepareDialog", u"L\u00ean (Alt+\u2191)", None))
        self.down_button.setText(QCoreApplication.translate("PrepareDialog", u"Xu\u1ed1ng (Alt+\u2193)", None))
        self.regenerate_button.setText(QCoreApplication.translate("PrepareDialog", u"T\u1ea1o l\u1ea1i theo quy \u0111\u1ecbnh", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agenda_page), QCoreApplication.translate("PrepareDialog", u"&3. Ch\u01b0\u01a1ng tr\u00ecnh", None))
        self.summary_label.setText(QCoreApplication.translate("PrepareDialog", u"&T\u00f3m t\u1eaft:", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"T\u00f3m t\u1eaft b\u1ea3n t\u1ef1 ki\u1ec3m \u0111i\u1ec3m: \u01b0u \u0111i\u1ec3m, h\u1ea1n ch\u1ebf, nguy\u00ean nh\u00e2n, ph\u01b0\u01a1ng h\u01b0\u1edbng kh\u1eafc ph\u1ee5c\u2026", None))
        self.attach_row_label.setText(QCoreApplication.translate("PrepareDialog", u"T\u1ec7p:", None))
        self.attach_button.setText(QCoreApplication.translate("PrepareDialog", u"\u0110\u00ednh &k\u00e8m t\u1ec7p c\u1ee7a \u0111\u1ea3ng vi\u00ean\u2026", None))
        self.scores_row_label.setText(QCoreApplication.translate("PrepareDialog", u"T\u1ef1 ch\u1ea5m:", None))
        self.general_label.setText(QCoreApplication.translate("PrepareDialog", u"\u0110i\u1ec3m chung:", None))
        self.task_label.setText(QCoreApplication.translate("PrepareDialog", u"/30   K\u1ebft qu\u1ea3 th\u1ef1c hi\u1ec7n nhi\u1ec7m v\u1ee5:", None))
        self.grades_row_label.setText(QCoreApplication.translate("PrepareDialog", u"T\u1ef1 \u0111\u00e1nh gi\u00e1:", None))
        self.level_label.setText(QCoreApplication.translate("PrepareDialog", u"T\u1ef1 \u0111\u1ec1 xu\u1ea5t &m\u1ee9c:", None))
        self.written_label.setText(QCoreApplication.translate("PrepareDialog", u"\u00dd ki\u1ebfn b\u1eb1ng v\u0103n b\u1ea3n \u0111\u00e3 nh\u1eadn:", None))
        self.written_text.setPlaceholderText(QCoreApplication.translate("PrepareDialog", u"n\u1ed9i dung \u00fd ki\u1ebfn b\u1eb1ng v\u0103n b\u1ea3n (Enter \u0111\u1ec3 th\u00eam)", None))
        self.add_written_button.setText(QCoreApplication.translate("PrepareDialog", u"Th\u00eam \u00fd &ki\u1ebfn", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reviews_page), QCoreApplication.translate("PrepareDialog", u"&4. B\u1ea3n t\u1ef1 ki\u1ec3m \u0111i\u1ec3m", None))
        self.saved_hint.setText(QCoreApplication.translate("PrepareDialog", u"M\u1ecdi thay \u0111\u1ed5i \u0111\u01b0\u1ee3c l\u01b0u ngay.", None))
    # retranslateUi

