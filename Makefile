# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_STAMP := $(VENV)/.requirements
DEV_STAMP := $(VENV)/.requirements-dev
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test bench lint format browser axe sample clean

$(REQ_STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(DEV_STAMP): $(REQ_STAMP) requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(REQ_STAMP)
	LRT_APP_URL=http://$(HOST):$(PORT) $(PY) -m timeline sample load
	$(PY) app.py --host $(HOST) --port $(PORT)

# Browser tests need Debian's chromium; install it when missing and we are root.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; \
	else echo "chromium is not installed and we are not root: browser tests will be skipped"; fi

# The accessibility checks run axe-core from the npm registry, kept outside the checkout.
AXE_VERSION := 4.10.3
AXE_DIR := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/lrt-axe/$(AXE_VERSION)
axe:
	@if [ -f "$(AXE_DIR)/package/axe.min.js" ]; then :; \
	elif command -v npm >/dev/null; then \
	  mkdir -p "$(AXE_DIR)" && cd "$(AXE_DIR)" && npm pack -q axe-core@$(AXE_VERSION) >/dev/null \
	  && tar xzf axe-core-$(AXE_VERSION).tgz; \
	else echo "npm is not installed: the axe-core checks will be skipped"; fi

# Two workers on two cores: the browser journeys on one (one after another), the other
# modules spread over both (tests/conftest.py groups them). TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
test: $(DEV_STAMP) browser axe
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

bench: $(DEV_STAMP)
	$(PY) benchmarks/bench_import.py

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(DEV_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

sample: $(REQ_STAMP)
	$(PY) sample_data/generate.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .hypothesis
