import json

import pytest
from django.core.management import call_command
from django.db import connection

from interplay.core.vocabulary import SafetyRisk, Theme
from interplay.web.journal.actions import do_save_draft, do_save_entry, do_set_entry_sharing
from interplay.web.journal.analysis import stored_reading
from interplay.web.journal.models import Entry, EntryAnalysis
from interplay.web.language import language_engines
from tests.web.base import signed_in
from tests.web.insights.texts import ALONE, FIGURE, FROM_OTHERS, PLAIN, POROUS, SELF_HARM


def test_texts_read_as_the_tests_expect():
    themes, safety = language_engines().themes, language_engines().safety
    assert Theme.POROUS_BOUNDARIES in themes.analyse(POROUS).labels
    assert Theme.OVER_INDEPENDENCE in themes.analyse(ALONE).labels
    assert not themes.analyse(PLAIN).themes
    assert safety.analyse(SELF_HARM).risk is SafetyRisk.SELF_HARM
    assert safety.analyse(FROM_OTHERS).risk is SafetyRisk.HARM_FROM_OTHERS
    assert safety.analyse(FIGURE).risk is SafetyRisk.NONE


def test_saving_an_entry_stores_its_themes_with_the_engine_versions(practice):
    entry = do_save_entry("Work", POROUS, actor=practice.client)
    row = EntryAnalysis.objects.get(entry=entry)
    assert row.themes_version == language_engines().themes.version
    assert row.safety_version == language_engines().safety.version
    assert [item["theme"] for item in row.themes] == ["porous_boundaries"]
    found = stored_reading(Entry.objects.get(pk=entry.pk))
    assert found.risk is SafetyRisk.NONE
    assert all(POROUS[s:e] for s, e in found.evidence["porous_boundaries"])


def test_editing_an_entry_analyses_it_again(practice):
    entry = do_save_entry("", PLAIN, actor=practice.client)
    do_save_entry("", ALONE, entry=entry, actor=practice.client)
    assert EntryAnalysis.objects.get(entry=entry).themes[0]["theme"] == "over_independence"


def test_evidence_and_risk_are_encrypted_at_rest(practice):
    entry = do_save_entry("", SELF_HARM, actor=practice.client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM insights_entryanalysis WHERE entry_id = %s", [entry.pk])
        (sealed,) = cursor.fetchone()
    assert "self_harm" not in sealed and "risk" not in sealed
    assert json.loads(EntryAnalysis.objects.get(entry=entry).sealed)["risk"] == "self_harm"


def test_drafts_are_not_analysed_until_saved(practice):
    do_save_draft(None, "", POROUS, actor=practice.client)
    assert not EntryAnalysis.objects.exists()


def test_writer_sees_highlighted_evidence_with_a_label_and_the_plain_explanation(practice):
    entry = do_save_entry("Work", POROUS, actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert '<mark class="theme-porous_boundaries" title="Porous boundaries">' in html
    assert "(theme: Porous boundaries)" in html
    assert "hard to say no" in html  # the explanation in plain words
    assert "a reflection aid, not a judgement" in html


def test_entry_without_themes_says_that_is_common(practice):
    entry = do_save_entry("", PLAIN, actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "No particular theme stood out" in html and "<mark" not in html


def test_highlighting_escapes_the_writers_text(practice):
    entry = do_save_entry("", "<script>x</script> " + POROUS, actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html


def test_a_new_engine_version_shows_the_stored_reading_and_says_it_is_updating(
    practice, monkeypatch
):
    entry = do_save_entry("", POROUS, actor=practice.client)
    old = EntryAnalysis.objects.get(entry=entry).themes_version
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    html = signed_in(practice.client).get(f"/journal/{entry.pk}/").content.decode()
    assert "Porous boundaries" in html  # the stored reading
    assert "being brought up to date" in html
    assert EntryAnalysis.objects.get(entry=entry).themes_version == old  # the page wrote nothing


def test_the_coach_page_says_stale_themes_are_being_updated(practice, monkeypatch):
    _share(practice.client, POROUS)
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    url = f"/coach/client/{practice.client.pk}/journal/"
    html = signed_in(practice.coach).get(url).content.decode()
    assert "Porous boundaries" in html and "being brought up to date" in html


def test_reanalysis_reports_its_progress(practice, monkeypatch):
    from interplay.web.journal import analysis

    for _ in range(3):
        do_save_entry("", POROUS, actor=practice.client)
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    monkeypatch.setattr(analysis, "PROGRESS_EVERY", 2)
    seen = []
    assert analysis.reanalyse_stale(progress=lambda done, total: seen.append((done, total))) == 3
    assert seen == [(2, 3), (3, 3)]


def test_migrate_queues_the_reanalysis_when_something_is_stale(practice, monkeypatch):
    from interplay.web.journal import analysis

    entry = do_save_entry("", POROUS, actor=practice.client)
    assert analysis.queue_reanalysis() is False  # nothing stale
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    call_command("migrate", verbosity=0)  # the immediate backend runs the queued task at once
    assert EntryAnalysis.objects.get(entry=entry).themes_version == "themes-next"


def test_reanalyse_journal_brings_every_stale_analysis_up_to_date(practice, monkeypatch, capsys):
    first = do_save_entry("", POROUS, actor=practice.client)
    second = do_save_entry("", ALONE, actor=practice.other_client)
    EntryAnalysis.objects.filter(entry=second).delete()
    monkeypatch.setattr(language_engines().safety, "version", "safety-next")
    call_command("reanalyse_journal")
    assert "2 journal entries analysed" in capsys.readouterr().out
    rows = EntryAnalysis.objects.filter(entry__in=[first, second])
    assert {row.safety_version for row in rows} == {"safety-next"} and rows.count() == 2
    call_command("reanalyse_journal")
    assert "0 journal entries analysed" in capsys.readouterr().out


def test_reanalyse_journal_task_runs_through_the_queue(practice, monkeypatch):
    from interplay.web.journal.tasks import reanalyse_journal

    entry = do_save_entry("", POROUS, actor=practice.client)
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    result = reanalyse_journal.enqueue()  # the immediate backend in tests
    assert result.return_value == 1
    assert EntryAnalysis.objects.get(entry=entry).themes_version == "themes-next"


def _share(owner, text):
    entry = do_save_entry("", text, actor=owner)
    do_set_entry_sharing(entry, True, actor=entry.owner)
    return entry


def test_coach_sees_themes_and_a_summary_over_shared_entries_only(practice):
    for _ in range(3):
        _share(practice.client, POROUS)
    _share(practice.client, PLAIN)
    for _ in range(4):
        do_save_entry("", POROUS, actor=practice.client)  # private: never counts
    html = (
        signed_in(practice.coach)
        .get(f"/coach/client/{practice.client.pk}/journal/")
        .content.decode()
    )
    assert "Porous boundaries in 3 of the last 4 shared entries" in html
    assert "Themes across shared entries" in html
    assert "“I can never say no”" in html or "never say no" in html


def test_summary_counts_only_the_last_eight_shared_entries(practice):
    for _ in range(3):
        _share(practice.client, POROUS)
    for _ in range(8):
        _share(practice.client, PLAIN)
    html = (
        signed_in(practice.coach)
        .get(f"/coach/client/{practice.client.pk}/journal/")
        .content.decode()
    )
    assert "Porous boundaries in" not in html and "No themes in the shared entries yet" in html


def test_private_entries_never_reach_the_coach_or_an_outsider(practice):
    do_save_entry("", POROUS, actor=practice.client)
    coach_html = (
        signed_in(practice.coach)
        .get(f"/coach/client/{practice.client.pk}/journal/")
        .content.decode()
    )
    assert "Porous boundaries" not in coach_html and "never say no" not in coach_html
    outsider = signed_in(practice.other_coach).get(f"/coach/client/{practice.client.pk}/journal/")
    assert outsider.status_code == 404 and b"Porous" not in outsider.content


def test_entry_made_private_again_drops_out_of_the_summary(practice):
    entry = _share(practice.client, POROUS)
    do_set_entry_sharing(entry, False, actor=entry.owner)
    html = (
        signed_in(practice.coach)
        .get(f"/coach/client/{practice.client.pk}/journal/")
        .content.decode()
    )
    assert "Porous boundaries" not in html


def test_journal_list_shows_theme_names(practice):
    do_save_entry("Work", POROUS, actor=practice.client)
    html = signed_in(practice.client).get("/journal/").content.decode()
    assert "Themes: Porous boundaries" in html


@pytest.mark.parametrize("entries", [3, 30])
def test_journal_list_and_entry_query_counts_stay_flat_with_themes(
    practice, entries, django_assert_max_num_queries
):
    for number in range(entries):
        do_save_entry(f"Entry {number}", POROUS if number % 2 else ALONE, actor=practice.client)
    last = Entry.objects.filter(owner=practice.client).first()
    browser = signed_in(practice.client)
    with django_assert_max_num_queries(5):
        assert browser.get("/journal/").status_code == 200
    with django_assert_max_num_queries(4):
        assert browser.get("/journal/?q=shift").status_code == 200
    with django_assert_max_num_queries(6):
        assert browser.get(f"/journal/{last.pk}/").status_code == 200


def test_coach_client_page_queries_stay_flat_with_shared_themes(practice):
    from django.test.utils import CaptureQueriesContext

    counts = []
    browser = signed_in(practice.coach)
    for size in (2, 12):
        for _ in range(size):
            _share(practice.client, POROUS)
        for url in (
            f"/coach/client/{practice.client.pk}/",
            f"/coach/client/{practice.client.pk}/journal/",
        ):
            with CaptureQueriesContext(connection) as captured:
                browser.get(url)
            counts.append(len(captured.captured_queries))
    assert counts[:2] == counts[2:], counts  # the overview and the journal, at 2 and at 14


def test_the_cli_runs_reanalyse_journal(practice, monkeypatch):
    from typer.testing import CliRunner

    from interplay.cli import app

    entry = do_save_entry("", POROUS, actor=practice.client)
    monkeypatch.setattr(language_engines().themes, "version", "themes-next")
    # A command run from the command line closes every connection when it ends; inside the
    # test's transaction that would cut the test off from its own database (PostgreSQL).
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    result = CliRunner().invoke(app, ["manage", "reanalyse_journal"])
    assert result.exit_code == 0, result.output
    assert "1 journal entry analysed" in result.output
    assert EntryAnalysis.objects.get(entry=entry).themes_version == "themes-next"


def test_the_older_client_overview_leads_to_the_one_client_page(practice):
    _share(practice.client, POROUS)
    do_save_entry("", ALONE, actor=practice.client)  # private
    response = signed_in(practice.coach).get(f"/coach/clients/{practice.client.pk}/", follow=True)
    assert response.redirect_chain == [(f"/coach/client/{practice.client.pk}/", 301)]
    html = response.content.decode()
    assert POROUS[:20] in html  # the shared entry, among the latest things
    assert ALONE[:20] not in html and "Going it alone" not in html


def test_switching_the_engine_setting_reads_entries_again_with_that_engine(practice, settings):
    from interplay.web.journal import analysis

    entry = do_save_entry("", POROUS, actor=practice.client)
    assert "+meaning" in EntryAnalysis.objects.get(entry=entry).themes_version
    settings.INTERPLAY_LANGUAGE_ENGINE = "cue"
    assert analysis.stale_count() == 1  # the stored reading is now another engine's
    assert analysis.reanalyse_stale() == 1
    row = EntryAnalysis.objects.get(entry=entry)
    assert (row.themes_version, row.safety_version) == ("themes-lexicon-1.3", "safety-lexicon-1.4")
