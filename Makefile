# Two entry points for a fresh machine (Python 3.11 + make):
#   make datasets   build datasets/ from seeds/ (creates .venv on first use)
#   make test       run the test suite (creates .venv on first use)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
# natasha's numpy is fastest with one BLAS thread per process (measured, see README).
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1

.PHONY: datasets test lint ui venv lock benchmark evaluate clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

# The build job = the contract's `dagster asset materialize -m pipeline --select '*'` minus
# the evaluation assets (those score the extraction; they publish nothing).
datasets: venv
	$(BIN)/dagster job execute -m pipeline -j build_datasets

test: venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .

ui: venv
	$(BIN)/dagster dev -w workspace.yaml

evaluate: venv
	$(BIN)/python -m pipeline.evaluation.factrueval
	$(BIN)/python -m pipeline.evaluation.corpus tests/fixtures/corpus --out reports/corpus.md

benchmark: venv
	$(BIN)/python benchmarks/run.py --n 2000

# Regenerate the pinned lock from pyproject.toml (needs the package registry).
lock:
	rm -rf /tmp/lockvenv && $(PYTHON) -m venv /tmp/lockvenv
	/tmp/lockvenv/bin/pip install --quiet '.[dev]'
	/tmp/lockvenv/bin/pip freeze --exclude-editable | grep -v '^ru-industry-datasets' > requirements.lock

clean:
	rm -rf $(VENV)
