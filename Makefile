# Collectif — the two commands are `make run` and `make test`; the other targets are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test install messages compilemessages lint migrate demo serve vendor vendor-h5p

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

## Third-party front-end files, pinned by lockfiles and copied under static/vendor/ (gitignored).
vendor: vendor-h5p

## The H5P player (npm h5p-standalone, version pinned in h5p/npm/package-lock.json); its install script
## wants yarn, so scripts are skipped: only its prebuilt dist/ is used. Re-runs only when the lockfile changes.
H5P_STANDALONE_DIR := static/vendor/h5p-standalone
$(H5P_STANDALONE_DIR)/.version: h5p/npm/package-lock.json
	@command -v npm >/dev/null || { echo "npm est introuvable : installez Node.js et npm (apt-get install -y nodejs npm)." >&2; exit 1; }
	cd h5p/npm && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(H5P_STANDALONE_DIR) && mkdir -p $(H5P_STANDALONE_DIR)
	cp -R h5p/npm/node_modules/h5p-standalone/dist/. $(H5P_STANDALONE_DIR)/
	cp h5p/npm/node_modules/h5p-standalone/LICENSE $(H5P_STANDALONE_DIR)/LICENSE
	node -p "require('./h5p/npm/node_modules/h5p-standalone/package.json').version" > $@

vendor-h5p: $(H5P_STANDALONE_DIR)/.version

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate compilemessages
	$(BIN)/python manage.py load_demo

run: vendor demo
	./scripts/run_dev.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint compilemessages vendor
	@if [ ! -x /usr/bin/chromium ]; then echo "Chromium est introuvable : installez-le avec 'apt-get install -y chromium'." >&2; exit 1; fi
	$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest n'a exécuté aucun test : échec." >&2; exit 1; fi; exit $$status
