# `make demo` and `make test` set up a fresh machine: both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: demo test bench clean

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

demo: $(READY)
	@$(BIN)/pantau demo

test: $(READY)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(READY)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; PYTHONPATH=plugins $(BIN)/python $$script $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf data/demo output
