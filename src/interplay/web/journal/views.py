"""The client's journal. Entries are private until shared one by one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from interplay.core.path import PathPrompt, follow_ups_for, guided_path, prompt_by_id
from interplay.core.questions import question_by_id
from interplay.web.accounts.context_processors import HasCoach, current_coaching
from interplay.web.accounts.decorators import client_required
from interplay.web.accounts.models import User
from interplay.web.assessments.access import latest_profile
from interplay.web.journal import actions, insights
from interplay.web.journal.access import draft_for, get_entry_for_user, search_entries
from interplay.web.journal.analysis import screen_entry, stored_reading
from interplay.web.journal.device_keys import device_key_for
from interplay.web.journal.list_page import list_page_html
from interplay.web.journal.models import Entry
from interplay.web.journal.prompts import ChosenPrompt, choose_prompt
from interplay.web.kernel.compiled import Kind, Pageable, compiled
from interplay.web.kernel.errors import ActionError
from interplay.web.kernel.requests import ClientRequest
from interplay.web.safety.presenters import support_context

PAGE_SIZE = 20
_OWNER: dict[str, Kind] = {"owner": "int"}
_FACTS_KEY = ("journal list", "facts")
_LIST_KEY = ("journal list", "page")


def _list_facts(values: Mapping[str, Any]) -> QuerySet[Any]:
    """How many entries the owner has and whether they have a coach now, in one statement:
    the count pages the list, the coach decides the lead's wording."""
    count = (
        Entry.objects.filter(owner=OuterRef("pk"))
        .order_by()
        .values("owner")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        User.objects.filter(pk=values["owner"])
        .annotate(
            n=Coalesce(Subquery(count), 0),
            has_coach=Exists(current_coaching(OuterRef("pk"))),
        )
        .values("n", "has_coach")
    )


def _list_entries(values: Mapping[str, Any]) -> QuerySet[Any]:
    # The model's own order (newest first), as the ORM's list had it.
    found: QuerySet[Any] = Entry.objects.filter(owner=values["owner"]).values(
        *insights.LIST_COLUMNS
    )
    return found


def prompt_for(user: User, skip: frozenset[str] = frozenset()) -> ChosenPrompt | None:
    assessment = latest_profile(user)
    return choose_prompt(assessment.profile if assessment else None, timezone.localdate(), skip)


@client_required
def entry_list(request: ClientRequest) -> HttpResponse:
    user = request.user
    query = request.GET.get("q", "").strip()[:200]
    # Without a search, SQL pages the list and only one page is decrypted; a search has to
    # decrypt the owner's entries to look inside them.
    if query:
        paginator: Paginator[Any] = Paginator(search_entries(user, query), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        rows = insights.list_rows(page.object_list)
        has_coach = bool(HasCoach(request))
    else:
        # Its two queries (the count with whether there is a coach, a page of entries with
        # their themes: the sealed evidence is not decrypted) are compiled once, not built by
        # the ORM per request.
        values = {"owner": user.pk}
        facts = compiled(_FACTS_KEY, _list_facts, _OWNER).rows(values)
        total, has_coach = (
            (int(facts[0]["n"]), bool(facts[0]["has_coach"])) if facts else (0, False)
        )
        listed = Pageable(compiled(_LIST_KEY, _list_entries, _OWNER), values, total)
        paginator = Paginator(listed, PAGE_SIZE)  # type: ignore[arg-type]
        page = paginator.get_page(request.GET.get("page"))
        rows = insights.list_rows_of_values(page.object_list)
    content = list_page_html(
        page=page,
        rows_html=insights.list_html(rows),
        query=query,
        total=paginator.count,
        has_coach=has_coach,
    )
    return render(request, "journal/list.html", {"content_html": content, "has_coach": has_coach})


def _question_text(prompt_id: str) -> str:
    """The prompt's words: a question of the bank, or a guided-path step's prompt."""
    on_path = prompt_by_id(guided_path(), prompt_id) if prompt_id else None
    if on_path is not None:
        return on_path.text
    try:
        return question_by_id(prompt_id).text if prompt_id else ""
    except KeyError:
        return ""


def _path_follow_ups(entry: Entry, on_path: PathPrompt | None) -> dict[str, object]:
    """For an entry written on a guided-path step: the step, and one or two optional questions
    to go deeper, chosen by the entry's stored themes and its step."""
    if on_path is None:
        return {}
    path = guided_path()
    themes = [theme for theme, _score in stored_reading(entry).themes]
    return {
        "path_step": path.step(on_path.step_id),
        "path_follow_ups": follow_ups_for(path, on_path.step_id, themes),
    }


def _editor(request: ClientRequest, entry: Entry | None) -> HttpResponse:
    user = request.user
    draft = draft_for(user, entry)
    title = draft.title if draft else (entry.title if entry else "")
    body = draft.body if draft else (entry.body if entry else "")
    if entry is not None:
        prompt_id = draft.prompt_id if draft else entry.prompt_id
    else:  # a prompt chosen just now wins over an older draft's
        prompt_id = request.GET.get("prompt", "") or (draft.prompt_id if draft else "")
    error = None
    if request.method == "POST":
        title = request.POST.get("title", "")
        body = request.POST.get("body", "")
        prompt_id = request.POST.get("prompt_id", "")
        if _question_text(prompt_id) == "":
            prompt_id = ""
        try:
            saved = actions.do_save_entry(title, body, prompt_id, entry=entry, actor=user)
        except ActionError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Saved. Only you can see this entry."))
            if saved.shared_with_coach:
                messages.info(request, _("This entry is shared with your coach."))
            return redirect("journal:detail", saved.pk)
    suggestion = None if entry or prompt_id else prompt_for(user)
    context = {
        "entry": entry,
        "title": title,
        "body": body,
        "prompt_id": prompt_id if _question_text(prompt_id) else "",
        "prompt_text": _question_text(prompt_id),
        "suggestion": suggestion,
        "draft": draft,
        "error": error,
        "draft_key": f"interplay-draft-u{user.pk}-{'e' + str(entry.pk) if entry else 'new'}",
        "device_key": device_key_for(user),
    }
    return render(request, "journal/edit.html", context)


@sensitive_post_parameters("title", "body")
@client_required
def new_entry(request: ClientRequest) -> HttpResponse:
    return _editor(request, None)


@sensitive_post_parameters("title", "body")
@client_required
def edit_entry(request: ClientRequest, pk: int) -> HttpResponse:
    return _editor(request, get_entry_for_user(request.user, pk))


@sensitive_post_parameters("title", "body")
@client_required
@require_POST
def autosave(request: ClientRequest) -> HttpResponse:
    """htmx: keep the text being written. Answers with a short status line."""
    user = request.user
    entry_id = request.POST.get("entry_id", "")
    entry = get_entry_for_user(user, int(entry_id)) if entry_id.isdigit() else None
    prompt_id = request.POST.get("prompt_id", "")
    try:
        draft = actions.do_save_draft(
            entry,
            request.POST.get("title", ""),
            request.POST.get("body", ""),
            prompt_id if _question_text(prompt_id) else "",
            actor=user,
        )
    except ActionError as problem:
        return render(request, "journal/_draft_status.html", {"error": str(problem)}, status=422)
    # Drafts are not analysed or stored with findings, but a risk is pointed to help at once.
    screened = screen_entry(draft.title, draft.body)
    context = {"draft": draft, "at_risk": screened.flagged}
    if screened.flagged:
        context |= support_context(user, screened.risk)
    return render(request, "journal/_draft_status.html", context)


@client_required
def entry_detail(request: ClientRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    user = request.user
    on_path = prompt_by_id(guided_path(), entry.prompt_id) if entry.prompt_id else None
    return render(
        request,
        "journal/detail.html",
        {
            "entry": entry,
            "prompt_text": _question_text(entry.prompt_id),
            "draft_keys": [f"interplay-draft-u{user.pk}-new", f"interplay-draft-u{user.pk}-e{pk}"],
            **insights.entry_page(entry),
            **_path_follow_ups(entry, on_path),
        },
    )


@client_required
@require_POST
def share(request: ClientRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    shared = request.POST.get("shared") == "1"
    actions.do_set_entry_sharing(entry, shared, actor=request.user)
    messages.success(
        request,
        _("Shared with your coach.") if shared else _("This entry is private again."),
    )
    return redirect("journal:detail", pk)


@client_required
@require_POST
def delete(request: ClientRequest, pk: int) -> HttpResponse:
    entry = get_entry_for_user(request.user, pk)
    actions.do_delete_entry(entry, actor=request.user)
    messages.success(request, _("The entry has been deleted."))
    return redirect("journal:list")
