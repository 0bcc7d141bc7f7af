"""The statement coach page: type what you want to say and see, as you type, what it does well
and what it could add, with the words behind each finding highlighted. htmx posts the text to
`analyse` after a pause; without script the same form posts to the page and the answer comes
back in full."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from interplay.language.engine import StatementAnalysis
from interplay.web.accounts.decorators import client_required
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.language import language_engines
from interplay.web.practice import actions
from interplay.web.practice.access import drafts_of, get_draft_for_user

MAX_ANALYSE = 5_000
SIGNAL_NAMES = {
    "i_statement": gettext_lazy("Speaks from “I”"),
    "feeling": gettext_lazy("Names a feeling"),
    "need": gettext_lazy("Names a need"),
    "request": gettext_lazy("Makes a clear request"),
    "blame": gettext_lazy("Sounds like blame"),
    "absolute": gettext_lazy("Uses always or never"),
    "hedge_apology": gettext_lazy("Hedges or over-apologises"),
}
GOOD = ("i_statement", "feeling", "need", "request")


@dataclass(frozen=True)
class Segment:
    text: str
    labels: tuple[str, ...]


def segments(analysis: StatementAnalysis) -> list[Segment]:
    """The text cut at every span edge, each piece with the findings covering it (spans can
    overlap, so a piece may carry several)."""
    text = analysis.text
    edges = sorted(
        {0, len(text), *(s.start for s in analysis.spans), *(s.end for s in analysis.spans)}
    )
    pieces = []
    for start, end in zip(edges, edges[1:], strict=False):
        labels = tuple(s.label for s in analysis.spans if s.start <= start and end <= s.end)
        pieces.append(Segment(text[start:end], labels))
    return pieces


def feedback_context(text: str) -> dict[str, object]:
    if not text.strip():
        return {"analysis": None}
    analysis = language_engines().statements.analyse(text[:MAX_ANALYSE])
    found = [str(label) for name, label in SIGNAL_NAMES.items() if getattr(analysis, name)]
    return {
        "analysis": analysis,
        "summary": _("Found: %(found)s.") % {"found": ", ".join(found)}
        if found
        else _("Nothing found yet."),
        "segments": segments(analysis),
        "signals": [
            {"name": name, "label": label, "on": getattr(analysis, name), "good": name in GOOD}
            for name, label in SIGNAL_NAMES.items()
        ],
        "findings": [
            {"label": SIGNAL_NAMES[s.label], "words": analysis.text[s.start : s.end]}
            for s in analysis.spans
        ],
    }


@client_required
def statement_page(request: ClientRequest) -> HttpResponse:
    user = request.user
    text = request.POST.get("text", "") if request.method == "POST" else ""
    if request.method == "GET" and request.GET.get("draft", "").isdigit():
        text = get_draft_for_user(user, int(request.GET["draft"])).text
    error = None
    if request.method == "POST" and request.POST.get("action") == "save":
        try:
            draft = actions.do_save_statement_draft(text, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Draft saved. Only you can see it."))
            return redirect(f"{request.path}?draft={draft.pk}")
    context = {"text": text, "drafts": drafts_of(user), "error": error, **feedback_context(text)}
    return render(request, "practice/statements.html", context, status=422 if error else 200)


@client_required
@require_POST
def analyse(request: ClientRequest) -> HttpResponse:
    """htmx fragment: the analysis of the text so far."""
    context = feedback_context(request.POST.get("text", ""))
    # A short summary also replaces the page's live region (out of band), so a screen reader
    # hears one line per pause, not the whole analysis again.
    return render(request, "practice/_statement_feedback.html", {**context, "oob": True})


@client_required
@require_POST
def delete_draft(request: ClientRequest, pk: int) -> HttpResponse:
    actions.do_delete_statement_draft(get_draft_for_user(request.user, pk), actor=request.user)
    messages.success(request, _("Draft deleted."))
    return redirect("practice:statements")
