"""The PDF reports open in poppler, hold the scale names and the non-diagnostic note, number
their pages, name the person by their chosen name only, and the supervision summary names
nobody and quotes nothing the client wrote."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from interplay.web.journal.actions import do_save_entry
from interplay.web.labels import SCALES
from interplay.web.progress.actions import do_save_review, do_set_review_sharing
from interplay.web.progress.pdf_layout import latin1
from tests.web.base import signed_in
from tests.web.progress.helpers import answers_leaning, finished, reflected

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdfinfo) not installed"
)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:" in info.stdout
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    assert list(tmp_path.glob("page*.png")), "the first page did not render"
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return out.stdout


def _story(user):  # type: ignore[no-untyped-def]
    finished(user, answers_leaning(dependence=5, interdependence=2), days_ago=90)
    finished(user, answers_leaning(dependence=2, interdependence=4), days_ago=1)
    reflected(user, "Ask my sister Zoë", outcome="no", shared_with_coach=True)
    entry = do_save_entry("", "My secret journal line", actor=user)
    return do_save_review("My own “note”—kept.", [entry.pk], actor=user)


@needs_poppler
def test_the_profile_pdf_opens_and_holds_every_scale_and_the_note(practice, tmp_path):
    _story(practice.client)
    response = signed_in(practice.client).get(reverse("progress:profile_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _text(response.content, tmp_path)
    for name in SCALES.values():
        assert latin1(name) in text, name
    assert "not a diagnosis" in text
    assert practice.client.name in text and practice.client.email not in text
    assert re.search(r"Page 1 of \d", text) and "{nb}" not in text
    assert "Leaning on others went from 5.00 to 2.00" in text.replace("\n", " ")


@needs_poppler
def test_the_review_pdf_holds_the_note_and_kept_lines(practice, tmp_path):
    review = _story(practice.client)
    response = signed_in(practice.client).get(reverse("progress:review_pdf", args=[review.pk]))
    text = _text(response.content, tmp_path)
    assert 'My own "note"-kept.' in text  # typographic marks put in Latin-1
    assert "My secret journal line" in text
    assert "Since the start" in text and "not a diagnosis" in text


@needs_poppler
def test_the_coach_gets_the_shared_review_and_profile(practice, tmp_path):
    review = _story(practice.client)
    coach = signed_in(practice.coach)
    url = reverse("coaching:review_pdf", args=[practice.client.pk, review.pk])
    assert coach.get(url).status_code == 404  # private until shared
    do_set_review_sharing(review, True, actor=practice.client)
    assert "My secret journal line" in _text(coach.get(url).content, tmp_path)
    profile = coach.get(reverse("coaching:profile_pdf", args=[practice.client.pk]))
    assert "Leaning on others" in _text(profile.content, tmp_path)


@needs_poppler
def test_the_supervision_summary_is_anonymised(practice, tmp_path):
    _story(practice.client)
    response = signed_in(practice.coach).get(
        reverse("coaching:supervision_pdf", args=[practice.client.pk])
    )
    text = _text(response.content, tmp_path)
    assert "an anonymised case" in text
    for private in (practice.client.name, practice.client.email, "Zo", "secret", "note"):
        assert private not in text, private
    assert "The feared outcome happened in 0 of 1 experiment." in text


def test_latin1_keeps_typography_readable_and_never_fails():
    assert latin1("“a” – b → c…") == '"a" - b -> c...'
    assert latin1("Łukasz Zoë") == "?ukasz Zoë"
