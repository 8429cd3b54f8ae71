# Permanent Revolution Today - every command a newcomer needs.
#   make book   create .venv, install pinned dependencies, build the HTML book (_build/html)
#               and print its handouts (PDF, with Debian's chromium)
#   make test   everything `make book` does, plus test tools (Chromium, npm), then every test
#   make check  lint (ruff) and the fast tests (tests/unit, tests/processes): no browser, no build
#   make lab    JupyterLab on 127.0.0.1 with the course's notebooks
#   make room   the room: members take part from their phones on the group's own network
#   make zip    the built book as _build/permanent-revolution-today.zip
#   make translations  update the .po files under locale/ from the English (then translate them)
#   make bench  build speed, page weight, load time against Jupyter Book's defaults
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_PORT ?= 8888
LAB_DIR ?= _build/lab
# Test workers (pytest-xdist): two for the two cores; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

.PHONY: book html translations lint-translations vendor handouts facilitator test check test-deps lab notebooks validate lock clean zip bench room room-bench

$(STAMP): requirements.lock pyproject.toml
	@echo "==> creating $(VENV) with $(PYTHON)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "==> installing pinned dependencies (requirements.lock)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@# Editable, so edits in book/ apply at once; its dependencies are the lock's.
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

validate: $(STAMP)
	@$(BIN)/python -m book.cli validate

book: html handouts facilitator
	@echo "==> built: _build/html/index.html (handouts in _build/html/handouts/; facilitator edition in _build/facilitator/)"

# The readers' book plus answer keys, facilitator notes, the group page and the facilitator's
# session sheets (PDF, WeasyPrint), never linked from it. After handouts: the edition copies
# the readers' handouts with their sizes, and the sheets need the same fonts.
facilitator: handouts
	@$(BIN)/python -m book.cli facilitator

# JavaScript the book ships (plotly.js's basic bundle), pinned in book/vendor/package-lock.json.
vendor:
	@bash scripts/npm-ci.sh book/vendor

# The English edition (_build/html) and, at the same time, the other languages' (book/course/
# language.py; built in _build/editions/<code>/, mirrored into _build/html/<code>/, each
# logging to _build/editions/<code>.log): most of a cold build is kernels executing
# notebooks one after another, so the three builds share the two cores (cold one by one:
# English 39 s, Spanish 46 s, Arabic 45 s; `make bench`). Any failing fails the target. An
# edition (and validate) whose inputs are those of its last good build is left as it is
# (book/unchanged.py): a no-change `make html` takes about a second.
html: validate vendor
	@echo "==> building the book in every language (warnings are errors)"
	@$(BIN)/python -m book.cli edition & editions=$$!; \
	$(BIN)/python -m book.cli english; english=$$?; \
	wait $$editions; others=$$?; test $$english = 0 -a $$others = 0

# After the English changed: every locale/<code>/LC_MESSAGES/*.po brought in step (new
# messages empty, changed ones fuzzy with the previous English), then the lint (a dropped
# {term}, ¶ reference, link or paragraph break fails). A translator edits the .po files.
translations: $(STAMP)
	@$(BIN)/python -m book.cli translations

lint-translations: $(STAMP)
	@$(BIN)/python -m book.cli lint-translations

# Made from the built pages: article handouts (A4, letter), session sheets and the
# whole-book PDF (WeasyPrint, on Debian's Pango and DejaVu fonts from
# scripts/install-test-deps.sh), a pocket HTML file per chapter and the EPUB.
handouts: html test-deps
	@echo "==> handouts: PDFs, pocket editions, EPUB"
	@$(BIN)/python -m book.cli handouts

test-deps:
	@echo "==> test tools (Debian chromium, poppler-utils, npm packages)"
	@bash scripts/install-test-deps.sh

test: book test-deps
	@echo "==> running every test (unit, processes, sphinx, notebooks, site, browser) on $(TEST_WORKERS) workers"
	@$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The fast layers: ruff, then tests/unit (Python only, in-process) and tests/processes
# (node's graders and concurrent savers): no build, no browser, no book/vendor, on a fresh clone.
check: $(STAMP)
	@echo "==> ruff"
	@$(BIN)/ruff check .
	@echo "==> unit and processes tests"
	@$(BIN)/python -m pytest tests/unit tests/processes -q

# The built site as one file to pass on (USB stick, messaging app): unzip, open index.html.
zip: book
	@echo "==> zipping _build/html"
	@$(BIN)/python -m book.cli zip

# Build times, page weight and load times beside a plain Jupyter Book: bench/results.json.
bench: book
	@echo "==> benchmark (builds into bench/tmp; runs the test suite once)"
	@$(BIN)/python bench/run.py $(BENCH_ARGS)
	@echo "==> the room under load (40 phones, 10 questions, two rounds, a restart halfway)"
	@$(BIN)/python bench/room_load.py $(ROOM_BENCH_ARGS)

notebooks: $(STAMP)
	@echo "==> regenerating the exercise notebooks (both editions) from book/data"
	@$(BIN)/python -m book.cli notebooks

lab: $(STAMP)
	@echo "==> JupyterLab on 127.0.0.1 (Ctrl-C to stop); open the URL with its token"
	@# Work copies in $(LAB_DIR) (JupyterLab's saves never touch the tracked notebooks).
	@# Offline and private: no update checks, no news feed (book/notebooks/lab: settings overrides
	@# and the news plugin disabled), no extension manager lookups.
	@$(BIN)/python -c "from pathlib import Path; from book.notebooks.build import work_copies; work_copies(Path('$(LAB_DIR)'))"
	@$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(LAB_PORT) --no-browser --ServerApp.root_dir=$(LAB_DIR) \
		$(if $(filter 0,$(shell id -u)),--allow-root) \
		--LabApp.default_url=/lab/tree/exercises/tishreen.ipynb \
		--LabApp.app_settings_dir=book/notebooks/lab \
		--LabApp.news_url=None --LabApp.extension_manager=readonly \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

# The room (book/room): serves _build/html and /_room/ on the laptop's local-network addresses
# (ROOM_HOST: one or more addresses, default those of its Wi-Fi/Ethernet interfaces; ROOM_PORT,
# default 8765); prints the join address and its QR code, the projector and the facilitator's
# link with its secret. Answers go to answers/<session>-<hash>/ (ROOM_SESSION: today's date).
ROOM_PORT ?= 8765
room: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) html
	@echo "==> the room (Ctrl-C to stop); JupyterLab, if running, stays on 127.0.0.1"
	@ROOM_HOST="$(ROOM_HOST)" ROOM_PORT=$(ROOM_PORT) $(BIN)/python -m book.room

# 40 simulated phones, 10 questions, two rounds, a restart halfway: bench/room_results.json.
# Loopback only (the room on 127.0.0.2, phones 127.0.1.n); a stand-in book when none is built.
room-bench: $(STAMP)
	@$(BIN)/python bench/room_load.py $(ROOM_BENCH_ARGS)

# pyproject.toml is the truth: pin it (every extra) into requirements.lock, and derive
# binder/requirements.txt (what repo2docker reads: the book and the lab) from those pins.
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host
lock: $(STAMP)
	@echo "==> pinning pyproject.toml into requirements.lock and binder/requirements.txt"
	@$(COMPILE) --all-extras -o requirements.lock pyproject.toml
	@$(COMPILE) --extra lab --no-annotate -c requirements.lock -o binder/requirements.txt pyproject.toml

clean:
	rm -rf _build
