"""The relationship map: people on finer scales, the picture and its table, recommendations
by the method's rule with the people they rest on, snapshots, and sharing the whole map."""

import re

from django.urls import reverse

from interplay.web.relationships.models import MapPerson, MapSharing, MapSnapshot
from interplay.web.values.actions import do_add_value
from tests.web.practice.pages import PERSON

JO = {"name": "Jo", "kind": "partner", "give": "2", "receive": "3", "energy": "0",
      "boundary": "0", "trust": "4"}  # fmt: skip
AMIR = {"name": "Amir", "kind": "work", "give": "1", "receive": "1", "energy": "2",
        "boundary": "2", "trust": "2"}  # fmt: skip


def test_three_people_give_the_recommendations_with_their_people(practice, client_browser):
    for person in (PERSON, JO, AMIR):
        response = client_browser.post(reverse("relationships:map"), person)
        assert response.status_code == 302
    html = client_browser.get(reverse("relationships:map")).content.decode()
    assert "Consider loosening" in html and "Consider firming up" in html
    assert "A reciprocity gap" in html and "A connection gap" not in html
    firm = html.split("recommendation-firm_up")[1].split("</li>")[0]
    assert "This rests on:" in firm and "Sam" in firm
    assert "Across your map you give more support (7) than you receive (5)." in html


def test_picture_has_a_node_per_person_and_a_table_as_its_text(practice, client_browser):
    for person in (PERSON, JO):
        client_browser.post(reverse("relationships:map"), person)
    html = client_browser.get(reverse("relationships:map")).content.decode()
    assert 'role="img"' in html and "<desc" in html
    assert len(re.findall(r'<g class="person ', html)) == 2
    assert 'stroke-dasharray="4 3"' in html  # Sam's porous boundary
    assert '<th scope="row">Sam</th>' in html and '<th scope="row">Jo</th>' in html


def test_a_bad_score_is_refused_and_the_form_keeps_its_values(practice, client_browser):
    response = client_browser.post(reverse("relationships:map"), {**PERSON, "trust": "9"})
    html = response.content.decode()
    assert response.status_code == 422 and "Trust and safety" in html
    assert 'value="Sam"' in html and "A private note about Sam." in html
    assert not MapPerson.objects.exists()


def test_a_person_needs_a_name(practice, client_browser):
    response = client_browser.post(reverse("relationships:map"), {**PERSON, "name": " "})
    assert response.status_code == 422 and "name or a nickname" in response.content.decode()


def test_edit_link_a_value_and_remove_a_person(practice, client_browser):
    client_browser.post(reverse("relationships:map"), PERSON)
    person = MapPerson.objects.get()
    value = do_add_value(own_words="My evenings", actor=practice.client)
    response = client_browser.post(
        reverse("relationships:person", args=[person.pk]),
        {**PERSON, "boundary": "1", "value": str(value.pk)},
    )
    person.refresh_from_db()
    assert response.status_code == 302 and person.boundary == 1 and person.value == value
    assert "My evenings" in client_browser.get(reverse("relationships:map")).content.decode()
    client_browser.post(reverse("relationships:delete_person", args=[person.pk]))
    assert not MapPerson.objects.exists()


def test_snapshot_keeps_the_map_as_it_was(practice, client_browser):
    client_browser.post(reverse("relationships:map"), PERSON)
    client_browser.post(reverse("relationships:take_snapshot"))
    snapshot = MapSnapshot.objects.get()
    person = MapPerson.objects.get()
    client_browser.post(
        reverse("relationships:person", args=[person.pk]), {**PERSON, "name": "Samira"}
    )
    html = client_browser.get(
        reverse("relationships:snapshot", args=[snapshot.pk])
    ).content.decode()
    assert "<td>Sam</td>" in html and "Samira" not in html


def test_an_empty_map_cannot_be_snapshotted(practice, client_browser):
    client_browser.post(reverse("relationships:take_snapshot"))
    assert not MapSnapshot.objects.exists()


def test_the_map_is_shared_as_a_whole(practice, client_browser):
    client_browser.post(reverse("relationships:share"), {"shared": "1"})
    assert MapSharing.objects.get(owner=practice.client).shared_with_coach
    client_browser.post(reverse("relationships:share"), {"shared": "0"})
    assert not MapSharing.objects.get(owner=practice.client).shared_with_coach


def test_the_map_says_what_changed_since_the_last_snapshot(practice, client_browser):
    client_browser.post(reverse("relationships:map"), PERSON)
    client_browser.post(reverse("relationships:take_snapshot"))
    person = MapPerson.objects.get()
    client_browser.post(
        reverse("relationships:person", args=[person.pk]), {**PERSON, "boundary": "2"}
    )
    client_browser.post(reverse("relationships:map"), JO)
    html = client_browser.get(reverse("relationships:map")).content.decode()
    assert "Jo is new on the map." in html
    assert "Sam: your boundary porous → balanced." in html
