"""Role-play scenarios as content: the shipped set, and the same validation for a coach's own."""

import re

import pytest

from interplay.core.content_files import ContentError
from interplay.core.scenarios import (
    MAX_TURNS,
    MIN_TURNS,
    Response,
    load_scenarios,
    parse_scenario,
    scenario_library,
    scenario_to_dict,
)
from interplay.core.vocabulary import Direction

SHIPPED = scenario_library()


def test_at_least_twelve_scenarios_ship_in_both_directions():
    assert len(SHIPPED) >= 12
    for direction in Direction:
        assert sum(s.direction is direction for s in SHIPPED) >= 5, direction


def test_the_scenarios_the_method_names_are_all_there():
    titles = " ".join(s.title.lower() for s in SHIPPED)
    for words in (
        "weekend",
        "friend who leans",
        "colleague for help",
        "quiet time",
        "offer of help",
        "opinion",
    ):
        assert words in titles, words


def test_ids_follow_the_pattern_and_lines_never_repeat_within_a_scenario():
    for scenario in SHIPPED:
        assert re.fullmatch(r"s-[a-z0-9]+(-[a-z0-9]+)+", scenario.id)
        lines = [line for lines in scenario.responses.values() for line in lines]
        assert len(lines) == len(set(lines)), scenario.id
        assert MIN_TURNS <= scenario.max_turns <= MAX_TURNS


def good_scenario(**changes):
    raw = scenario_to_dict(SHIPPED[0]) | {"id": "s-coach-own"}
    raw.update(changes)
    return raw


def test_scenario_round_trips_through_plain_data():
    assert parse_scenario(scenario_to_dict(SHIPPED[0])) == SHIPPED[0]


def test_coach_scenario_without_test_lines_is_accepted():
    raw = good_scenario()
    del raw["responses"]["test"]
    assert parse_scenario(raw).responses[Response.TEST] == ()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["responses"].update(sulk=["Fine."]), "field 'responses' unknown tag(s): sulk"),
        (lambda r: r.pop("opening"), "missing field 'opening'"),
        (lambda r: r.update(colour="blue"), "unknown field(s): colour"),
        (lambda r: r["responses"].update(push=["Only one"]), "'push' needs at least 2 lines"),
        (lambda r: r["responses"].update(answer=["Same", "Same"]), "'answer' repeats a line"),
        (lambda r: r.update(stakes="huge"), "field 'stakes' unknown value 'huge'"),
        (
            lambda r: r["counterpart"].update(kind="rival"),
            "field 'counterpart' 'kind' unknown value",
        ),
        (lambda r: r["counterpart"].pop("manner"), "field 'counterpart' is missing 'manner'"),
        (lambda r: r.update(max_turns=9), "field 'max_turns' must be a whole number from 4 to 8"),
        (lambda r: r.pop("id"), "missing field 'id'"),
    ],
)
def test_bad_coach_scenario_is_refused_with_the_content_message(mutate, message):
    raw = good_scenario()
    mutate(raw)
    with pytest.raises(ContentError) as caught:
        parse_scenario(raw)
    assert message in str(caught.value)


def test_coach_scenario_repeating_an_existing_id_is_refused():
    with pytest.raises(ContentError, match="duplicate id"):
        parse_scenario(good_scenario(), existing_ids=frozenset({"s-coach-own"}))


def test_broken_scenario_file_names_file_and_entry(tmp_path):
    path = tmp_path / "scenarios.toml"
    path.write_text(
        '[[scenario]]\nid = "s-a-b"\ntitle = "T"\n[scenario.responses]\nmoan = ["x"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"scenarios.toml, entry 's-a-b': missing field"):
        load_scenarios(path)
