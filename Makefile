# `make demo` and `make test` set up a fresh machine: both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

# Debian packages: fonts for the PDF briefing (Latin, Vietnamese, CJK), Chromium and poppler for its tests.
SYSTEM_PACKAGES := fonts-dejavu-core fonts-noto-cjk chromium poppler-utils

.PHONY: demo test bench clean system-packages

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else echo "make: please install these Debian packages: $$missing" >&2; fi; \
	fi

demo: $(READY) system-packages
	@$(BIN)/pantau demo

test: $(READY) system-packages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(READY)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; PYTHONPATH=plugins $(BIN)/python $$script $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf data/demo output
