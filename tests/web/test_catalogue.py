"""The compiled en-GB catalogue: every page's strings are found at once instead of missing
and walking the fallbacks (docs/benchmarks.md)."""

from pathlib import Path

from django.utils import translation

import interplay.web

LOCALE = Path(interplay.web.__file__).parent / "locale" / "en_GB" / "LC_MESSAGES"


def test_the_catalogue_is_compiled_and_shipped():
    assert (LOCALE / "django.po").exists() and (LOCALE / "django.mo").exists()


def test_page_strings_are_in_the_catalogue():
    with translation.override("en-gb"):
        catalog = translation.trans_real.translation("en-gb")._catalog
        for text in ("Your clients at a glance", "Your journal", "Your session notes"):
            assert text in catalog, text


def test_the_catalogue_translates_each_string_to_itself():
    import re

    text = (LOCALE / "django.po").read_text()
    assert "#, fuzzy" not in text
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.M)
    assert len(pairs) > 500
    # (a msgstr wrapped over lines starts with "" here: only one-line ones are compared)
    assert [p for p in pairs if p[1] and p[0] != p[1]] == []
