# Kiểm điểm Desktop — two commands on a fresh Debian machine:
#   make run    install what is missing, then open the window on the demo file
#   make test   install what is missing (with the test extras), then run the whole suite headless
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_DB := demo/du-lieu-mau.kiemdiem

# Debian packages. Runtime: what Qt needs even offscreen. Tests add a real X server
# (xvfb + xcb libraries), poppler-utils, openssl and softhsm2 for documents and crypto;
# opensc (pkcs11-tool) fills the test token, libnss3-tools (certutil) the NSS db of pdfsig;
# postgresql: the committee tests start a throw-away server (tests/committee/conftest.py).
RUN_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
            xvfb xauth libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 \
            libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
            libxcb-xkb1 libxcb-xinerama0 fonts-dejavu-core
TEST_DEBS := $(RUN_DEBS) poppler-utils openssl softhsm2 opensc libnss3-tools postgresql

.PHONY: run test forms fonts fuzz sysdeps-run sysdeps-test venv venv-test demo bench bench-bundle bench-committee dist translations clean lock

run: sysdeps-run $(VENV)/.installed
	@test -f $(DEMO_DB) || $(VENV)/bin/kiemdiem demo --db $(DEMO_DB)
	$(VENV)/bin/kiemdiem --db $(DEMO_DB)

test: sysdeps-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

# The static dialogs' Qt Designer forms (ui/*.ui) compiled into kiemdiem_desktop/gui/forms/ui_*.py;
# tests/gui/test_forms.py fails when one is out of date.
forms: $(VENV)/.installed
	$(PY) ui/compile.py

# What reportlab's parser finds in each bundled font, kept beside it (resources/fonts/*.ttf.facts) so
# that writing a PDF does not parse the fonts again; tests/documents/test_pdf_fonts.py fails when stale.
fonts: $(VENV)/.installed
	$(PY) -m kiemdiem_desktop.documents.pdf_fonts

# The hostile-input suite with fifty times as many generated inputs (README: "Hostile inputs").
FUZZ ?= 50
fuzz: sysdeps-test $(VENV)/.installed-test
	KIEMDIEM_FUZZ=$(FUZZ) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/hostile

sysdeps-run:
	@bash installer/debian-deps.sh $(RUN_DEBS)

sysdeps-test:
	@bash installer/debian-deps.sh $(TEST_DEBS)

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) || { bash installer/debian-deps.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	@$(PY) -m pip install -q --upgrade pip

# Every package from the hashed lock (installer/lock/, made by `make lock`), then the program itself.
LOCK := installer/lock/requirements-linux.txt
PIP_LOCKED = $(PY) -m pip install -q --require-hashes -r $(LOCK) && $(PY) -m pip install -q --no-deps -e . --config-settings editable_mode=compat

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(PIP_LOCKED)
	@touch $@

# The test extra and the dist extra are in the same lock: tests/installer/test_bundle.py builds the bundle.
$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(PIP_LOCKED)
	@touch $@ $(VENV)/.installed $(VENV)/.installed-dist

$(VENV)/.installed-dist: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(PIP_LOCKED)
	@touch $@ $(VENV)/.installed

# Refresh the locks after changing a dependency in pyproject.toml (Linux, and Windows with its
# marker-only packages); hashes of every wheel of each pinned version.
lock: $(VENV)/bin/python
	$(PY) -m pip install -q pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test --extra dist -o installer/lock/requirements-linux.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test --extra dist -o installer/lock/requirements-windows.txt pyproject.toml installer/lock/windows-only.in

# The Linux one-folder program dist/kiemdiem/kiemdiem and its archive dist/kiemdiem-linux-x86_64.tar.gz
# (with kiemdiem.desktop). Windows: installer/build-windows.ps1 on a Windows machine (installer/WINDOWS.md).
# The bundle also needs binutils (readelf, strip, as, ld) and icupkg (icu-devtools): installer/kiemdiem.spec
# leaves out libraries nothing needs and rebuilds Qt's ICU data with the part Qt uses.
DIST_DEBS := binutils icu-devtools

dist: sysdeps-run $(VENV)/.installed-dist
	@bash installer/debian-deps.sh $(DIST_DEBS)
	rm -rf dist/kiemdiem dist/kiemdiem-linux-x86_64.tar.gz
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installer/kiemdiem.spec
	bash installer/linux/build-archive.sh dist
	@du -sh dist/kiemdiem dist/kiemdiem-linux-x86_64.tar.gz

bench-bundle: dist
	$(PY) bench/bundle.py

# One table of every goal beside its anchor (LibreOffice converts our own .docx: installed here),
# then the typing path and the roster import. bench-bundle adds the bundle's size and start.
bench: sysdeps-test $(VENV)/.installed-test
	@bash installer/debian-deps.sh libreoffice-writer-nogui
	QT_QPA_PLATFORM=offscreen $(PY) bench/table.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/typing_latency.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/typing_widget.py
	$(PY) bench/roster_import.py

# The committee's year at 300 cells and 6,000 members, on SQLite and on a throw-away PostgreSQL
# (about 10 minutes on 2 cores): opening every package, the summary, a decision, the notices.
bench-committee: sysdeps-test $(VENV)/.installed-test
	$(PY) bench/committee.py

# Refresh the English catalogue from the marked Vietnamese source text (the forms' text from ui/*.ui,
# not from their compiled modules), then compile every .ts.
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate $$(find kiemdiem_desktop -name '*.py' -not -path '*/gui/forms/*') ui/*.ui -ts resources/translations/kiemdiem_en.ts
	for ts in resources/translations/*.ts; do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

clean:
	rm -rf $(VENV) demo build dist
