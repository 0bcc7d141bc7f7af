"""The client page's overview (`coaching/client.html`'s content) written in Python.

The overview is mostly fixed wording around a few values: with the template, some thirty
translation tags, three includes and the forms' tags were rendered on every request, about a
third of the page's instructions (docs/benchmarks.md, fifth round). Here the wording is
translated once per language (`_words`) and the page is put together from it and the context
`client_pages.overview_context` made; every value goes through `e`. What is rare stays a
template: the safety flags (when there are any) and a shared path's steps."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interplay.web.kernel.html import e, lines
from interplay.web.kernel.templatetags.idempotency import idempotency_field
from interplay.web.safety.presenters import coach_flags_html


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The overview's fixed wording in one language. Not escaped, as `{% translate %}` does
    not escape a literal: the wording and its translations are ours, like the template's."""
    words = {
        "all_clients": _("← All clients"),
        "plan": _("Plan the next session"),
        "add_note": _("Add a session note"),
        "progress": _("Progress, reviews and reports"),
        "where": _("Where they stand"),
        "not_diagnosis": _("For reflection and conversation, not diagnosis."),
        "balance": _("Balance"),
        "autonomy": _("autonomy"),
        "connection": _("connection"),
        "focus": _("Focus"),
        "stage": _("Nearest stage"),
        "boundaries": _("Boundaries"),
        "full_profile": _("Their full profile: the map, the risks and barriers, and why"),
        "no_assessment": _(
            "No assessment shared yet. Assessments are shared by default; your client can "
            "keep one private."
        ),
        "path": _("The guided path"),
        "path_given": _(
            "You gave this client the path. Their progress is private until they choose to "
            "share it."
        ),
        "path_about": _(
            "The path walks the method's steps in order, with an exercise and a journal prompt "
            "for each. Giving it puts it on the client's Home; their progress stays private "
            "unless they share it."
        ),
        "path_give": _("Give this client the path"),
        "next_session": _("For your next session"),
        "open_follow_ups": _("Your open follow-ups"),
        "mark_done": _("Mark done"),
        "nothing_due": _("Nothing is due and you have no open follow-ups."),
        "reassess_every": _("Re-assessment every"),
        "save": _("Save"),
        "interval_help": _(
            "The client sees the same interval, on Home and in their reminder settings."
        ),
        "lately": _("What they shared lately"),
        "every_entry": _("Every shared entry, with its themes"),
        "nothing_shared": _(
            "Nothing shared yet. Journal entries stay private unless your client shares them "
            "one by one."
        ),
        "download": _("Download what this client shares (JSON)"),
    }
    return words


def _sections_about(name: str) -> str:
    return _("Sections about %(name)s") % {"name": name}


def _from_assessment(when: str) -> str:
    return _("From the assessment they shared on %(when)s.") % {"when": when}


def _tabs(sections: list[dict[str, Any]], name: str) -> str:
    current = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{e(link["href"])}"{current if link["current"] else ""}>'
        f"{e(link['title'])}</a></li>"
        for link in sections
    )
    return (
        f'<nav class="section-tabs" aria-label="{e(_sections_about(name))}">\n'
        f"  <ul>{items}</ul>\n</nav>\n"
    )


def _summary(summary: Mapping[str, Any], w: Mapping[str, str]) -> str:
    """`assessments/profile_summary.html`'s list, from the same headline."""
    figures = ""
    if summary["autonomy"] is not None:
        figures = (
            f" ({w['autonomy']} {e(floatformat(summary['autonomy'], 0))}, "
            f"{w['connection']} {e(floatformat(summary['connection'], 0))})"
        )
    parts = [
        f'<dl class="card">\n  <dt>{w["balance"]}</dt><dd>{e(summary["pattern"])}{figures}</dd>\n'
    ]
    for key, word in (("focus", "focus"), ("stage", "stage"), ("boundaries", "boundaries")):
        if summary[key]:
            parts.append(f"  <dt>{w[word]}</dt><dd>{e(summary[key])}</dd>\n")
    parts.append("</dl>\n")
    return "".join(parts)


def _path(context: Mapping[str, Any], request: HttpRequest, csrf: str, w: Mapping[str, str]) -> str:
    path = context["path"]
    if path["state"]:  # a shared path's steps: rare, kept as a template
        return render_to_string(
            "coaching/_client_path.html", {"path": path, "urls": context["urls"]}, request
        )
    if path["given_by_me"]:
        inside = f"  <p>{w['path_given']}</p>\n"
    else:
        inside = (
            f"  <p>{w['path_about']}</p>\n"
            f'  <form method="post" action="{e(context["urls"]["path_assign"])}">{csrf}'
            f'<button type="submit" class="button-quiet">{w["path_give"]}</button></form>\n'
        )
    return (
        '<section class="card" aria-labelledby="path-heading">\n'
        f'  <h2 id="path-heading">{w["path"]}</h2>\n{inside}</section>\n'
    )


def _due(context: Mapping[str, Any], csrf: str, w: Mapping[str, str]) -> str:
    due, follow_ups = context["due"], context["follow_ups"]
    if not (due or follow_ups):
        return f"<p>{w['nothing_due']}</p>\n"
    parts = []
    if due:
        parts.append("<ul>" + "".join(f"<li>{e(reason)}</li>" for reason in due) + "</ul>\n")
    if follow_ups:
        parts.append(f'<h3>{w["open_follow_ups"]}</h3>\n<ul class="plain">\n')
        for note in context["follow_up_rows"]:
            parts.append(
                f'  <li class="card">{lines(note["text"])}\n'
                f'    <form method="post" action="{e(note["done_href"])}" class="actions">'
                f"{csrf}{idempotency_field()}\n"
                f'      <button type="submit" class="button-quiet">{w["mark_done"]}</button>\n'
                "    </form></li>\n"
            )
        parts.append("</ul>\n")
    return "".join(parts)


def overview_html(context: Mapping[str, Any], request: HttpRequest) -> SafeString:
    """The overview's content block for `context` (`client_pages.overview_context` with the
    path summary), as `coaching/client.html` wrote it."""
    w = _words(get_language())
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'
    client, href, urls = context["client"], context["href"], context["urls"]
    name = client.name
    flags = coach_flags_html(context["safety_flags"], request, show_client=False, empty="")
    if context["latest"]:
        headline = (
            f"<p>{e(_from_assessment(context['latest_date']))}\n"
            f'<span class="muted">{w["not_diagnosis"]}</span></p>\n'
            f"{_summary(context['summary'], w)}"
            f'<p><a href="{e(href["profile"])}">{w["full_profile"]}</a></p>\n'
        )
    else:
        headline = f"<p>{w['no_assessment']}</p>\n"
    if context["moments"]:
        lately = (
            f'<ul class="timeline">\n{context["moments_html"]}\n</ul>\n'
            f'<p><a href="{e(href["journal"])}">{w["every_entry"]}</a></p>\n'
        )
    else:
        lately = f"<p>{w['nothing_shared']}</p>\n"
    page = (
        f'<p><a href="{e(context["dashboard_href"])}">{w["all_clients"]}</a></p>\n'
        f"<h1>{e(name)}</h1>\n"
        f"{_tabs(context['sections'], name)}{flags}\n"
        '<div class="actions">\n'
        f'  <a class="button" href="{e(urls["new_plan"])}">{w["plan"]}</a>\n'
        f'  <a class="button button-quiet" href="{e(href["sessions"])}#add-note">'
        f"{w['add_note']}</a>\n"
        f'  <a class="button button-quiet" href="{e(urls["progress"])}">{w["progress"]}</a>\n'
        "</div>\n\n"
        f'<h2 id="headline">{w["where"]}</h2>\n{headline}\n'
        f"{_path(context, request, csrf, w)}\n"
        f'<h2 id="due">{w["next_session"]}</h2>\n{_due(context, csrf, w)}'
        f'<form method="post" action="{e(urls["schedule"])}" class="actions">{csrf}\n'
        f'  <label for="reassess-weeks">{w["reassess_every"]}</label>\n'
        f'  <select id="reassess-weeks" name="weeks">{context["reassess_options"]}</select>\n'
        f'  <button type="submit" class="button-quiet">{w["save"]}</button>\n'
        "</form>\n"
        f'<p class="help">{w["interval_help"]}</p>\n\n'
        f'<h2 id="latest">{w["lately"]}</h2>\n{lately}\n'
        f'<form method="post" action="{e(urls["export"])}">{csrf}{idempotency_field()}\n'
        f'  <button type="submit" class="button-quiet">{w["download"]}</button>\n'
        "</form>\n"
    )
    return SafeString(page)  # every value above went through `e` or a Django filter
