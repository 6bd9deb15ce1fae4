# GENERATED FILE: made by `make forms` (ui/compile.py) from ui/member_dialog.ui with pyside6-uic.
# Do not edit: change the form in Qt Designer (pyside6-designer ui/member_dialog.ui), then run `make forms`.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from kiemdiem_desktop.gui.common import (DateField, ValueCombo)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.setMinimumSize(QSize(760, 0))
        self.main_layout = QVBoxLayout(MemberDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(MemberDialog)
        self.tabs.setObjectName(u"tabs")
        self.general_page = QWidget()
        self.general_page.setObjectName(u"general_page")
        self.general_form = QFormLayout(self.general_page)
        self.general_form.setObjectName(u"general_form")
        self.general_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.full_name_label = QLabel(self.general_page)
        self.full_name_label.setObjectName(u"full_name_label")

        self.general_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name = QLineEdit(self.general_page)
        self.full_name.setObjectName(u"full_name")

        self.general_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.full_name)

        self.birth_date_label = QLabel(self.general_page)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.general_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date = DateField(self.general_page)
        self.birth_date.setObjectName(u"birth_date")

        self.general_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.birth_date)

        self.gender_label = QLabel(self.general_page)
        self.gender_label.setObjectName(u"gender_label")

        self.general_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender = ValueCombo(self.general_page)
        self.gender.setObjectName(u"gender")

        self.general_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gender)

        self.admission_date_label = QLabel(self.general_page)
        self.admission_date_label.setObjectName(u"admission_date_label")

        self.general_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.admission_date_label)

        self.admission_date = DateField(self.general_page)
        self.admission_date.setObjectName(u"admission_date")

        self.general_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.admission_date)

        self.official_date_label = QLabel(self.general_page)
        self.official_date_label.setObjectName(u"official_date_label")

        self.general_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.official_date_label)

        self.official_date = DateField(self.general_page)
        self.official_date.setObjectName(u"official_date")

        self.general_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.official_date)

        self.card_number_label = QLabel(self.general_page)
        self.card_number_label.setObjectName(u"card_number_label")

        self.general_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.card_number_label)

        self.card_number = QLineEdit(self.general_page)
        self.card_number.setObjectName(u"card_number")

        self.general_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.card_number)

        self.party_post_label = QLabel(self.general_page)
        self.party_post_label.setObjectName(u"party_post_label")

        self.general_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.party_post_label)

        self.party_post = ValueCombo(self.general_page)
        self.party_post.setObjectName(u"party_post")

        self.general_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.party_post)

        self.government_post_label = QLabel(self.general_page)
        self.government_post_label.setObjectName(u"government_post_label")

        self.general_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.government_post_label)

        self.government_post = QLineEdit(self.general_page)
        self.government_post.setObjectName(u"government_post")

        self.general_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.government_post)

        self.work_unit_label = QLabel(self.general_page)
        self.work_unit_label.setObjectName(u"work_unit_label")

        self.general_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.work_unit_label)

        self.work_unit = QLineEdit(self.general_page)
        self.work_unit.setObjectName(u"work_unit")

        self.general_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.work_unit)

        self.last_year_level_label = QLabel(self.general_page)
        self.last_year_level_label.setObjectName(u"last_year_level_label")

        self.general_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.last_year_level_label)

        self.last_year_level = ValueCombo(self.general_page)
        self.last_year_level.setObjectName(u"last_year_level")

        self.general_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.last_year_level)

        self.declared_type_label = QLabel(self.general_page)
        self.declared_type_label.setObjectName(u"declared_type_label")

        self.general_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.declared_type_label)

        self.declared_type = ValueCombo(self.general_page)
        self.declared_type.setObjectName(u"declared_type")

        self.general_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.declared_type)

        self.declared_on_label = QLabel(self.general_page)
        self.declared_on_label.setObjectName(u"declared_on_label")

        self.general_form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.declared_on_label)

        self.declared_on = DateField(self.general_page)
        self.declared_on.setObjectName(u"declared_on")

        self.general_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.declared_on)

        self.quota_group_label = QLabel(self.general_page)
        self.quota_group_label.setObjectName(u"quota_group_label")

        self.general_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.quota_group_label)

        self.quota_group = QLineEdit(self.general_page)
        self.quota_group.setObjectName(u"quota_group")

        self.general_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.quota_group)

        self.note_label = QLabel(self.general_page)
        self.note_label.setObjectName(u"note_label")

        self.general_form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note = QLineEdit(self.general_page)
        self.note.setObjectName(u"note")

        self.general_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.note)

        self.tabs.addTab(self.general_page, "")
        self.periods_page = QWidget()
        self.periods_page.setObjectName(u"periods_page")
        self.periods_page_layout = QVBoxLayout(self.periods_page)
        self.periods_page_layout.setObjectName(u"periods_page_layout")
        self.periods = QTableWidget(self.periods_page)
        if (self.periods.columnCount() < 4):
            self.periods.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.periods.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.periods.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.periods.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.periods.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.periods.setObjectName(u"periods")
        self.periods.setMinimumSize(QSize(0, 220))
        self.periods.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods.verticalHeader().setVisible(False)

        self.periods_page_layout.addWidget(self.periods)

        self.periods_page_buttons = QHBoxLayout()
        self.periods_page_buttons.setObjectName(u"periods_page_buttons")
        self.add_period_button = QPushButton(self.periods_page)
        self.add_period_button.setObjectName(u"add_period_button")

        self.periods_page_buttons.addWidget(self.add_period_button)

        self.remove_period_button = QPushButton(self.periods_page)
        self.remove_period_button.setObjectName(u"remove_period_button")

        self.periods_page_buttons.addWidget(self.remove_period_button)

        self.periods_page_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periods_page_buttons.addItem(self.periods_page_spacer)


        self.periods_page_layout.addLayout(self.periods_page_buttons)

        self.tabs.addTab(self.periods_page, "")
        self.discipline_page = QWidget()
        self.discipline_page.setObjectName(u"discipline_page")
        self.discipline_page_layout = QVBoxLayout(self.discipline_page)
        self.discipline_page_layout.setObjectName(u"discipline_page_layout")
        self.discipline = QTableWidget(self.discipline_page)
        if (self.discipline.columnCount() < 7):
            self.discipline.setColumnCount(7)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(0, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(1, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(2, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(3, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(4, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(5, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.discipline.setHorizontalHeaderItem(6, __qtablewidgetitem10)
        self.discipline.setObjectName(u"discipline")
        self.discipline.setMinimumSize(QSize(0, 220))
        self.discipline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.discipline.verticalHeader().setVisible(False)

        self.discipline_page_layout.addWidget(self.discipline)

        self.discipline_page_buttons = QHBoxLayout()
        self.discipline_page_buttons.setObjectName(u"discipline_page_buttons")
        self.add_discipline_button = QPushButton(self.discipline_page)
        self.add_discipline_button.setObjectName(u"add_discipline_button")

        self.discipline_page_buttons.addWidget(self.add_discipline_button)

        self.remove_discipline_button = QPushButton(self.discipline_page)
        self.remove_discipline_button.setObjectName(u"remove_discipline_button")

        self.discipline_page_buttons.addWidget(self.remove_discipline_button)

        self.discipline_page_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.discipline_page_buttons.addItem(self.discipline_page_spacer)


        self.discipline_page_layout.addLayout(self.discipline_page_buttons)

        self.tabs.addTab(self.discipline_page, "")

        self.main_layout.addWidget(self.tabs)

        self.error_label = QLabel(MemberDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty(u"role", u"error")

        self.main_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(MemberDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.full_name_label.setBuddy(self.full_name)
        self.birth_date_label.setBuddy(self.birth_date)
        self.gender_label.setBuddy(self.gender)
        self.admission_date_label.setBuddy(self.admission_date)
        self.official_date_label.setBuddy(self.official_date)
        self.card_number_label.setBuddy(self.card_number)
        self.party_post_label.setBuddy(self.party_post)
        self.government_post_label.setBuddy(self.government_post)
        self.work_unit_label.setBuddy(self.work_unit)
        self.last_year_level_label.setBuddy(self.last_year_level)
        self.declared_type_label.setBuddy(self.declared_type)
        self.declared_on_label.setBuddy(self.declared_on)
        self.quota_group_label.setBuddy(self.quota_group)
        self.note_label.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.full_name, self.birth_date)
        QWidget.setTabOrder(self.birth_date, self.gender)
        QWidget.setTabOrder(self.gender, self.admission_date)
        QWidget.setTabOrder(self.admission_date, self.official_date)
        QWidget.setTabOrder(self.official_date, self.card_number)
        QWidget.setTabOrder(self.card_number, self.party_post)
        QWidget.setTabOrder(self.party_post, self.government_post)
        QWidget.setTabOrder(self.government_post, self.work_unit)
        QWidget.setTabOrder(self.work_unit, self.last_year_level)
        QWidget.setTabOrder(self.last_year_level, self.declared_type)
        QWidget.setTabOrder(self.declared_type, self.declared_on)
        QWidget.setTabOrder(self.declared_on, self.quota_group)
        QWidget.setTabOrder(self.quota_group, self.note)

        self.retranslateUi(MemberDialog)
        self.buttons.rejected.connect(MemberDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"Th\u00eam \u0111\u1ea3ng vi\u00ean", None))
        self.full_name_label.setText(QCoreApplication.translate("MemberDialog", u"&H\u1ecd v\u00e0 t\u00ean:", None))
        self.full_name.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"v\u00ed d\u1ee5: Nguy\u1ec5n V\u0103n H\u00f9ng", None))
        self.birth_date_label.setText(QCoreApplication.translate("MemberDialog", u"Ng\u00e0y &sinh:", None))
        self.gender_label.setText(QCoreApplication.translate("MemberDialog", u"&Gi\u1edbi t\u00ednh:", None))
        self.admission_date_label.setText(QCoreApplication.translate("MemberDialog", u"Ng\u00e0y &v\u00e0o \u0110\u1ea3ng:", None))
        self.official_date_label.setText(QCoreApplication.translate("MemberDialog", u"Ng\u00e0y &ch\u00ednh th\u1ee9c:", None))
        self.card_number_label.setText(QCoreApplication.translate("MemberDialog", u"S\u1ed1 &th\u1ebb \u0111\u1ea3ng vi\u00ean:", None))
        self.party_post_label.setText(QCoreApplication.translate("MemberDialog", u"Ch\u1ee9c v\u1ee5 \u0111\u1ea3&ng:", None))
        self.government_post_label.setText(QCoreApplication.translate("MemberDialog", u"Ch\u1ee9c v\u1ee5 ch\u00ednh &quy\u1ec1n / \u0111o\u00e0n th\u1ec3:", None))
        self.work_unit_label.setText(QCoreApplication.translate("MemberDialog", u"\u0110\u01a1n v\u1ecb c\u00f4ng t\u00e1c:", None))
        self.last_year_level_label.setText(QCoreApplication.translate("MemberDialog", u"X\u1ebfp lo\u1ea1i n\u0103m tr\u01b0\u1edbc:", None))
        self.declared_type_label.setText(QCoreApplication.translate("MemberDialog", u"Lo\u1ea1i \u0111\u1ea3ng vi\u00ean ghi trong danh s\u00e1ch:", None))
        self.declared_on_label.setText(QCoreApplication.translate("MemberDialog", u"\u2026 ghi ng\u00e0y:", None))
        self.quota_group_label.setText(QCoreApplication.translate("MemberDialog", u"Nh\u00f3m t\u00ednh t\u1ef7 l\u1ec7 xu\u1ea5t s\u1eafc:", None))
        self.quota_group.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u0111\u1ec3 tr\u1ed1ng n\u1ebfu chi b\u1ed9 ch\u1ec9 c\u00f3 m\u1ed9t nh\u00f3m", None))
        self.note_label.setText(QCoreApplication.translate("MemberDialog", u"Ghi ch\u00fa:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.general_page), QCoreApplication.translate("MemberDialog", u"Th\u00f4ng tin chung", None))
        ___qtablewidgetitem = self.periods.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MemberDialog", u"Lo\u1ea1i", None))
        ___qtablewidgetitem1 = self.periods.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MemberDialog", u"T\u1eeb ng\u00e0y", None))
        ___qtablewidgetitem2 = self.periods.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MemberDialog", u"\u0110\u1ebfn ng\u00e0y", None))
        ___qtablewidgetitem3 = self.periods.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MemberDialog", u"Ghi ch\u00fa", None))
        self.add_period_button.setText(QCoreApplication.translate("MemberDialog", u"Th\u00eam kho\u1ea3ng th\u1eddi gian", None))
        self.remove_period_button.setText(QCoreApplication.translate("MemberDialog", u"X\u00f3a d\u00f2ng \u0111\u00e3 ch\u1ecdn", None))
        self.tabs.setTabText(self.tabs.indexOf(self.periods_page), QCoreApplication.translate("MemberDialog", u"Qu\u00e1 tr\u00ecnh sinh ho\u1ea1t", None))
        ___qtablewidgetitem4 = self.discipline.horizontalHeaderItem(0)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("MemberDialog", u"H\u00ecnh th\u1ee9c", None))
        ___qtablewidgetitem5 = self.discipline.horizontalHeaderItem(1)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("MemberDialog", u"Ng\u00e0y quy\u1ebft \u0111\u1ecbnh", None))
        ___qtablewidgetitem6 = self.discipline.horizontalHeaderItem(2)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("MemberDialog", u"Ng\u00e0y vi ph\u1ea1m", None))
        ___qtablewidgetitem7 = self.discipline.horizontalHeaderItem(3)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("MemberDialog", u"G\u1eafn v\u1edbi c\u00f4ng v\u1ee5", None))
        ___qtablewidgetitem8 = self.discipline.horizontalHeaderItem(4)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("MemberDialog", u"T\u1ef1 ph\u00e1t hi\u1ec7n, kh\u1eafc ph\u1ee5c", None))
        ___qtablewidgetitem9 = self.discipline.horizontalHeaderItem(5)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("MemberDialog", u"Vi ph\u1ea1m \u1edf \u0111\u01a1n v\u1ecb tr\u01b0\u1edbc", None))
        ___qtablewidgetitem10 = self.discipline.horizontalHeaderItem(6)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("MemberDialog", u"Ghi ch\u00fa", None))
        self.add_discipline_button.setText(QCoreApplication.translate("MemberDialog", u"Th\u00eam k\u1ef7 lu\u1eadt", None))
        self.remove_discipline_button.setText(QCoreApplication.translate("MemberDialog", u"X\u00f3a d\u00f2ng \u0111\u00e3 ch\u1ecdn", None))
        self.tabs.setTabText(self.tabs.indexOf(self.discipline_page), QCoreApplication.translate("MemberDialog", u"K\u1ef7 lu\u1eadt", None))
    # retranslateUi

