# Two commands set everything up on a machine with only python3 and make:
#   make demo   - the main job on the bundled data
#   make test   - the whole test suite (what CI runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck wheel pytest fuzz mutate docs docs-shots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The demo needs only the library and what the report draws with; the tests
# and the docs need the whole dev extra.
DEMO_STAMP := $(VENV)/.installed-demo

$(DEMO_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[calendar,plot]"
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/de-an06 report

test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests examples docs $(wildcard benchmarks)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy --strict src tests

# The suite runs against the built wheel, installed apart from the source tree,
# so a file missing from the wheel (package data!) fails here, not for users.
WHEEL_SITE := build/wheel-site

wheel: $(STAMP)
	rm -rf build/wheel $(WHEEL_SITE)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w build/wheel .
	$(BIN)/python -m pip install --quiet --no-deps --target $(WHEEL_SITE) build/wheel/*.whl

pytest: wheel
	DE_AN06_WHEEL_SITE=$(WHEEL_SITE) PYTHONPATH=$(WHEEL_SITE) $(BIN)/python -m pytest \
		--cov=de_an06 --cov-branch --cov-report=term --ignore=tests/docs_html \
		tests docs --pyargs de_an06

# Long fuzzing of every reader and of the command line (not part of `make test`,
# which runs the same tests with few examples): 100,000 examples per raw-input
# test, fewer for whole generated documents (see tests/fuzz/fuzzing.py), the
# public-API contract (tests/test_contract.py) and the writer/reader agreement
# (tests/test_agreement.py), on both
# cores, each example bounded by the fuzz profile's deadline and each test by
# --timeout (seconds). Prints the examples each test ran.
fuzz: wheel
	DE_AN06_FUZZ_EXAMPLES=100000 PYTHONPATH=$(WHEEL_SITE) $(BIN)/python -m pytest \
		-p no:cacheprovider -m fuzz -n 2 --timeout=1500 --hypothesis-show-statistics \
		tests/fuzz tests/test_contract.py tests/test_agreement.py

# Mutation testing of _kernel, analysis and parsing (not part of `make test`).
# DE_AN06_MUTATE loads a small, derandomised Hypothesis profile, so that each
# mutant's verdict is repeatable; the score is printed at the end.
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,mutate]"
	rm -rf mutants
	DE_AN06_MUTATE=1 $(BIN)/mutmut run
	$(BIN)/python benchmarks/mutation_score.py

# The site, then the checks that read the built pages (tests/docs_html/): the
# notebook and the gallery scripts run during the build (myst-nb caches the
# notebook's outputs in docs/_build/.jupyter_cache).
DOCS_HTML := docs/_build/html

docs: $(STAMP)
	$(BIN)/sphinx-build -E -n -W --keep-going -b html docs $(DOCS_HTML)
	DE_AN06_DOCS_HTML=$(DOCS_HTML) $(BIN)/python -m pytest -q -p no:cacheprovider \
		--no-cov tests/docs_html

# Screenshots of a few pages at 1366x900 in headless Chromium (Playwright),
# to look at the site as a reader does; written to docs/_build/shots/.
docs-shots: docs
	$(BIN)/python docs/_shots.py $(DOCS_HTML) docs/_build/shots

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/read_table.py
	$(BIN)/python benchmarks/csv_reader.py
	$(BIN)/python benchmarks/prose.py
	$(BIN)/python benchmarks/dask_bench.py
	$(BIN)/python benchmarks/dashboard_bench.py

clean:
	rm -rf $(VENV) build mutants docs/_build .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis
