"""The coach dashboard's content (`coaching/dashboard.html`'s block) written in Python.

The page is fixed wording around the table: with the template, some twenty translation tags,
the page count's `blocktranslate`, the `url`, `csrf_token` and include tags were rendered on
every request, about 1.5 million instructions, a fifth of the signed-in floor
(docs/benchmarks.md, sixth round). Here the wording is translated once per language
(`_words`) and the block is put together from the context `presenters.dashboard_context`
made, byte for byte what the template wrote; every value goes through `e`. The safety flags,
when there are any, stay a template."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from interplay.web.kernel.html import e
from interplay.web.kernel.templatetags.idempotency import idempotency_field
from interplay.web.safety.presenters import coach_flags_html


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The dashboard's fixed wording in one language. Not escaped, as `{% translate %}` does
    not escape a literal: the wording and its translations are ours, like the template's."""
    return {
        "heading": _("Your clients at a glance"),
        "lead": _(
            "Only what each client chose to share shows here. Private journal entries never "
            "appear, and never count."
        ),
        "invite": _("Invite a client"),
        "sort_table": _("Sort the table"),
        "sort_by": _("Sort by"),
        "sort": _("Sort"),
        "pages": _("Pages"),
        "previous": _("Previous page"),
        "next": _("Next page"),
        "no_clients": _(
            "No clients yet. Invite someone below: they will get a link that works once."
        ),
        "sent": _(
            "Invitation sent. You can also pass on this link yourself; it works once, for 14 "
            "days, and is shown only now:"
        ),
        "send": _("Send invitation"),
        "dashboard_href": reverse("coaching:dashboard"),
    }


def _clients(total: int) -> str:
    """The caption's count, as the template's `blocktranslate count` wrote it."""
    return ngettext("%(total)s client", "%(total)s clients", total) % {"total": total}


def _page_of(number: int, pages: int, *, capital: bool) -> str:
    if capital:
        return _("Page %(number)s of %(pages)s") % {"number": number, "pages": pages}
    return _("page %(number)s of %(pages)s") % {"number": number, "pages": pages}


def _table(context: Mapping[str, Any], w: Mapping[str, str]) -> str:
    page = context["page"]
    pages = page.paginator.num_pages
    caption = e(_clients(page.paginator.count))
    if pages > 1:
        caption += ", " + e(_page_of(page.number, pages, capital=False))
    table = (
        f'\n<form method="get" class="sort-form" aria-label="{w["sort_table"]}">\n'
        f'  <div><label for="sort">{w["sort_by"]}</label>\n'
        '  <select id="sort" name="sort">\n'
        f"    {context['sort_options_html']}\n"
        "  </select></div>\n"
        f'  <button type="submit" class="button-quiet">{w["sort"]}</button>\n'
        "</form>\n"
        '<table class="clients">\n'
        f"  <caption>{caption}</caption>\n"
        "  <thead><tr>\n"
        f"    {context['head_html']}\n"
        "  </tr></thead>\n"
        "  <tbody>\n"
        f"  {context['rows_html']}\n"
        "  </tbody>\n"
        "</table>\n"
    )
    if pages > 1:
        sort = e(urlencode(context["sort_param"]))
        previous = (
            f'<a href="?sort={sort}&amp;page={page.previous_page_number()}">{w["previous"]}</a>'
            if page.has_previous()
            else ""
        )
        following = (
            f'<a href="?sort={sort}&amp;page={page.next_page_number()}">{w["next"]}</a>'
            if page.has_next()
            else ""
        )
        table += (
            f'\n<nav class="pagination" aria-label="{w["pages"]}">\n'
            f"  {previous}\n"
            f"  <span>{e(_page_of(page.number, pages, capital=True))}</span>\n"
            f"  {following}\n"
            "</nav>\n"
        )
    return table + "\n"


def dashboard_html(context: Mapping[str, Any], request: HttpRequest) -> SafeString:
    """The dashboard's content block for `context` (`presenters.dashboard_context` with the
    form, the invitation link and the safety flags), as `coaching/dashboard.html` wrote it."""
    w = _words(get_language())
    # Without flags: what the include wrote.
    flags = coach_flags_html(context["safety_flags"], request, show_client=True, empty="\n\n")
    body = _table(context, w) if context["rows"] else f"\n<p>{w['no_clients']}</p>\n"
    sent = (
        '\n<div class="card card-accent" role="status">\n'
        f"  <p>{w['sent']}</p>\n"
        f'  <p><code class="secret">{e(context["invitation_url"])}</code></p>\n'
        "</div>\n"
        if context["invitation_url"]
        else ""
    )
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'
    page = (
        f"\n<h1>{w['heading']}</h1>\n"
        f'<p class="lead">{w["lead"]}</p>\n'
        f"{flags}\n"
        f'<p><a class="button button-quiet" href="#invite">{w["invite"]}</a></p>\n'
        f"{body}\n"
        f'<h2 id="invite">{w["invite"]}</h2>\n'
        f"{sent}\n"
        f'<form method="post" action="{e(w["dashboard_href"])}#invite" class="card" novalidate>'
        f"{csrf}{idempotency_field()}\n"
        f"  {context['form_html']}\n"
        f'  <div class="actions"><button type="submit">{w["send"]}</button></div>\n'
        "</form>\n"
    )
    return SafeString(page)  # every value above went through `e`, or is our own HTML
