# Collectif — the two commands are `make run` and `make test`; the other targets are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test install messages compilemessages lint migrate demo serve scale-check

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Compile the committed .po catalogues (pure Python, no gettext needed on the machine).
compilemessages: install
	$(BIN)/pybabel compile --domain django --directory locale --statistics

## Refresh the .po catalogues from the code (developers only: needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages --locale fr --locale en --ignore ".venv/*" --ignore "node_modules/*" --no-obsolete

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate compilemessages
	$(BIN)/python manage.py load_demo

run: demo
	./scripts/run_dev.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint compilemessages
	@if [ ! -x /usr/bin/chromium ]; then echo "Chromium est introuvable : installez-le avec 'apt-get install -y chromium'." >&2; exit 1; fi
	$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest n'a exécuté aucun test : échec." >&2; exit 1; fi; exit $$status

## Two web instances and two workers on PostgreSQL, Redis and S3 (moto), checked by a scripted client.
scale-check: install compilemessages
	$(BIN)/python -m scripts.scale_check
