# The two commands of README.md, each complete on a fresh machine with Python 3:
#   make serve   create .venv from the pinned requirements, then serve the site at 127.0.0.1:8000
#   make test    create .venv, install the system tools the tests need, then run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system serve test check stats tebak build ejaan benchmark mutation properdocs

$(STAMP): requirements.txt requirements-dev.txt requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c requirements.lock
	touch $@

setup: $(STAMP)

system:
	@sh scripts/tools/system-deps.sh

serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

test: setup system
	$(BIN)/python -m pytest -n auto --dist loadfile

# The exit route off MkDocs: a strict build of the course on ProperDocs, in an environment of its
# own (.cache/properdocs/venv). CI runs it after `make test`.
properdocs: setup
	$(BIN)/python -m pytest -m properdocs tests/test_properdocs.py

check: setup
	$(BIN)/python -m scripts check

stats: setup
	$(BIN)/python -m scripts stats

tebak: setup
	$(BIN)/python -m scripts tebak

build: setup system
	$(BIN)/mkdocs build --strict

ejaan: setup system
	$(BIN)/python -m scripts ejaan

# Not part of `make test`: needs npm (it installs Lighthouse 12 into .cache/ on first use).
benchmark: setup system
	$(BIN)/python -m scripts.tools.benchmark

# Not part of `make test`: about half an hour on two cores (see scripts/tools/mutation.py).
mutation: setup
	$(BIN)/python -m scripts.tools.mutation
