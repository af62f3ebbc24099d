# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in two processes (pytest-xdist; a file's tests stay together): TEST_WORKERS=0 for one.
TEST_WORKERS ?= 2

.PHONY: run test lint format migrate import serve bench soak clean screenshots score accuracy

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency list or the lock changes.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_statements
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The browser tests save screenshots under var/screenshots/ (ignored); this also refreshes the
# README's pictures, docs/screenshot-*.png (tests/browser/test_readme_screenshots.py), which
# `make test` never touches.
screenshots: $(VENV)/.installed
	UPDATE_README_SCREENSHOT=1 $(BIN)/pytest tests/browser -q -k screenshot

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# wrk for 60 s on a mix of pages; fails on errors or workers' memory growth (docs/PERFORMANCE.md).
soak: $(VENV)/.installed
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

clean:
	rm -rf $(VENV) var/archive.sqlite3* .pytest_cache .ruff_cache

# The extraction against the hand-written gold (docs/EXTRACTION.md): SPLIT=tune|blind|all.
SPLIT ?= tune
score: $(VENV)/.installed
	$(BIN)/python manage.py score_extraction --split $(SPLIT) $(SCORE_ARGS)

# Refresh the blind figures the method page shows (/about/method/), after a change to extraction.
accuracy: $(VENV)/.installed
	$(BIN)/python manage.py score_extraction --split blind --output statements/ingest/data/accuracy_blind.json
