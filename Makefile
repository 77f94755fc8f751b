# Rapport: every command sets itself up (a local .venv with pinned packages) on first use.
#   make serve   preview the site at http://127.0.0.1:8000 (reloads when you save)
#   make test    run the whole test suite, browser tests included
# See README.md for the rest.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
IMPORT_STAMP := $(VENV)/.import-installed
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt

# Material prints an end-of-life banner on every run; handbook/dependencies.md says why.
include scripts/mkdocs.env
# Dates in the built site (sitemap.xml) come from the last commit, not the clock, so the same
# commit always builds the same bytes.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif

.PHONY: serve build offline pages check import test test-fast test-browser fuzz browser bench mutate screenshots lock clean

serve: $(SITE_STAMP) ## Preview the site at http://127.0.0.1:8000
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(SITE_STAMP) ## Build the site into site/
	$(PY) -m mkdocs build --strict

offline: $(SITE_STAMP) ## Build dist/rapport-offline.zip: the site, readable from the file system
	rm -rf dist/offline
	OFFLINE=true $(PY) -m mkdocs build --strict --site-dir dist/offline
	$(PY) scripts/pack_offline.py dist/offline dist/rapport-offline.zip

pages: $(SITE_STAMP) ## Regenerate docs/ from content/ (every article and the glossary)
	$(PY) scripts/build_pages.py

check: $(SITE_STAMP) ## Fail if docs/ is out of date with content/
	$(PY) scripts/build_pages.py --check

# SRC is a saved page (.html, .htm, .txt) or a folder of them; ARGS passes --name, --url or --force.
import: $(IMPORT_STAMP) ## Import a saved web page into a draft and a report in content/drafts/
	@if [ -z "$(SRC)" ]; then echo "make import: name the saved page, e.g. make import SRC=page.html" >&2; exit 2; fi
	$(PY) scripts/import_page.py "$(SRC)" $(ARGS)

test: $(TEST_STAMP) browser ## Run every test (browser tests need Chromium: installed if root)
	$(PY) scripts/build_pages.py --check
	$(PY) -m pytest

test-fast: $(TEST_STAMP) ## The quick loop: tests that need no browser, no site build, no Zensical
	$(PY) -m pytest -m "not browser and not build and not zensical"

test-browser: $(TEST_STAMP) browser ## Run only the browser tests
	$(PY) -m pytest -m browser

# Property tests with ten times the examples and a random seed (SEED=n repeats a run). CI and
# `make test` stay deterministic; this looks for new cases on purpose.
fuzz: $(TEST_STAMP) ## Look for new failing cases: the property tests, many more examples, a random seed
	@seed=$${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "make fuzz: seed $$seed (repeat this run with: make fuzz SEED=$$seed)"; \
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -m property --hypothesis-seed=$$seed \
	  --hypothesis-show-statistics -q || { \
	  echo; \
	  echo "make fuzz found a failing case (seed $$seed). Hypothesis printed it above as"; \
	  echo "'Falsifying example: test_name(arg=...)'. Keep it: add @example(arg=...) with those"; \
	  echo "values above the test's @given, fix the code, then run make test."; \
	  exit 1; }

browser: ## Install Debian's Chromium (and Java for the HTML validator) when missing
	@if [ ! -x "$${RAPPORT_CHROMIUM:-/usr/bin/chromium}" ] || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; \
	  else \
	    echo "note: Chromium or Java is missing, so browser tests will skip;" \
	         "install them with: sudo apt-get install chromium default-jre-headless"; \
	  fi; \
	fi

bench: $(TEST_STAMP) browser ## Print the performance figures (handbook/performance.md)
	$(PY) scripts/bench.py

mutate: $(TEST_STAMP) ## Mutation testing of the generator and hooks: prints the score (slow)
	$(PY) scripts/mutate.py

screenshots: $(TEST_STAMP) browser ## Retake the README's screenshots (docs/assets/screenshots)
	$(PY) scripts/screenshots.py

lock: $(TEST_STAMP) ## Record the exact versions installed into requirements/constraints.txt
	{ sed -n '1,3p' requirements/constraints.txt; $(PY) -m pip freeze --exclude-editable | sort -f; } > requirements/constraints.new
	mv requirements/constraints.new requirements/constraints.txt

clean: ## Remove the virtualenv and build output
	rm -rf $(VENV) site .cache .pytest_cache .hypothesis

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt requirements/constraints.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements/site.txt
	touch $@

# The importer's packages (trafilatura, markdownify) are its own: the site build never needs them.
$(IMPORT_STAMP): $(SITE_STAMP) requirements/import.txt requirements/constraints.txt
	$(PIP_INSTALL) -r requirements/import.txt
	touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements/test.txt requirements/zensical.txt requirements/import.txt
	$(PIP_INSTALL) -r requirements/test.txt -r requirements/zensical.txt -r requirements/import.txt
	touch $@
