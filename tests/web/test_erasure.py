"""Deleting an account erases everything the person owns: walking every model finds no row of
theirs, the raw database holds neither their address nor their name, and the coach sees
nothing of them. A coach closing a practice is erased the same way; their clients keep their
own data. The full export (zip of JSON and CSV) is offered first."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from interplay.web.accounts.models import SignInAttempts, User
from interplay.web.accounts.throttle import allow_password_attempt
from interplay.web.coaching.actions import do_add_note, do_invite_client, do_save_plan
from interplay.web.coaching.models import SessionNote
from interplay.web.journal.actions import do_save_draft
from interplay.web.kernel.models import AuditEvent, AuditKind
from interplay.web.path.actions import do_assign_path, do_skip_step
from interplay.web.path.models import PathProgress
from interplay.web.progress.models import ReportKind
from interplay.web.reminders.actions import do_save_reminder_settings
from interplay.web.reminders.models import SentReminder
from interplay.web.safety.actions import do_save_safety_plan
from interplay.web.schedule.actions import do_set_reassess_weeks
from tests.web.base import signed_in
from tests.web.pages import client_objects
from tests.web.practice.pages import practice_objects
from tests.web.progress.pages import ready_file
from tests.web.test_encrypted_at_rest import raw_database_text, write_everything


def everything_of(practice):  # type: ignore[no-untyped-def]
    client = practice.client
    write_everything(practice)
    client_objects(practice)
    practice_objects(practice)
    do_save_draft(None, "", "An unsaved thought", actor=client)
    do_save_safety_plan({"people": "My cousin Dev"}, actor=client)
    do_add_note(client, "Maya seemed lighter today.", actor=practice.coach)
    do_save_plan(client, "Ask about the sister.", None, actor=practice.coach)
    do_invite_client(client.email, send=False, actor=practice.other_coach)
    do_assign_path(client, actor=practice.coach)  # the guided path: progress and a step mark
    do_skip_step(client, "bounds", actor=client)
    assert PathProgress.objects.filter(owner=client).exists()
    allow_password_attempt(client.email, "127.0.0.9")  # counted sign-in attempts
    signed_in(practice.coach).get(f"/coach/client/{client.pk}/")  # an audited coach read
    # The schedule and reminders: an interval, reminder choices, and a claimed reminder.
    do_set_reassess_weeks(client, 8, actor=practice.coach)
    do_save_reminder_settings(
        client, {"check_in": "1", "weekday": "1", "hour": "8", "time_zone": "UTC"}, actor=client
    )
    SentReminder.objects.create(
        person=client, kind="check_in", due_at=timezone.now(), send_at=timezone.now()
    )
    # Prepared PDF reports: the client's own, and their coach's copy of what they shared.
    ready_file(client, client, ReportKind.PROFILE)
    ready_file(practice.coach, client, ReportKind.SUPERVISION)


def rows_pointing_at(user: User) -> dict[str, int]:
    """For every model, the rows with a foreign key (or one-to-one) to this user, or an email
    column holding their address."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            lookup = None
            if field.is_relation and field.related_model is User:
                lookup = {field.name: user.pk}
            elif field.get_internal_type() == "EmailField":
                lookup = {f"{field.name}__iexact": user.email}
            if lookup:
                count = model._default_manager.filter(**lookup).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def sessions_of(user: User) -> int:
    return sum(
        1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    )


def delete(browser: Client, confirm: str = "delete"):  # type: ignore[no-untyped-def]
    return browser.post("/account/delete/", {"confirm": confirm})


def confirmed(user: User) -> Client:
    """Signed in, and confirmed it is them within the last ten minutes (sudo mode)."""
    return signed_in(user, reauthenticated=True)


def test_a_deleted_client_leaves_no_row_in_any_table(practice):
    client = practice.client
    everything_of(practice)
    assert SignInAttempts.objects.exclude(key__startswith="ip:").count() == 2
    SignInAttempts.objects.create(key=f"account:{client.email}")  # an older counter's key
    browser = confirmed(client)
    other_device = signed_in(client)
    assert rows_pointing_at(client) and sessions_of(client) == 2  # the walk can find them
    assert client.email in raw_database_text()

    response = delete(browser)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert rows_pointing_at(client) == {}
    assert not User.objects.filter(pk=client.pk).exists()
    assert sessions_of(client) == 0
    assert not SignInAttempts.objects.exclude(key__startswith="ip:").exists()
    raw = raw_database_text()
    assert client.email not in raw and client.name not in raw
    assert other_device.get("/journal/").status_code == 302  # signed out everywhere


def test_the_coach_keeps_only_their_notes_marked_as_about_a_former_client(practice):
    everything_of(practice)
    client_id = practice.client.pk
    delete(confirmed(practice.client))
    (note,) = SessionNote.objects.filter(coach=practice.coach)
    assert note.client is None and note.body == "Maya seemed lighter today."
    coach = signed_in(practice.coach)
    assert coach.get(f"/coach/client/{client_id}/").status_code == 404
    assert "Maya" not in coach.get("/coach/dashboard/").content.decode()


def test_without_a_recent_confirmation_or_the_word_nothing_is_deleted(practice):
    asked = delete(signed_in(practice.client))
    assert asked.status_code == 302 and asked["Location"].startswith("/accounts/reauthenticate/")
    assert delete(confirmed(practice.client), confirm="").status_code == 422
    assert User.objects.filter(pk=practice.client.pk).exists()


def test_deletion_needs_the_signed_in_person_and_acts_only_on_them(practice):
    response = Client().post("/account/delete/", {"confirm": "delete"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    delete(confirmed(practice.other_client))  # someone else deleting their own account
    assert User.objects.filter(pk=practice.client.pk).exists()


def test_a_coach_closing_the_practice_leaves_the_clients_their_data(practice):
    everything_of(practice)
    coach, client = practice.coach, practice.client
    entries = client.journal_entries.count()
    assert delete(confirmed(coach)).status_code == 302
    assert rows_pointing_at(coach) == {}
    assert client.journal_entries.count() == entries
    reads = AuditEvent.objects.filter(client=client, kind=AuditKind.COACH_READ)
    assert reads.exists() and {event.actor_id for event in reads} == {None}
    assert "a former coach" in signed_in(client).get("/account/").content.decode()


def test_a_coach_without_two_factor_cannot_close_the_practice(practice):
    browser = signed_in(practice.coach, verified=False, reauthenticated=True)
    assert delete(browser)["Location"].startswith("/accounts/2fa/")
    assert User.objects.filter(pk=practice.coach.pk).exists()


def test_the_full_export_is_a_zip_of_json_and_csv_in_sudo_mode(practice):
    everything_of(practice)
    asked = signed_in(practice.client).post("/account/everything.zip")
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    browser = confirmed(practice.client)
    page = browser.get("/account/delete/").content.decode()
    assert "Download everything (zip)" in page
    response = browser.post("/account/everything.zip")
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"README.txt", "interplay-export.json", "journal_entries.csv"} <= names
    data = json.loads(archive.read("interplay-export.json"))
    assert data["format"] == "interplay-export" and data["person"]["email"] == practice.client.email
    rows = list(csv.DictReader(io.StringIO(archive.read("journal_entries.csv").decode())))
    assert len(rows) == len(data["journal_entries"]) >= 2
    assert any("private thought" in row["body"] for row in rows)
    assert AuditEvent.objects.filter(kind=AuditKind.OWN_EXPORT, client=practice.client).exists()


def test_a_coach_export_holds_what_the_coach_wrote(practice):
    everything_of(practice)
    browser = confirmed(practice.coach)
    response = browser.post("/account/everything.zip")
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("interplay-export.json"))
    assert [note["body"] for note in data["session_notes"]] == ["Maya seemed lighter today."]
    assert "journal_entries" not in data
