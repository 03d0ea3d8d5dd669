# Two commands on a fresh machine: `make run` (set up, then serve the app) and `make test` (set up, then run
# every test). Setup needs the package registries (PyPI, npm, Debian); after it the app runs offline.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Empty: the address in .streamlit/config.toml (127.0.0.1, this machine only); `make run ADDRESS=0.0.0.0` serves
# the network too.
ADDRESS ?=
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup setup-dev data update bench messages clean

# scripts.appserver is `streamlit run` with Streamlit's lookups of this machine's public address switched off.
run: setup
	$(BIN)/python -m scripts.appserver run app.py --server.port $(PORT) $(if $(ADDRESS),--server.address $(ADDRESS))

test: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

setup: $(VENV)/.runtime static/vendor/.copied

setup-dev: setup $(VENV)/.dev $(CHROMIUM)

data: setup
	$(BIN)/python -m lib.build

# Fetch ICE's newest 287(g) sheets into ../shared/data/raw-updates/; for a new one, add its entry to sources.yaml and
# rebuild data/; write a report.
update: setup
	$(BIN)/python -m lib.build.update

# New or changed texts in the code go into the Spanish catalog (untranslated, for a person to translate); texts
# the code no longer has are dropped. `python -m scripts.translations` then lists what is missing.
messages: setup
	$(BIN)/pybabel --quiet extract --mapping-file babel.cfg --sort-by-file --no-wrap \
		--output-file locale/messages.pot .
	$(BIN)/pybabel --quiet update --no-fuzzy-matching --no-wrap --ignore-obsolete \
		--input-file locale/messages.pot --output-file locale/es/LC_MESSAGES/messages.po --locale es
	rm locale/messages.pot

# Speed of the app against a naive folium baseline, on localhost; prints the figures, writes bench/results.json.
bench: setup-dev
	$(BIN)/python -m bench.run

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Leaflet and topojson-client are served by the app itself (Streamlit static serving): the map needs no CDN.
static/vendor/.copied: node_modules/.package-lock.json
	rm -rf static/vendor
	mkdir -p static/vendor
	cp -r node_modules/leaflet/dist static/vendor/leaflet
	cp -r node_modules/topojson-client/dist static/vendor/topojson-client
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core

clean:
	rm -rf $(VENV) node_modules static/vendor
