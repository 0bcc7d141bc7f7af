"""The session planner's content (`coaching/plan.html`'s block) written in Python.

The block is fixed wording around three pieces made elsewhere (the proposal's sections,
`planner.proposal_html`; the form, rendered or kept by `kernel.blank_forms`; a saved plan's
sections, `planner.agenda_sections`). With the template its translation, `blocktranslate`,
`url`, `csrf_token` and loop tags were rendered on every visit, about as much as the base
layout around it. Here the wording is translated once per language (`_words`) and the block is
written byte for byte as the template wrote it; every value goes through `e`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interplay.web.accounts.models import User
from interplay.web.coaching.client_pages import address
from interplay.web.coaching.planner import Section
from interplay.web.kernel.html import e
from interplay.web.kernel.templatetags.idempotency import idempotency_field


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The page's fixed wording in one language. Not escaped, as `{% translate %}` and
    `{% blocktranslate %}` do not escape their text (only the values put into it)."""
    return {
        "back": _("← Back to %(name)s"),
        "plan_for": _("Session plan for %(name)s"),
        "plan_with": _("Plan a session with %(name)s"),
        "lead": _(
            "A proposal from the shared profile, recent shared entries and open items. Every "
            "line says where it came from. Edit it, then save."
        ),
        "where": _("Where the proposal came from"),
        "as_it_reads": _("The plan as it reads"),
        "save": _("Save plan"),
    }


def _agenda_html(agenda: Sequence[Section], heading: str) -> str:
    """A saved plan's sections (each title and line already safe HTML, `format_inline`)."""
    sections = "".join(
        (f"<h3>{e(section.title)}</h3>" if section.title else "")
        + "\n  <ul>"
        + "".join(f"<li>{e(line.text)}</li>" for line in section.lines)
        + "</ul>"
        for section in agenda
    )
    return (
        '\n<section class="card" aria-labelledby="agenda-heading">\n'
        f'  <h2 id="agenda-heading">{heading}</h2>\n'
        f"  {sections}\n"
        "</section>\n"
    )


def plan_html(
    request: HttpRequest,
    client: User,
    form_html: str,
    *,
    plan_id: int | None,
    proposal_html: str | None,
    agenda: Sequence[Section],
) -> SafeString:
    """The planner's content block: for a new plan (`plan_id` None) or a saved one, with the
    proposal's sections when there is a proposal (`proposal_html`, None without one) and a
    saved plan's sections when it has any (`agenda`), around the form's HTML."""
    w = _words(get_language())
    name = e(client.name)
    heading = (w["plan_with"] if plan_id is None else w["plan_for"]) % {"name": name}
    proposal = (
        f'\n<p class="lead">{w["lead"]}</p>\n'
        f'<details class="card"><summary>{w["where"]}</summary>\n'
        f"{e(proposal_html)}\n"
        "</details>\n"
        if proposal_html is not None
        else ""
    )
    action = (
        address("coaching:new_plan", client.pk)
        if plan_id is None
        else address("coaching:plan", client.pk, plan_id)
    )
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'
    page = (
        f'\n<p><a href="{e(address("coaching:client", client.pk))}">'
        f"{w['back'] % {'name': name}}</a></p>\n"
        f"<h1>{heading}</h1>\n"
        f"{proposal}\n"
        f"{_agenda_html(agenda, w['as_it_reads']) if agenda else ''}\n"
        f'<form method="post" class="card" action="{e(action)}">{csrf}{idempotency_field()}\n'
        f"  {e(form_html)}\n"
        f'  <div class="actions"><button type="submit">{w["save"]}</button></div>\n'
        "</form>\n"
    )
    return SafeString(page)  # every value above went through `e`, or is our own HTML
