"""An empty form's HTML, rendered once per language and process.

A form with no data and no errors renders to the same HTML every time (its labels depend only
on the language), yet Django's template-based form rendering costs several template renders a
field. Pages that show a fresh form on every visit (the dashboard's invitation, the new note)
use this instead of `{{ form.as_div }}`; a bound form, with its values and errors, is always
rendered afresh. An unbound form with initial values is the same HTML for the same values
(`initial_form_html`, the session planner's proposal in its text box): kept too, in this
process's memory only, keyed by the values themselves."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def blank_form_html(form_class: type[forms.Form]) -> SafeString:
    """`form_class().as_div()`, rendered once per language."""
    return _rendered(form_class, get_language())


@lru_cache(maxsize=64)
def _rendered(form_class: type[forms.Form], language: str | None) -> SafeString:
    return form_class().as_div()


def initial_form_html(form_class: type[forms.Form], initial: Mapping[str, Any]) -> SafeString:
    """`form_class(initial=initial).as_div()` (unbound: no errors), rendered once per set of
    initial values and language."""
    key = tuple(sorted((name, value) for name, value in initial.items()))
    return _rendered_with(form_class, key, get_language())


@lru_cache(maxsize=256)
def _rendered_with(
    form_class: type[forms.Form], initial: tuple[tuple[str, Any], ...], language: str | None
) -> SafeString:
    return form_class(initial=dict(initial)).as_div()
