"""A demo practice for trying Interplay on a laptop: a coach and four clients, Maya from the
article among them, with about three months of history each.

Everything here is invented and labelled as demo data (the people and their words live in
`demo_story.py`). Assessments are answer sets that drift over the months, scored by the real
core; check-ins are weekly; journal entries are mostly private, some shared; the coach has
session notes and a planned session for each client who has a profile.

Nothing here weakens a real deployment: the demo accounts exist only after `seed_demo()` has
run (it refuses in production), and `demo_coach_code()` refuses in production and anywhere the
demo was not seeded. The coach's authenticator is a real allauth TOTP authenticator whose
secret the demo knows, so `interplay demo-code` can print the current code for a visitor
without a phone.
Seeding is idempotent: running it again changes nothing.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from interplay.core.instrument import ANSWER_MAX, ANSWER_MIN, instrument_items, pulse_items
from interplay.web.accounts.addresses import record_verified_address
from interplay.web.accounts.models import CoachingRelationship, Role, User
from interplay.web.assessments import actions as assessment_actions
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.actions import do_add_note, do_save_plan
from interplay.web.coaching.models import SessionNote
from interplay.web.coaching.planner import propose_agenda
from interplay.web.coaching.presenters import due_reasons
from interplay.web.demo_story import (
    ASSESSMENT_DAYS,
    CLIENTS,
    ITEM_NUDGES,
    MAYA,
    PULSE_DAYS,
    DemoClient,
)
from interplay.web.journal import actions as journal_actions
from interplay.web.journal.models import Entry

DEMO_COACH_EMAIL = "coach@demo.interplay.test"
DEMO_CLIENT_EMAIL = MAYA.email
DEMO_PASSWORD = "try-interplay-demo"  # noqa: S105 - published on purpose: demo accounts only
DEMO_MARKER = "demo-seeded"
# The demo authenticator's secret (hex, 20 bytes), known to the demo so `interplay demo-code`
# works. It only ever belongs to the seeded demo coach.
DEMO_TOTP_KEY = b"interplay demo coach".hex()
DEMO_TOTP_SECRET = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode("ascii")
HISTORY_DAYS = ASSESSMENT_DAYS[0]


@dataclass(frozen=True)
class DemoAccounts:
    coach_email: str
    client_email: str
    password: str
    clients: tuple[tuple[str, str], ...] = ()  # (name, email) of every demo client


def _accounts() -> DemoAccounts:
    return DemoAccounts(
        DEMO_COACH_EMAIL,
        DEMO_CLIENT_EMAIL,
        DEMO_PASSWORD,
        tuple((client.name, client.email) for client in CLIENTS),
    )


def _progress(days_ago: float) -> float:
    """0 at the start of the three months, 1 at the latest assessment."""
    span = HISTORY_DAYS - ASSESSMENT_DAYS[-1]
    return min(1.0, max(0.0, (HISTORY_DAYS - days_ago) / span))


def answers_for(client: DemoClient, days_ago: float) -> dict[str, int]:
    """A plausible answer set for the day: each scale's leaning drifts from `start` to
    `latest`, with per-item nudges; reverse-keyed items are answered as a person would."""
    t = _progress(days_ago)
    answers: dict[str, int] = {}
    shift = int(days_ago) % len(ITEM_NUDGES)  # a little week-to-week wobble
    for index, item in enumerate(instrument_items()):
        start, latest = client.start[item.scale], client.latest[item.scale]
        leaning = start + (latest - start) * t + ITEM_NUDGES[(index + shift) % len(ITEM_NUDGES)]
        keyed = min(ANSWER_MAX, max(ANSWER_MIN, round(leaning)))
        answers[item.id] = item.keyed(keyed)  # flipping back is the same flip
    return answers


def maya_answers() -> dict[str, int]:
    """Maya's answers at her latest assessment."""
    return answers_for(MAYA, ASSESSMENT_DAYS[-1])


def demo_was_seeded() -> bool:
    return (settings.DATA_DIR / DEMO_MARKER).exists()


def _at(days_ago: float, hour: int = 19) -> datetime:
    moment = timezone.localtime() - timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=(int(days_ago) * 7) % 60, second=0, microsecond=0)


def _seed_client(coach: User, story: DemoClient) -> User:
    client = User.objects.create_user(story.email, DEMO_PASSWORD, name=story.name)
    record_verified_address(client)
    CoachingRelationship.objects.create(
        coach=coach, client=client, started_at=_at(HISTORY_DAYS + 2, 10)
    )
    if story.assessed:
        for days in ASSESSMENT_DAYS:
            assessment = Assessment.objects.create(user=client, started_at=_at(days, 8))
            assessment_actions.do_save_answers(
                assessment, answers_for(story, days), actor=assessment.user
            )
            assessment_actions.do_finish_assessment(assessment, actor=assessment.user)
            Assessment.objects.filter(pk=assessment.pk).update(completed_at=_at(days, 9))
        pulse_ids = [item.id for item in pulse_items()]
        for days in PULSE_DAYS:
            answers = answers_for(story, days)
            pulse = assessment_actions.do_record_pulse(
                {i: answers[i] for i in pulse_ids}, actor=client
            )
            PulseCheck.objects.filter(pk=pulse.pk).update(taken_at=_at(days, 8))
    for days, title, body, shared in story.entries:
        entry = journal_actions.do_save_entry(title, body, actor=client)
        if shared:
            journal_actions.do_set_entry_sharing(entry, True, actor=entry.owner)
        Entry.objects.filter(pk=entry.pk).update(created_at=_at(days), updated_at=_at(days))
    for days, text, follow_up in story.notes:
        note = do_add_note(client, text, follow_up, actor=coach)
        SessionNote.objects.filter(pk=note.pk).update(
            created_at=_at(days, 17), updated_at=_at(days, 17)
        )
    return client


def _plan_next_session(coach: User, client: User, in_days: int) -> None:
    from interplay.web.coaching.access import open_follow_ups
    from interplay.web.coaching.client_view import ClientView

    view = ClientView(coach, client)  # the demo's own coach and client: no request to check
    latest = view.latest_assessment()
    agenda = propose_agenda(
        latest.profile if latest else None,
        view.entries()[:3],
        open_follow_ups(coach, client),
        due_reasons(view),
    )
    do_save_plan(
        client, agenda.as_text(), timezone.localdate() + timedelta(days=in_days), actor=coach
    )


def _put_on_the_path(coach: User, client: User) -> None:
    """Maya walks the guided path her coach gave her and shares her progress; what she has done
    already (assessments, practice) shows as done steps, and the coach suggests the next."""
    from interplay.web.path import actions as path_actions
    from interplay.web.path.progress import path_state

    path_actions.do_assign_path(client, actor=coach)
    path_actions.do_set_path_sharing(client, True, actor=client)
    upcoming = path_state(client).next
    if upcoming is not None:
        path_actions.do_suggest_step(client, upcoming.step.id, actor=coach)


@transaction.atomic
def seed_demo() -> DemoAccounts:
    """Create the demo practice once; later calls only return the sign-ins."""
    if getattr(settings, "PRODUCTION", False):
        raise PermissionError("the demo practice is never seeded in production")
    accounts = _accounts()
    if not User.objects.filter(email=DEMO_COACH_EMAIL).exists():
        coach = User.objects.create_user(
            DEMO_COACH_EMAIL, DEMO_PASSWORD, name="Sam Okafor (demo coach)", role=Role.COACH
        )
        record_verified_address(coach)
        TOTP.activate(coach, DEMO_TOTP_SECRET)
        for in_days, story in zip((3, 5, 10, 6), CLIENTS, strict=True):
            client = _seed_client(coach, story)
            _plan_next_session(coach, client, in_days)
            if story is CLIENTS[0]:  # Maya: the practice screens have something to show
                from interplay.web.practice.demo import seed_practice_demo

                seed_practice_demo(coach, client)
                _put_on_the_path(coach, client)
    (settings.DATA_DIR / DEMO_MARKER).touch()
    return accounts


def demo_coach_code() -> str:
    """The demo coach's current authenticator code. Refuses in production, before the demo
    is seeded, and for any account but the demo coach."""
    if getattr(settings, "PRODUCTION", False):
        raise PermissionError("demo codes are never available in production")
    if not demo_was_seeded():
        raise LookupError("the demo has not been seeded here: run `interplay serve --demo` first")
    authenticator = Authenticator.objects.filter(
        user__email=DEMO_COACH_EMAIL, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None or decrypt(authenticator.data["secret"]) != DEMO_TOTP_SECRET:
        raise LookupError("the demo coach has no demo authenticator in this database")
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return str(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
