"""An empty form's HTML, rendered once per language and process.

A form with no data and no errors renders to the same HTML every time (its labels depend only
on the language), yet Django's template-based form rendering costs several template renders a
field. Pages that show a fresh form on every visit (the dashboard's invitation, the new note)
use this instead of `{{ form.as_div }}`; a bound form, with its values and errors, is always
rendered afresh."""

from __future__ import annotations

from functools import lru_cache

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def blank_form_html(form_class: type[forms.Form]) -> SafeString:
    """`form_class().as_div()`, rendered once per language."""
    return _rendered(form_class, get_language())


@lru_cache(maxsize=64)
def _rendered(form_class: type[forms.Form], language: str | None) -> SafeString:
    return form_class().as_div()
