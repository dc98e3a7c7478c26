# Collectif — the two commands are `make run` and `make test`; the other targets are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test install messages compilemessages lint migrate demo serve vendor vendor-h5p scale-check bench load

# Front-end libraries are vendored from npm at a pinned version and checked against the registry's
# integrity hash; they land in static/vendor/ (gitignored). Mermaid draws case graphs in the admin preview.
MERMAID_VERSION := 11.12.0
MERMAID_INTEGRITY := sha512-ZudVx73BwrMJfCFmSSJT84y6u5brEoV8DOItdHomNLz32uBjNrelm7mg95X7g+C6UoQH/W6mBLGDEDv73JdxBg==
MERMAID := static/vendor/mermaid/mermaid-$(MERMAID_VERSION).stamp

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

$(MERMAID):
	rm -rf static/vendor/mermaid var/npm && mkdir -p static/vendor/mermaid var/npm
	cd var/npm && npm pack --silent mermaid@$(MERMAID_VERSION) >/dev/null
	test "$$(python3 -c 'import base64,hashlib,sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' var/npm/mermaid-$(MERMAID_VERSION).tgz)" = "$(MERMAID_INTEGRITY)" \
		|| { echo "mermaid $(MERMAID_VERSION) : empreinte inattendue, archive refusée." >&2; exit 1; }
	tar -xzf var/npm/mermaid-$(MERMAID_VERSION).tgz -C static/vendor/mermaid --strip-components=2 package/dist/mermaid.min.js
	rm -rf var/npm
	touch $@

vendor: $(MERMAID)

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

## Two web instances and two workers on PostgreSQL, Redis and S3 (moto), checked by a scripted client.
scale-check: install compilemessages
	$(BIN)/python -m scripts.scale_check

## Key pages at scale (PostgreSQL database collectif_bench, seeded once), through gunicorn with production settings.
## Prints each target with its measured figure; writes bench/results/latest.json and latest.md. Not part of `make test`.
bench: install compilemessages vendor
	$(BIN)/python -m bench.runner

## Bounded load test (200 learners and 40 live-session voters for 2 minutes, 127.0.0.1 only), then a check that
## nothing sent was lost or doubled.
load: install compilemessages vendor
	$(BIN)/python -m bench.load
