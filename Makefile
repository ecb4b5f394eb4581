# `make demo` and `make test` set up a fresh machine: both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Airflow's published constraints for the pinned Airflow and Python; `make requirements` compiles
# requirements.txt (runtime, what the image installs) and requirements-dev.txt (plus the test, bench
# and dev tools, at the same versions) from pyproject.toml against them. Where GitHub is out of reach,
# pass AIRFLOW_CONSTRAINTS=requirements-dev.txt to keep every existing pin (docs/dependencies.md).
AIRFLOW_CONSTRAINTS ?= https://raw.githubusercontent.com/apache/airflow/constraints-3.3.2/constraints-3.11.txt
# Pins are resolved for the image's platform and the oldest Python 3.11 they all support
# (soupsieve, under beautifulsoup4, needs 3.11.5).
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --python-version 3.11.5 --python-platform x86_64-unknown-linux-gnu \
	--annotation-style line --custom-compile-command "make requirements" --quiet

# Debian packages: fonts and Pango for the PDF briefing (WeasyPrint; Latin, Vietnamese, CJK), Chromium and poppler for its tests.
SYSTEM_PACKAGES := fonts-dejavu-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 chromium poppler-utils

.PHONY: demo demo-site test test-fast lint bench requirements clean system-packages

$(READY): requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
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

# Everything, two workers: the suite is mostly waiting on servers, not CPU.
test: $(READY) system-packages
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# The inner loop: unit and quick integration tests, no Airflow runs or clusters.
test-fast: $(READY)
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not slow" $(PYTEST_ARGS)

# Regenerate include/demo/ (the replay site, its ground truth and sources) from tools/demo_site/.
demo-site: $(READY)
	$(BIN)/python tools/demo_site/build.py

lint: $(READY)
	$(BIN)/ruff check src tests dags benchmarks plugins tools
	$(BIN)/ruff format --check src tests dags benchmarks plugins tools
	$(BIN)/mypy
	$(BIN)/mypy tools/demo_site/build.py

bench: $(READY)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script $(BENCH_ARGS) || exit 1; done

requirements: $(READY)
	$(UV_COMPILE) --constraint $(AIRFLOW_CONSTRAINTS) --output-file requirements.txt
	$(UV_COMPILE) --extra test --extra bench --extra dev --constraint $(AIRFLOW_CONSTRAINTS) \
	  --constraint requirements.txt --output-file requirements-dev.txt

clean:
	rm -rf data/demo output
