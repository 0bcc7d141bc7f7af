import pytest
from django.db import connection
from django.utils import timezone

from interplay.core.questions import question_bank
from interplay.web.journal.actions import do_save_draft, do_save_entry
from interplay.web.journal.models import Draft, Entry
from tests.web.base import signed_in


def test_entry_text_is_encrypted_at_rest(practice):
    entry = do_save_entry("Sister", "I never ask my sister for anything.", actor=practice.client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body FROM journal_entry WHERE id = %s", [entry.pk])
        title, body = cursor.fetchone()
    assert "sister" not in (title + body).lower()
    assert Entry.objects.get(pk=entry.pk).body == "I never ask my sister for anything."


def test_writing_an_entry_saves_it_privately(practice):
    browser = signed_in(practice.client)
    response = browser.post("/journal/new/", {"title": "Today", "body": "Said no to Priya."})
    entry = Entry.objects.get()
    assert response["Location"] == f"/journal/{entry.pk}/"
    assert entry.shared_with_coach is False and entry.owner == practice.client


def test_empty_entry_is_refused_with_a_message(practice):
    response = signed_in(practice.client).post("/journal/new/", {"title": "Kept", "body": " "})
    html = response.content.decode()
    assert "nothing to save yet" in html and 'value="Kept"' in html
    assert not Entry.objects.exists()


def test_autosave_keeps_a_draft_that_the_editor_restores(practice):
    browser = signed_in(practice.client)
    response = browser.post(
        "/journal/draft/", {"title": "Half", "body": "Half a thought"}, HTTP_HX_REQUEST="true"
    )
    assert "Draft saved" in response.content.decode()
    html = browser.get("/journal/new/").content.decode()
    assert "Half a thought" in html and "Restored your draft" in html


def test_saving_the_entry_clears_its_draft(practice):
    browser = signed_in(practice.client)
    browser.post("/journal/draft/", {"body": "Half a thought"}, HTTP_HX_REQUEST="true")
    browser.post("/journal/new/", {"body": "The whole thought"})
    assert not Draft.objects.exists()


def test_autosave_after_the_session_ended_says_so_and_keeps_nothing_on_the_server(db, client):
    response = client.post("/journal/draft/", {"body": "text"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert "session has ended" in response.content.decode()


def test_drafts_of_an_existing_entry_are_separate(practice):
    entry = do_save_entry("", "First version", actor=practice.client)
    do_save_draft(entry, "", "Second version, unsaved", actor=practice.client)
    do_save_draft(None, "", "A new entry begun", actor=practice.client)
    browser = signed_in(practice.client)
    assert "Second version, unsaved" in browser.get(f"/journal/{entry.pk}/edit/").content.decode()
    assert "A new entry begun" in browser.get("/journal/new/").content.decode()


def test_editor_offers_a_prompt_from_the_question_bank_with_its_reason(practice):
    html = signed_in(practice.client).get("/journal/new/").content.decode()
    assert "A question you might start from" in html and "Why this one:" in html
    prompt_texts = [q.text for q in question_bank() if q.journal_prompt]
    assert any(text.replace("'", "&#x27;") in html for text in prompt_texts)


def test_entry_written_from_a_prompt_remembers_it(practice):
    question = next(q for q in question_bank() if q.journal_prompt)
    browser = signed_in(practice.client)
    browser.post("/journal/new/", {"body": "My answer", "prompt_id": question.id})
    assert Entry.objects.get().prompt_id == question.id


def test_sharing_is_per_entry_and_reversible(practice):
    one = do_save_entry("", "One", actor=practice.client)
    two = do_save_entry("", "Two", actor=practice.client)
    browser = signed_in(practice.client)
    browser.post(f"/journal/{one.pk}/sharing/", {"shared": "1"})
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.shared_with_coach and not two.shared_with_coach
    browser.post(f"/journal/{one.pk}/sharing/", {"shared": "0"})
    one.refresh_from_db()
    assert not one.shared_with_coach


def test_search_finds_words_in_the_owners_decrypted_entries_only(practice):
    do_save_entry("Boiler", "Rang my brother about the boiler", actor=practice.client)
    do_save_entry("Work", "Priya again", actor=practice.client)
    do_save_entry("Boiler", "my boiler too", actor=practice.other_client)
    html = signed_in(practice.client).get("/journal/?q=BOILER brother").content.decode()
    assert "1 entry matches" in html
    assert "Rang my brother" in html and "my boiler too" not in html


def test_delete_removes_the_entry(practice):
    entry = do_save_entry("", "Gone soon", actor=practice.client)
    signed_in(practice.client).post(f"/journal/{entry.pk}/delete/")
    assert not Entry.objects.exists()


def test_list_is_paginated(practice):
    for number in range(25):
        do_save_entry(f"Entry {number}", "text", actor=practice.client)
    browser = signed_in(practice.client)
    first = browser.get("/journal/").content.decode()
    assert "Page 1 of 2" in first and "Entry 24" in first and "Entry 0<" not in first
    second = browser.get("/journal/?page=2").content.decode()
    assert "Entry 0<" in second


def test_list_wording_follows_whether_there_is_a_coach_and_any_entry(practice):
    from interplay.web.accounts.models import CoachingRelationship

    browser = signed_in(practice.client)
    html = browser.get("/journal/").content.decode()
    assert "Private unless you share an entry with your coach" in html
    assert "Nothing here yet. A few lines are enough to begin." in html
    assert '<ul class="plain entries">' not in html
    CoachingRelationship.objects.filter(client=practice.client).update(ended_at=timezone.now())
    do_save_entry("First", "some words", actor=practice.client)
    html = browser.get("/journal/").content.decode()
    assert "Private: only you can read your journal." in html
    assert "Nothing here yet" not in html and ">First</a>" in html
    assert 'class="pagination"' not in html  # one page: no page links


def test_list_search_is_escaped_in_the_box_the_status_and_the_page_links(practice):
    for number in range(25):
        do_save_entry(f"Entry {number}", "<b>&ok", actor=practice.client)
    browser = signed_in(practice.client)
    html = browser.get("/journal/", {"q": "<b>&ok"}).content.decode()
    assert 'value="&lt;b&gt;&amp;ok"' in html
    assert "25 entries match “&lt;b&gt;&amp;ok”." in html
    assert '<a href="?page=2&amp;q=%3Cb%3E%26ok">Older</a>' in html
    assert "<b>&ok" not in html
    second = browser.get("/journal/", {"q": "<b>&ok", "page": "2"}).content.decode()
    assert '<a href="?page=1&amp;q=%3Cb%3E%26ok">Newer</a>' in second
    assert "Page 2 of 2" in second
    nothing = browser.get("/journal/", {"q": "absent"}).content.decode()
    assert "0 entries match “absent”." in nothing and "Nothing here yet" not in nothing


@pytest.mark.parametrize("entries", [3, 60])
def test_journal_list_query_count_does_not_grow_with_entries(
    practice, entries, django_assert_max_num_queries
):
    for number in range(entries):
        do_save_entry(f"Entry {number}", "some words", actor=practice.client)
    browser = signed_in(practice.client)
    with django_assert_max_num_queries(4):
        assert browser.get("/journal/?q=words").status_code == 200
    with django_assert_max_num_queries(5):
        assert browser.get("/journal/?page=2").status_code == 200


def test_autosave_rejected_by_csrf_says_the_text_is_kept(practice):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(practice.client)
    response = browser.post("/journal/draft/", {"body": "text"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert "kept on this device" in response.content.decode()


def test_prompt_chosen_now_wins_over_an_older_drafts(practice):
    question = next(q for q in question_bank() if q.journal_prompt)
    do_save_draft(None, "", "Something begun earlier", actor=practice.client)
    html = signed_in(practice.client).get(f"/journal/new/?prompt={question.id}").content.decode()
    assert f'name="prompt_id" value="{question.id}"' in html
    assert "Something begun earlier" in html


def test_the_listing_follows_the_text_on_every_save(practice):
    long_body = " ".join(f"w{n}" for n in range(40))
    entry = do_save_entry("  First  ", long_body, actor=practice.client)
    stored = Entry.objects.get(pk=entry.pk).listing
    assert stored == {"title": "First", "excerpt": " ".join(f"w{n}" for n in range(24)) + " …"}
    do_save_entry("Second", "Short now", entry=entry, actor=practice.client)
    assert Entry.objects.get(pk=entry.pk).listing == {"title": "Second", "excerpt": "Short now"}
    with connection.cursor() as cursor:  # encrypted like the text it repeats
        cursor.execute("SELECT listing FROM journal_entry WHERE id = %s", [entry.pk])
        assert "Second" not in cursor.fetchone()[0]


def test_the_list_shows_an_entry_loaded_without_a_listing_from_its_text(
    practice, django_assert_max_num_queries
):
    do_save_entry("Kept", "Words of the listed one", actor=practice.client)
    bare = do_save_entry("Bulk", "Words loaded in bulk", actor=practice.client)
    Entry.objects.filter(pk=bare.pk).update(listing={})  # as a bulk load writes it
    browser = signed_in(practice.client)
    with django_assert_max_num_queries(6):  # one more query, for the bare entry's text
        html = browser.get("/journal/").content.decode()
    assert "Bulk" in html and "Words loaded in bulk" in html
    assert "Kept" in html and "Words of the listed one" in html
    assert Entry.objects.get(pk=bare.pk).listing == {}  # a read writes nothing back


def test_the_migration_works_out_every_older_entrys_listing(practice):
    from django.apps import apps as live_apps

    from interplay.web.journal.migrations import __name__ as package

    fill = __import__(f"{package}.0006_entry_listing", fromlist=["fill_listings"])
    entry = do_save_entry("Older", "Written before listings", actor=practice.client)
    Entry.objects.filter(pk=entry.pk).update(listing={})

    class Editor:
        connection = connection

    fill.fill_listings(live_apps, Editor())
    assert Entry.objects.get(pk=entry.pk).listing == {
        "title": "Older",
        "excerpt": "Written before listings",
    }
