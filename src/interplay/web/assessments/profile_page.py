"""The profile page's content (`assessments/profile.html`'s) written in Python.

Around its parts made elsewhere (the Balance Map's markup and the findings, each kept per
assessment: `fragments`), the page is fixed wording: with the template its translation tags,
URL tags, date filters and conditions were rendered on every request, about a fifth of the
page's instructions above the base layout (docs/benchmarks.md, sixth round). Here the wording
is translated once per language (`_words`), and every value goes through `e`. The bytes are
those the template wrote."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interplay.web.kernel.html import e
from interplay.web.labels import DateWriter


@lru_cache(maxsize=16)
def _words(language: str | None) -> dict[str, str]:
    """The page's fixed wording in one language. Not escaped, as `{% translate %}` does not
    escape a literal: the wording and its translations are ours."""
    return {
        "heading": _("Your balance"),
        "not_diagnosis": _(
            "This is for reflection, not diagnosis. It describes how you answered on one day, "
            "in your own terms, as a starting point for thinking and conversation."
        ),
        "map": _("The Balance Map"),
        "map_about": _(
            "Standing on your own runs across; letting others in runs up. Most people move "
            "around over time; high on both is where the two forces work together."
        ),
        "too_few": _("There were too few answers to place you on the map this time."),
        "sharing": _("Sharing"),
        "coach_sees": _("If you work with a coach, they can see this result."),
        "keep": _("Keep it to myself"),
        "only_you": _("Only you can see this result."),
        "share": _("Share it with my coach"),
        "earlier": _("Earlier assessments"),
        "later": _("Later assessments"),
        "again_href": reverse("assessments:start"),
        "again": _("Take the assessment again"),
        # Reversed once: an assessment's address up to its id.
        "profile_prefix": reverse("assessments:profile", args=[0]).removesuffix("0/"),
        "sharing_prefix": reverse("assessments:sharing", args=[0]).removesuffix("0/sharing/"),
    }


def profile_page_html(context: Mapping[str, Any], request: HttpRequest) -> SafeString:
    """The content block from `presenters.profile_context`'s context, with `findings_html`."""
    w = _words(get_language())
    assessment = context["assessment"]
    dates = DateWriter()
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(get_token(request))}">'
    when = _("From your self-assessment of %(when)s.") % {
        "when": e(dates.long(assessment.completed_at))
    }
    growth = f'<p class="growth-note">{e(context["growth"])}</p>' if context["growth"] else ""
    if context["balance"]["pattern"]:
        region = _("You are in the region “%(pattern)s”.") % {"pattern": e(context["pattern"])}
        placed = f"<p>{region}</p>\n"  # the template's line break fell inside this branch
    else:
        placed = f"<p>{w['too_few']}</p>"
    if assessment.shared_with_coach:
        switch = (
            f"    <p>{w['coach_sees']}</p>\n"
            '    <input type="hidden" name="shared" value="0"><button type="submit" '
            f'class="button-quiet">{w["keep"]}</button>'
        )
    else:
        switch = (
            f"    <p>{w['only_you']}</p>\n"
            '    <input type="hidden" name="shared" value="1"><button type="submit" '
            f'class="button-quiet">{w["share"]}</button>'
        )
    others = "".join(
        _others(w[heading], w["profile_prefix"], dates, group)
        for heading, group in _before_and_after(assessment, context["earlier"])
    )
    return SafeString(
        f"<h1>{w['heading']}</h1>\n"
        f'<p class="muted">{when}</p>\n'
        f'<p class="note">{w["not_diagnosis"]}</p>\n'
        f"{growth}\n\n"
        f"<h2>{w['map']}</h2>\n"
        f"<p>{w['map_about']}</p>\n"
        f"{e(context['map_html'])}\n"
        f"{placed}\n\n"
        f"{e(context['findings_html'])}\n\n"
        '<section class="card" aria-labelledby="sharing-heading">\n'
        f'  <h2 id="sharing-heading">{w["sharing"]}</h2>\n'
        f'  <form method="post" action="{w["sharing_prefix"]}{assessment.pk}/sharing/">{csrf}\n'
        f"    \n{switch}\n    \n"
        "  </form>\n"
        "</section>\n\n"
        f"{others}\n"
        f'<p><a class="button" href="{w["again_href"]}">{w["again"]}</a></p>'
    )  # every value above went through `e`


def _before_and_after(assessment: Any, others: list[Any]) -> list[tuple[str, list[Any]]]:
    """The person's other assessments split by this one's day: on an earlier profile, those
    taken since are later ones, not earlier."""
    before = [a for a in others if a.completed_at <= assessment.completed_at]
    after = [a for a in others if a.completed_at > assessment.completed_at]
    return [("earlier", before), ("later", after)]


def _others(heading: str, prefix: str, dates: DateWriter, group: list[Any]) -> str:
    if not group:
        return ""
    items = "".join(
        f'<li><a href="{prefix}{other.pk}/">{e(dates.long(other.completed_at))}</a></li>'
        for other in group
    )
    return f"\n<h2>{heading}</h2>\n<ul>{items}</ul>\n"
