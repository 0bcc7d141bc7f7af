"""A small demo practice for trying Interplay on a laptop: a coach and Maya, the client from
the article, with an assessment, a check-in and a few journal entries.

Everything here is invented and labelled as demo data. The coach's authenticator is a real
TOTP device; `interplay demo-code` prints its current code so a visitor can sign in as the coach
without a phone. Seeding is idempotent: running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from interplay.core.instrument import ANSWER_MAX, ANSWER_MIN, instrument_items, pulse_items
from interplay.core.vocabulary import Scale
from interplay.web.accounts.models import Role, User
from interplay.web.assessments import actions as assessment_actions
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.models import CoachingRelationship
from interplay.web.journal import actions as journal_actions

DEMO_COACH_EMAIL = "coach@demo.interplay.test"
DEMO_CLIENT_EMAIL = "maya@demo.interplay.test"
DEMO_PASSWORD = "try-interplay-demo"  # noqa: S105 - published on purpose: demo accounts only
DEMO_MARKER = "demo-seeded"
DEMO_DEVICE_NAME = "demo authenticator"

# How Maya tends to answer, scale by scale (keyed 1..5): proud of doing it all herself,
# lonely and tired, firm with some people and drained by others, wary of needing anyone.
MAYA_LEANINGS = {
    Scale.DEPENDENCE: 2,
    Scale.OVER_INDEPENDENCE: 5,
    Scale.INTERDEPENDENCE: 2,
    Scale.RIGID_BOUNDARIES: 4,
    Scale.POROUS_BOUNDARIES: 4,
    Scale.CONFLUENCE: 2,
    Scale.FEAR_OF_INDEPENDENCE: 1,
    Scale.PERFECTIONISM: 5,
    Scale.VULNERABILITY_FEAR: 4,
    Scale.CULTURAL_PRESSURE: 3,
    Scale.PAST_EXPERIENCE: 3,
}

MAYA_ENTRIES = (
    (
        "Saying no to Priya",
        "Priya asked me to cover her deadline again. I said yes before she finished the "
        "sentence, then spent the evening resenting it. Next time I want to say I need a day "
        "to think.",
    ),
    (
        "The boiler",
        "The boiler broke and I spent two hours on hold rather than ask my brother, who fixes "
        "these things for a living. Why does asking feel worse than the cold?",
    ),
)


@dataclass(frozen=True)
class DemoAccounts:
    coach_email: str
    client_email: str
    password: str


def _maya_answer(scale: Scale, reverse: bool, index: int) -> int:
    keyed = MAYA_LEANINGS[scale]
    # A little variation between items, as real answers have, without leaving 1..5.
    keyed = min(ANSWER_MAX, max(ANSWER_MIN, keyed + (0, 0, -1, 0, 1)[index % 5]))
    return ANSWER_MIN + ANSWER_MAX - keyed if reverse else keyed


def maya_answers() -> dict[str, int]:
    return {
        item.id: _maya_answer(item.scale, item.reverse, index)
        for index, item in enumerate(instrument_items())
    }


def demo_was_seeded() -> bool:
    return (settings.DATA_DIR / DEMO_MARKER).exists()


@transaction.atomic
def seed_demo() -> DemoAccounts:
    accounts = DemoAccounts(DEMO_COACH_EMAIL, DEMO_CLIENT_EMAIL, DEMO_PASSWORD)
    if User.objects.filter(email=DEMO_COACH_EMAIL).exists():
        (settings.DATA_DIR / DEMO_MARKER).touch()
        return accounts
    coach = User.objects.create_user(
        DEMO_COACH_EMAIL, DEMO_PASSWORD, name="Sam Okafor (demo coach)", role=Role.COACH
    )
    TOTPDevice.objects.create(user=coach, name=DEMO_DEVICE_NAME, confirmed=True)
    maya = User.objects.create_user(
        DEMO_CLIENT_EMAIL, DEMO_PASSWORD, name="Maya (demo)", role=Role.CLIENT
    )
    CoachingRelationship.objects.create(coach=coach, client=maya)

    started = timezone.now() - timedelta(days=9)
    assessment = Assessment.objects.create(user=maya, started_at=started)
    assessment_actions.do_save_answers(assessment, maya_answers())
    assessment_actions.do_finish_assessment(assessment)
    Assessment.objects.filter(pk=assessment.pk).update(completed_at=started)

    pulse = assessment_actions.do_record_pulse(
        maya, {item.id: maya_answers()[item.id] for item in pulse_items()}
    )
    PulseCheck.objects.filter(pk=pulse.pk).update(taken_at=started + timedelta(days=7))

    for number, (title, body) in enumerate(MAYA_ENTRIES):
        entry = journal_actions.do_save_entry(maya, title, body)
        journal_actions.do_set_entry_sharing(entry, shared=number == 0)
    (settings.DATA_DIR / DEMO_MARKER).touch()
    return accounts


def demo_coach_code() -> str:
    """The demo coach's current authenticator code. Refuses in production, before the demo
    is seeded, and for any account but the demo coach."""
    from django_otp.oath import TOTP

    if getattr(settings, "PRODUCTION", False):
        raise PermissionError("demo codes are never available in production")
    if not demo_was_seeded():
        raise LookupError("the demo has not been seeded here: run `interplay serve --demo` first")
    device = TOTPDevice.objects.filter(
        user__email=DEMO_COACH_EMAIL, name=DEMO_DEVICE_NAME, confirmed=True
    ).first()
    if device is None:
        raise LookupError("the demo coach has no demo authenticator in this database")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
