"""The coach desk's URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.coachdesk.actions import do_add_note, do_save_plan

POST_ONLY = {"coachdesk:add_note", "coachdesk:done"}
ANONYMOUS_ONLY = {"coachdesk:sign_up"}
COACH_PAGES = {
    "coachdesk:dashboard",
    "coachdesk:client",
    "coachdesk:note",
    "coachdesk:new_plan",
    "coachdesk:plan",
    *POST_ONLY,
}


def coachdesk_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client = practice.client
    note = do_add_note(practice.coach, client, "A note for the guards.", "A follow-up")
    plan = do_save_plan(practice.coach, client, "## Opening\n- A line", None)
    return {
        "coachdesk:sign_up": reverse("coachdesk:sign_up"),
        "coachdesk:dashboard": reverse("coachdesk:dashboard"),
        "coachdesk:client": reverse("coachdesk:client", args=[client.pk]),
        "coachdesk:add_note": reverse("coachdesk:add_note", args=[client.pk]),
        "coachdesk:note": reverse("coachdesk:note", args=[client.pk, note.pk]),
        "coachdesk:done": reverse("coachdesk:done", args=[client.pk, note.pk]),
        "coachdesk:new_plan": reverse("coachdesk:new_plan", args=[client.pk]),
        "coachdesk:plan": reverse("coachdesk:plan", args=[client.pk, plan.pk]),
    }
