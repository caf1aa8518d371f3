# Two entry points for a fresh machine (Python 3.11 + make):
#   make datasets   build datasets/ from seeds/ (creates .venv on first use)
#   make test       run the test suite (creates .venv and .venv-cluster on first use)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The Dask code location's environment: both locks and this package, an install of its own
# (why dask stays out of .venv: pipeline/cluster.py).
CLUSTER_VENV := .venv-cluster
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: datasets test lint ui venv cluster-venv lock benchmark evaluate clean

venv: $(VENV)/.installed

# The uninstall line: a .venv made before the cluster packages had their own environment
# still holds them; pip skips what is not installed.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip uninstall --quiet --yes -r requirements-cluster.lock 2>/dev/null
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

cluster-venv: $(CLUSTER_VENV)/.installed

# A .venv-cluster of an older layout (no pip of its own, .venv reached through a .pth
# file) is made anew.
$(CLUSTER_VENV)/.installed: requirements.lock requirements-cluster.lock pyproject.toml
	test -x $(CLUSTER_VENV)/bin/pip || rm -rf $(CLUSTER_VENV)
	test -x $(CLUSTER_VENV)/bin/python || $(PYTHON) -m venv $(CLUSTER_VENV)
	$(CLUSTER_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CLUSTER_VENV)/bin/python -m pip install --quiet -r requirements.lock \
	  -r requirements-cluster.lock
	$(CLUSTER_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $@

# The build job = the contract's `dagster asset materialize -m pipeline --select '*'` minus
# the evaluation assets (those score the extraction; they publish nothing).
# pipeline/build.py runs `dagster job execute -m pipeline -j build_datasets`, keeps Dagster's
# event stream in a log file and ends with a summary.
datasets: venv
	$(BIN)/python -m pipeline.build

test: venv cluster-venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .

ui: venv cluster-venv
	$(BIN)/dagster dev -w workspace.yaml

evaluate: venv
	$(BIN)/python -m pipeline.evaluation.factrueval
	$(BIN)/python -m pipeline.evaluation.corpus --all --out reports/corpus.md
	$(BIN)/python -m pipeline.evaluation.agreement --out reports/status_agreement.md
	$(BIN)/python -m pipeline.evaluation.plants_agreement --out reports/plants_agreement.md

benchmark: venv
	$(BIN)/python benchmarks/run.py --n 2000

# Regenerate the pinned lock from pyproject.toml (needs the package registry).
lock:
	rm -rf /tmp/lockvenv && $(PYTHON) -m venv /tmp/lockvenv
	/tmp/lockvenv/bin/pip install --quiet '.[dev]'
	/tmp/lockvenv/bin/pip freeze --exclude-editable | grep -v '^ru-industry-datasets' > requirements.lock
	/tmp/lockvenv/bin/pip install --quiet '.[dev,cluster]'
	sed -n '/^#/p' requirements-cluster.lock > requirements-cluster.lock.new
	/tmp/lockvenv/bin/pip freeze --exclude-editable | grep -v '^ru-industry-datasets' \
	  | grep -vxF -f requirements.lock >> requirements-cluster.lock.new
	mv requirements-cluster.lock.new requirements-cluster.lock

clean:
	rm -rf $(VENV) $(CLUSTER_VENV)
