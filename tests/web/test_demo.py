"""The demo practice: several clients with months of history, every coach page has content,
and nothing in it weakens a real deployment."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.urls import reverse

from interplay.web import demo
from interplay.web.accounts.models import User
from interplay.web.assessments.models import Assessment, PulseCheck
from interplay.web.coaching.models import SessionNote, SessionPlan
from interplay.web.journal.models import Entry
from tests.web.base import signed_in, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)
    accounts = demo.seed_demo()
    yield accounts
    (settings.DATA_DIR / demo.DEMO_MARKER).unlink(missing_ok=True)


def _profiles(email):
    return [
        a.profile for a in Assessment.objects.filter(user__email=email).order_by("completed_at")
    ]


def test_demo_has_maya_a_dependent_client_and_one_near_interdependence(seeded):
    patterns = {
        email: _profiles(email)[-1]["balance"]["pattern"]
        for name, email in seeded.clients
        if Assessment.objects.filter(user__email=email).exists()
    }
    assert patterns == {
        "maya@demo.interplay.test": "over_independent",
        "leon@demo.interplay.test": "dependent",
        "hana@demo.interplay.test": "interdependent",
    }
    assert _profiles(demo.DEMO_CLIENT_EMAIL)[-1]["boundaries"]["style"] == "mixed"


def test_each_client_has_about_three_months_of_history(seeded):
    maya = User.objects.get(email=demo.DEMO_CLIENT_EMAIL)
    completed = list(Assessment.objects.filter(user=maya).order_by("completed_at"))
    assert len(completed) == 3
    assert (completed[-1].completed_at - completed[0].completed_at).days >= 80
    assert PulseCheck.objects.filter(user=maya).count() >= 10
    entries = Entry.objects.filter(owner=maya)
    assert 0 < entries.filter(shared_with_coach=True).count() < entries.count() / 2 + 1
    assert SessionNote.objects.filter(client=maya).count() >= 5
    assert SessionPlan.objects.filter(client=maya, session_date__isnull=False).exists()


def test_answers_move_over_time_and_are_scored_by_the_core(seeded):
    first, *_, latest = _profiles(demo.DEMO_CLIENT_EMAIL)
    assert latest["balance"]["connection"] > first["balance"]["connection"]
    assert first["instrument_version"] and latest["answered"] == latest["total_items"]


def test_seeding_twice_changes_nothing(seeded):
    counts = (User.objects.count(), Entry.objects.count(), SessionNote.objects.count())
    demo.seed_demo()
    assert (User.objects.count(), Entry.objects.count(), SessionNote.objects.count()) == counts


def test_demo_refuses_to_seed_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(PermissionError):
        demo.seed_demo()
    assert not User.objects.exists()


def test_demo_code_is_the_demo_coachs_current_totp(seeded):
    coach = User.objects.get(email=demo.DEMO_COACH_EMAIL)
    assert demo.demo_coach_code() == totp_code(coach)
    # The secret is the one the demo docs give, stored sealed (never in the clear).
    stored = Authenticator.objects.get(user=coach).data["secret"]
    assert stored != demo.DEMO_TOTP_SECRET and decrypt(stored) == demo.DEMO_TOTP_SECRET


def test_every_coach_page_has_something_real_to_show(seeded):
    coach = User.objects.get(email=demo.DEMO_COACH_EMAIL)
    browser = signed_in(coach)
    dashboard = browser.get(reverse("coaching:dashboard")).content.decode()
    for name, _email in seeded.clients:
        assert name in dashboard
    maya = User.objects.get(email=demo.DEMO_CLIENT_EMAIL)
    page = browser.get(reverse("coaching:client", args=[maya.pk])).content.decode()
    assert "Ask how the conversation with Tom" in page  # an open follow-up
    journal = browser.get(reverse("coaching:client_journal", args=[maya.pk])).content.decode()
    assert "Letting my brother fix the shelf" in journal  # a shared entry
    assert "My mother" not in page + journal  # a private one
    history = browser.get(reverse("coaching:client_history", args=[maya.pk])).content.decode()
    assert "reliable change toward balance" in history
    plan = SessionPlan.objects.filter(client=maya).first()
    html = browser.get(reverse("coaching:plan", args=[maya.pk, plan.pk])).content.decode()
    assert "Opening" in html


def test_maya_walks_the_path_her_coach_gave_her_and_shares_it(seeded):
    from interplay.web.path.models import PathProgress
    from interplay.web.path.progress import path_state

    maya = User.objects.get(email=demo.DEMO_CLIENT_EMAIL)
    progress = PathProgress.objects.get(owner=maya)
    assert progress.shared_with_coach and progress.assigned_by.email == demo.DEMO_COACH_EMAIL
    state = path_state(maya)
    assert state.done_count >= 1 and progress.suggested_step == state.next.step.id
