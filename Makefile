# Collectif — the two commands are `make run` and `make test`; the other targets are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test install lock messages compilemessages lint migrate demo serve vendor vendor-h5p vendor-scorm scale-check bench bench-import load faults

# Front-end libraries are vendored from npm at a pinned version and checked against the registry's
# integrity hash; they land in static/vendor/ (gitignored). Mermaid draws case graphs in the admin preview.
MERMAID_VERSION := 11.12.0
MERMAID_INTEGRITY := sha512-ZudVx73BwrMJfCFmSSJT84y6u5brEoV8DOItdHomNLz32uBjNrelm7mg95X7g+C6UoQH/W6mBLGDEDv73JdxBg==
MERMAID := static/vendor/mermaid/mermaid-$(MERMAID_VERSION).stamp

# Installs the exact versions (with hashes) of requirements-dev.lock, then the project without dependencies.
$(STAMP): requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

install: $(STAMP)

## Refresh both lockfiles from pyproject.toml (developers, after changing a dependency): pip-tools, hashes included.
lock:
	test -x $(VENV)/piptools/bin/pip-compile || { $(PYTHON) -m venv $(VENV)/piptools && $(VENV)/piptools/bin/pip install --quiet "pip-tools>=7.4,<8"; }
	$(VENV)/piptools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links -o requirements.lock pyproject.toml
	$(VENV)/piptools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

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
vendor: vendor-h5p vendor-scorm

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

## The SCORM runtime (npm scorm-again, version pinned in scorm/npm/package-lock.json): its prebuilt browser bundles
## for SCORM 1.2 and 2004 and its cross-frame pair (the module runs sandboxed, the runtime on the lesson page), with
## their source maps: each bundle names its map, and collectstatic's manifest storage refuses a missing one.
SCORM_AGAIN_DIR := static/vendor/scorm-again
SCORM_AGAIN_FILES := scorm12.min.js scorm2004.min.js cross-frame-api.min.js cross-frame-lms.min.js
$(SCORM_AGAIN_DIR)/.version: scorm/npm/package-lock.json
	@command -v npm >/dev/null || { echo "npm est introuvable : installez Node.js et npm (apt-get install -y nodejs npm)." >&2; exit 1; }
	cd scorm/npm && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(SCORM_AGAIN_DIR) && mkdir -p $(SCORM_AGAIN_DIR)
	cd scorm/npm/node_modules/scorm-again/dist && cp $(SCORM_AGAIN_FILES) $(SCORM_AGAIN_FILES:=.map) $(CURDIR)/$(SCORM_AGAIN_DIR)/
	cp scorm/npm/node_modules/scorm-again/LICENSE* $(SCORM_AGAIN_DIR)/
	node -p "require('./scorm/npm/node_modules/scorm-again/package.json').version" > $@

vendor-scorm: $(SCORM_AGAIN_DIR)/.version

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate compilemessages
	$(BIN)/python manage.py load_demo

run: vendor demo
	./scripts/run_dev.sh

## Python lint and format, template lint, and no model change left without its migration.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint --quiet templates */templates
	DJANGO_SETTINGS_MODULE=collectif.settings.test $(BIN)/python manage.py makemigrations --check --dry-run >/dev/null \
		|| { echo "Des modèles ont changé sans migration : lancez manage.py makemigrations." >&2; exit 1; }

## The whole suite on both cores (pytest-xdist), browser tests included. scripts/test_services.py installs
## Chromium when it is missing and starts a throwaway Redis when none answers, then stops it.
PYTEST_WORKERS ?= 2
test: lint compilemessages vendor
	$(BIN)/python -m scripts.test_services --chromium -- $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest n'a exécuté aucun test : échec." >&2; exit 1; fi; exit $$status

## Two web instances and two workers on PostgreSQL, Redis and S3 (moto), checked by a scripted client.
scale-check: install compilemessages
	$(BIN)/python -m scripts.test_services -- $(BIN)/python -m scripts.scale_check

## Key pages at scale (PostgreSQL database collectif_bench, seeded once), through gunicorn with production settings.
## Prints each target with its measured figure; writes bench/results/latest.json and latest.md. Not part of `make test`.
bench: install compilemessages vendor
	$(BIN)/python -m bench.runner

## A manager's CSV import of 2,000 people on a throwaway database (target: under 10 s). Prints the figures.
bench-import: install compilemessages
	$(BIN)/python -m bench.csv_import

## Bounded load test (200 learners and 40 live-session voters for 2 minutes, 127.0.0.1 only), then a check that
## nothing sent was lost or doubled.
load: install compilemessages vendor
	$(BIN)/python -m bench.load

## Faults on loopback (about 5 minutes): learners keep working while Redis, PostgreSQL and the task worker fail
## (own PostgreSQL and Redis on spare ports); then nothing acknowledged may be lost, altered, doubled or mixed.
faults: install compilemessages vendor
	$(BIN)/python -m bench.faults
