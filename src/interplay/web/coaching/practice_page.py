"""The coach's view of a client's shared practice (`practice/coach_client.html`'s content)
written in Python.

With the template the page rendered some twenty-five translation tags, two includes and the
loops and variables around them on every request, over half of what the page cost beyond the
signed-in floor (docs/benchmarks.md). Here the fixed wording is translated once per language
(`_words`), the selects' options are written once per language and choice, and the page is put
together from `coach_practice_view`'s context; every value goes through `e`. The map, which
few clients share, stays its templates (`relationships/_picture.html` and
`_recommendations.html`, which the client's own map page uses too)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interplay.web.coaching.practice import options_html
from interplay.web.kernel.html import e
from interplay.web.kernel.templatetags.idempotency import idempotency_field
from interplay.web.labels import practice as practice_labels
from interplay.web.practice.models import Experiment

# The form's selects: their field, and the table their choices come from.
SELECTS: dict[str, dict[Any, Any]] = {
    "technique": practice_labels.TECHNIQUES,
    "direction": practice_labels.DIRECTIONS,
    "stakes": practice_labels.STAKES,
}


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The page's fixed wording in one language. Not escaped, as `{% translate %}` does not
    escape a literal: the wording and its translations are ours, like the template's."""
    return {
        "title": _("%(name)s: practice"),
        "heading": _("%(name)s’s practice"),
        "sections_about": _("Sections about %(name)s"),
        "lead": _("Only what your client chose to share."),
        "values": _("Values the client shared"),
        "none_shared": _("None shared."),
        "beliefs": _("Beliefs the client shared"),
        "alternative": _("Alternative:"),
        "experiments": _("Experiments the client shared"),
        "feared": _("Feared:"),
        "during": _("during"),
        "feared_happened": _("feared outcome happened:"),
        "no_experiments": _(
            "No experiments shared. Experiments are private unless the client shares them one "
            "by one."
        ),
        "map": _("Relationship map"),
        "map_empty": _("The map is shared but still empty."),
        "map_private": _("The map is private."),
        "suggest": _("Suggest an experiment"),
        "waiting": _("Waiting for your client:"),
        "short_name": _("A short name"),
        "what": _("What they might do"),
        "technique": _("Technique"),
        "direction": _("Direction"),
        "stakes": _("Stakes"),
        "choose": _("Choose…"),
        "suggest_it": _("Suggest it"),
        "back": _("Back to the client"),
    }


def title(name: str) -> SafeString:
    """The page's title (`{% blocktranslate %}`'s, the name escaped)."""
    return SafeString(_words(get_language())["title"] % {"name": e(name)})


@lru_cache(maxsize=64)
def _options(field: str, selected: str | None, language: str | None) -> SafeString:
    return options_html(practice_labels.choices(SELECTS[field]), selected)


def select_options(field: str, selected: str | None) -> SafeString:
    """A select's options with `selected` marked, written once per language and choice: a
    value that is none of the choices marks none, as the template's comparison did, so what
    a request posts never grows the cache."""
    known = {value for value, _label in practice_labels.choices(SELECTS[field])}
    return _options(field, selected if selected in known else None, get_language())


def _tabs(sections: Sequence[Mapping[str, Any]], name: str, w: Mapping[str, str]) -> str:
    """`coaching/_client_tabs.html`."""
    current = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{e(link["href"])}"{current if link["current"] else ""}>'
        f"{e(link['title'])}</a></li>"
        for link in sections
    )
    return (
        f'<nav class="section-tabs" aria-label="{w["sections_about"] % {"name": e(name)}}">\n'
        f"  <ul>{items}</ul>\n</nav>\n"
    )


def _lower(display: object) -> str:
    # The template's `|lower` on a choice's label.
    return e(str(display).lower())


def _experiment(item: Experiment, w: Mapping[str, str]) -> str:
    feared = ""
    if item.feared_outcome:
        scale = f" ({e(item.anxiety_predicted)}/10)" if item.anxiety_predicted is not None else ""
        feared = f'<p class="muted">{w["feared"]} {e(item.feared_outcome)}{scale}</p>'
    done = ""
    if item.status == "done":
        done = (
            f'<p>{e(item.what_happened)} <span class="muted">({w["during"]} '
            f"{e(item.anxiety_during)}/10; {w['feared_happened']} "
            f"{_lower(item.get_feared_outcome_happened_display())})</span></p>"
        )
    return (
        f'\n  <li><strong>{e(item.title)}</strong> <span class="tag">'
        f"{e(item.get_status_display())}</span> "
        f'<span class="muted">{e(item.get_direction_display())}, '
        f"{_lower(item.get_stakes_display())}</span>\n    {feared}\n    {done}</li>\n  "
    )


def _panel(view: Mapping[str, Any], w: Mapping[str, str]) -> str:
    """`practice/_coach_panel.html`: what the client shared."""
    none = f"<p>{w['none_shared']}</p>"
    values = (
        "<ul>" + "".join(f"<li>{e(v.label)}</li>" for v in view["values"]) + "</ul>"
        if view["values"]
        else none
    )
    if view["beliefs"]:
        beliefs = (
            '\n<ul class="plain entries">'
            + "".join(
                f"<li><p>{e(belief.belief)}</p>"
                + (
                    f'<p class="muted">{w["alternative"]} {e(belief.alternative)}</p>'
                    if belief.alternative
                    else ""
                )
                + f'<p class="evidence">{e(outcome.summary)}</p></li>'
                for belief, outcome in view["beliefs"]
            )
            + "</ul>\n"
        )
    else:
        beliefs = none
    if view["experiments"]:
        stats = f"<p>{e(view['stats'].sentence())}</p>" if view["stats"] else ""
        items = "".join(_experiment(item, w) for item in view["experiments"])
        experiments = f'\n{stats}\n<ul class="plain entries">\n  {items}\n</ul>\n'
    else:
        experiments = f"<p>{w['no_experiments']}</p>"
    if view["map"]:
        shown = {"view": view["map"]}
        people = (
            f"\n{render_to_string('relationships/_picture.html', shown)}\n"
            f"{render_to_string('relationships/_recommendations.html', shown)}\n"
        )
    elif view["map_shared"]:
        people = f"<p>{w['map_empty']}</p>\n"
    else:
        people = f"<p>{w['map_private']}</p>"
    return (
        f"\n<h2>{w['values']}</h2>\n{values}\n<h2>{w['beliefs']}</h2>\n{beliefs}\n"
        f"<h2>{w['experiments']}</h2>\n{experiments}\n<h2>{w['map']}</h2>\n{people}\n"
    )


def practice_page_html(context: Mapping[str, Any], request: HttpRequest) -> SafeString:
    """The page's content block for `context` (the view's: the client, `coach_practice_view`,
    the section links, the form as typed, its error and the way back), as
    `practice/coach_client.html` wrote it."""
    w = _words(get_language())
    name, view, form = context["client"].name, context["view"], context["form"]
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'
    waiting = ""
    if view["suggestions"]:
        titles = ", ".join(e(s.title) for s in view["suggestions"])
        waiting = f"<p>{w['waiting']} {titles}</p>"
    error = context["error"]
    shown_error = f'<p class="message message-error" role="alert">{e(error)}</p>' if error else ""
    page = (
        f"\n<h1>{w['heading'] % {'name': e(name)}}</h1>\n"
        f"{_tabs(context['sections'], name, w)}\n"
        f'<p class="lead">{w["lead"]}</p>\n'
        f"{_panel(view, w)}\n"
        f'<h2 id="suggest">{w["suggest"]}</h2>\n{waiting}\n{shown_error}\n'
        f'<form method="post" aria-labelledby="suggest">{csrf}{idempotency_field()}\n'
        f'  <label for="sg-title">{w["short_name"]}</label>\n'
        f'  <input type="text" id="sg-title" name="title" value="{e(form.get("title", ""))}" '
        'maxlength="200">\n'
        f'  <label for="sg-what">{w["what"]}</label>\n'
        f'  <textarea id="sg-what" name="what" class="short">{e(form.get("what", ""))}'
        "</textarea>\n"
        '  <div class="field-row">\n'
        f'    <div><label for="sg-technique">{w["technique"]}</label>\n'
        f'      <select id="sg-technique" name="technique">'
        f"{select_options('technique', form.get('technique'))}</select></div>\n"
        f'    <div><label for="sg-direction">{w["direction"]}</label>\n'
        f'      <select id="sg-direction" name="direction"><option value="">{w["choose"]}'
        f"</option>{select_options('direction', form.get('direction'))}</select></div>\n"
        f'    <div><label for="sg-stakes">{w["stakes"]}</label>\n'
        f'      <select id="sg-stakes" name="stakes">'
        f"{select_options('stakes', form.get('stakes'))}</select></div>\n"
        "  </div>\n"
        f'  <div class="actions"><button type="submit">{w["suggest_it"]}</button></div>\n'
        "</form>\n"
        f'<p><a href="{e(context["client_href"])}">{w["back"]}</a></p>\n'
    )
    return SafeString(page)  # every value above went through `e` or its own template
