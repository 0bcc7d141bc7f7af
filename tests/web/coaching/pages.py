"""The coach desk's URLs for the site-wide guards in tests/web/pages.py."""

from __future__ import annotations

from django.urls import reverse

from interplay.web.coaching.actions import do_add_note, do_save_plan

POST_ONLY = {"coaching:add_note", "coaching:done", "coaching:schedule"}
ANONYMOUS_ONLY = {"coaching:sign_up"}
COACH_PAGES = {
    "coaching:dashboard",
    "coaching:client",
    "coaching:client_profile",
    "coaching:client_history",
    "coaching:client_journal",
    "coaching:client_sessions",
    "coaching:note",
    "coaching:new_plan",
    "coaching:plan",
    *POST_ONLY,
}


def coaching_urls(practice) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client = practice.client
    note = do_add_note(client, "A note for the guards.", "A follow-up", actor=practice.coach)
    plan = do_save_plan(client, "## Opening\n- A line", None, actor=practice.coach)
    return {
        "coaching:sign_up": reverse("coaching:sign_up"),
        "coaching:dashboard": reverse("coaching:dashboard"),
        "coaching:client": reverse("coaching:client", args=[client.pk]),
        "coaching:client_profile": reverse("coaching:client_profile", args=[client.pk]),
        "coaching:client_history": reverse("coaching:client_history", args=[client.pk]),
        "coaching:client_journal": reverse("coaching:client_journal", args=[client.pk]),
        "coaching:client_sessions": reverse("coaching:client_sessions", args=[client.pk]),
        "coaching:add_note": reverse("coaching:add_note", args=[client.pk]),
        "coaching:note": reverse("coaching:note", args=[client.pk, note.pk]),
        "coaching:done": reverse("coaching:done", args=[client.pk, note.pk]),
        "coaching:schedule": reverse("coaching:schedule", args=[client.pk]),
        "coaching:new_plan": reverse("coaching:new_plan", args=[client.pk]),
        "coaching:plan": reverse("coaching:plan", args=[client.pk, plan.pk]),
    }
