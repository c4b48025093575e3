# IBIS Hub: `make run` serves the site with demo content, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The site's own address (SITE_URL, in e-mails) follows the port unless SITE_URL is set.
export PORT
export DJANGO_SETTINGS_MODULE := hub.settings

.PHONY: install run test lint format bench chaos browser-tools clean backup restore messages compiled-messages gettext screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed compiled-messages

# Translations (docs/translation.md). The catalogues (locale/<lang>/LC_MESSAGES/django.po) are sources;
# the .mo files Django reads are built from them (never committed). GNU gettext's tools do both.
gettext:
	@command -v msgfmt >/dev/null || { echo "Installing Debian's gettext for the translations"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext) >/dev/null; }

compiled-messages: gettext $(VENV)/.installed
	@if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
		$(BIN)/python manage.py compilemessages --ignore .venv --ignore node_modules --verbosity 0; fi

# Brings every catalogue of TRANSLATED_LANGUAGES up to date with the code (new strings in, gone ones
# marked obsolete), then compiles them. Translators: run it, translate what is empty or fuzzy.
messages: gettext $(VENV)/.installed
	$(BIN)/python manage.py update_catalogues
	$(BIN)/python manage.py compilemessages --ignore .venv --ignore node_modules --verbosity 0

# docs/screenshots/<lang>-home.png and <lang>-practice.png for every language with a catalogue.
screenshots: install browser-tools
	$(BIN)/python bench/screenshots.py

# Browser tests need Debian's Chromium (never a downloaded browser) and axe-core from npm.
browser-tools: node_modules/axe-core/axe.min.js
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Demo moderator: user name 'moderator', password 'ibis-moderator-demo' (sign in at /accounts/login/)"
	@echo "Serving IBIS Hub on http://127.0.0.1:$(PORT)/ (and a background worker for e-mail)"
	@# The handler stops the two children by their ids and clears itself first: a `kill 0` here signalled
	@# the shell too, which ran the handler again and again until it crashed ("Segmentation fault").
	$(BIN)/python manage.py db_worker --no-reload --no-startup-delay & worker=$$!; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT) --noreload & server=$$!; \
	trap 'trap - INT TERM; kill -TERM $$worker $$server 2>/dev/null; wait; exit 0' INT TERM; \
	wait $$server; kill -TERM $$worker 2>/dev/null; wait

test: install browser-tools
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# A copy of the whole database (SQLite backup API or pg_dump -Fc) under var/backups/, or at FILE=….
backup: install
	$(BIN)/python manage.py backup $(FILE)

# Replaces the whole database with a backup: make restore FILE=var/backups/….
restore: install
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=var/backups/…"; exit 2; }
	$(BIN)/python manage.py restore $(FILE)

bench: install
	$(BIN)/python bench/run.py

# Load and faults on PostgreSQL + Redis + gunicorn (docs/operations.md); not in CI. CHAOS_ARGS="--duration 60"
chaos: install
	$(BIN)/python bench/chaos.py $(CHAOS_ARGS)

clean:
	rm -rf $(VENV) node_modules var/static
