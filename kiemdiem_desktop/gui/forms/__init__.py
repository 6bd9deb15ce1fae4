"""Compiled Qt Designer forms: ui_<name>.py made by `make forms` from ui/<name>.ui (generated, do
not edit). Each is imported by its dialog's module, which the window imports only when the dialog
opens: nothing here loads at start-up."""
