# Everything a newcomer needs: `make demo` and `make test` set themselves up from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/interplay

.PHONY: setup demo test test-postgres e2e lint bench eval train-language messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/interplay serve --demo

test: setup
	$(PY) -m pytest

test-postgres: setup
	DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest

e2e: setup
	$(PY) -m pytest -m browser

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src/interplay/core src/interplay/language
	$(VENV)/bin/mypy src/interplay/web
	$(VENV)/bin/lint-imports

bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

eval: setup
	$(PY) -m interplay.language.evaluate

# Retrain the learned second opinion (about two minutes; deterministic) and print its figures.
train-language: setup
	$(PY) -m interplay.language.training.train_learned --write

# Rebuild the en-GB catalogue (each British English source string its own translation, so
# every gettext lookup finds its string at once). Needs GNU gettext (xgettext, msgen, msgfmt).
messages: setup
	rm -f src/interplay/web/locale/en_GB/LC_MESSAGES/django.po  # identity catalogue: rebuilt whole, never merged
	cd src/interplay/web && DJANGO_SETTINGS_MODULE=interplay.web.settings_test ../../../$(PY) -m django makemessages -l en_GB --no-location --no-obsolete
	msgen src/interplay/web/locale/en_GB/LC_MESSAGES/django.po -o src/interplay/web/locale/en_GB/LC_MESSAGES/django.po
	sed -i -e '/^#, fuzzy$$/d' -e 's/^"Language: \\n"/"Language: en_GB\\n"/' src/interplay/web/locale/en_GB/LC_MESSAGES/django.po
	msgfmt --check -o src/interplay/web/locale/en_GB/LC_MESSAGES/django.mo src/interplay/web/locale/en_GB/LC_MESSAGES/django.po

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
