"""The statement coach page: live feedback as a fragment, the same without script, drafts."""

from django.urls import reverse

from interplay.web.practice.models import StatementDraft

BLAMING = "You never listen to me and I need you to stop."


def test_fragment_highlights_the_words_behind_each_finding(practice, client_browser):
    response = client_browser.post(
        reverse("practice:analyse"), {"text": BLAMING}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" not in html and "<html" not in html  # a fragment, not a page
    assert '<mark class="span-' in html
    assert "Uses always or never: “never”" in html


def test_page_answers_in_full_without_script(practice, client_browser):
    response = client_browser.post(
        reverse("practice:statements"), {"text": BLAMING, "action": "analyse"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and '<mark class="span-' in html
    assert 'hx-trigger="keyup changed delay:400ms"' in html
    assert not StatementDraft.objects.exists()


def test_empty_text_gets_a_gentle_prompt(practice, client_browser):
    html = client_browser.post(reverse("practice:analyse"), {"text": "  "}).content.decode()
    assert "Feedback appears here as you write." in html


def test_draft_is_saved_encrypted_and_offered_for_an_experiment(practice, client_browser):
    response = client_browser.post(
        reverse("practice:statements"), {"text": "I need quiet time tonight.", "action": "save"}
    )
    draft = StatementDraft.objects.get()
    assert response.status_code == 302 and draft.text == "I need quiet time tonight."
    page = client_browser.get(reverse("practice:statements")).content.decode()
    assert f"{reverse('practice:new')}?draft={draft.pk}" in page


def test_saving_an_empty_draft_is_refused(practice, client_browser):
    response = client_browser.post(reverse("practice:statements"), {"text": "", "action": "save"})
    assert response.status_code == 422 and not StatementDraft.objects.exists()


def test_draft_reopens_in_the_coach_and_can_be_deleted(practice, client_browser):
    client_browser.post(reverse("practice:statements"), {"text": "I feel tired.", "action": "save"})
    draft = StatementDraft.objects.get()
    page = client_browser.get(reverse("practice:statements") + f"?draft={draft.pk}")
    assert "Names a feeling" in page.content.decode()
    client_browser.post(reverse("practice:delete_draft", args=[draft.pk]))
    assert not StatementDraft.objects.exists()


def test_fragment_updates_a_one_line_live_summary_out_of_band(practice, client_browser):
    html = client_browser.post(reverse("practice:analyse"), {"text": BLAMING}).content.decode()
    summary = html.split('id="statement-summary"')[1].split("</p>")[0]
    assert 'hx-swap-oob="true"' in summary and "Found: " in summary
    assert "Uses always or never" in summary
