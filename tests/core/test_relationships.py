"""The relationship map: the method's rule, explained, stable whatever the order of people."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interplay.core.relationship_layout import FARTHEST, NEAREST, Balance, layout_map
from interplay.core.relationships import (
    MapError,
    Person,
    parse_map,
    reciprocity_summary,
    recommend,
)
from interplay.core.vocabulary import Energy, PersonBoundary, RecommendationKind, RelationshipKind


def person(
    name, give=2, receive=2, leaves_me="neutral", boundary="balanced", trust=2, kind="friend"
):
    return Person(
        name,
        RelationshipKind(kind),
        give,
        receive,
        Energy(leaves_me),
        PersonBoundary(boundary),
        trust,
    )


def kinds(recommendations):
    return {r.kind: r.people for r in recommendations}


def test_safe_and_rigid_suggests_loosening():
    found = kinds(
        recommend([person("Ana", boundary="rigid", trust=3, receive=3, leaves_me="energised")])
    )
    assert found[RecommendationKind.LOOSEN] == ("Ana",)


def test_rigid_but_draining_is_not_called_safe():
    found = kinds(recommend([person("Ana", boundary="rigid", trust=4, leaves_me="drained")]))
    assert RecommendationKind.LOOSEN not in found


def test_draining_and_porous_suggests_firming_up():
    found = kinds(recommend([person("Bo", boundary="porous", leaves_me="drained")]))
    assert found[RecommendationKind.FIRM_UP] == ("Bo",)


def test_giving_two_more_than_receiving_is_a_reciprocity_gap_but_one_more_is_not():
    found = kinds(recommend([person("Cy", give=4, receive=2), person("Di", give=3, receive=2)]))
    assert found[RecommendationKind.RECIPROCITY_GAP] == ("Cy",)


def test_no_one_to_lean_on_is_a_connection_gap_resting_on_the_whole_map():
    found = kinds(recommend([person("Cy", receive=4, trust=2), person("Ed", receive=2, trust=4)]))
    assert found[RecommendationKind.CONNECTION_GAP] == ("Cy", "Ed")


def test_someone_to_lean_on_closes_the_connection_gap():
    assert kinds(recommend([person("Fay", receive=3, trust=3)])) == {}


def test_every_recommendation_explains_its_rule():
    for rec in recommend([person("Bo", give=4, receive=0, boundary="porous", leaves_me="drained")]):
        assert len(rec.rule) > 40 and rec.people


def test_reciprocity_summary_names_who_gives_most_and_ties():
    summary = reciprocity_summary(
        [
            person("Ana", give=1, receive=4),
            person("Bo", give=4, receive=1),
            person("Cy", give=4, receive=4),
        ]
    )
    assert (summary.total_give, summary.total_receive) == (9, 9)
    assert summary.gives_most_to_you == ("Ana", "Cy")
    assert summary.you_give_most_to == ("Bo", "Cy")
    assert "even" in summary.sentence


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"trust": 5}, "person 1 ('Sam'): field 'trust' must be a whole number from 0 to 4"),
        ({"give": "lots"}, "field 'give'"),
        ({"leaves_me": "tired"}, "field 'leaves_me' must be one of: energised, neutral, drained"),
        ({"boundary": "mixed"}, "field 'boundary'"),
        ({"kind": "neighbour"}, "field 'kind'"),
        ({"name": ""}, "person 1: field 'name'"),
    ],
)
def test_bad_person_is_reported_by_name_and_field(change, message):
    raw = {
        "name": "Sam",
        "kind": "friend",
        "give": 1,
        "receive": 1,
        "leaves_me": "neutral",
        "boundary": "rigid",
        "trust": 1,
    }
    with pytest.raises(MapError) as caught:
        parse_map({"people": [{**raw, **change}]})
    assert message in str(caught.value)


def test_missing_field_is_named():
    with pytest.raises(MapError, match="person 1 \\('Sam'\\): field 'trust' is missing"):
        parse_map(
            {
                "people": [
                    {
                        "name": "Sam",
                        "kind": "friend",
                        "give": 1,
                        "receive": 1,
                        "leaves_me": "neutral",
                        "boundary": "rigid",
                    }
                ]
            }
        )


def test_map_without_people_list_is_refused():
    with pytest.raises(MapError, match="people"):
        parse_map({"persons": []})


def test_layout_puts_closer_people_nearer_the_centre_with_marks():
    layout = layout_map(
        [person("Near", receive=4, trust=4, give=1), person("Far", receive=0, trust=0)]
    )
    near, far = sorted(layout.nodes, key=lambda n: n.name != "Near")
    cx, cy = layout.centre
    assert math.isclose(math.dist((near.x, near.y), (cx, cy)), NEAREST, abs_tol=0.2)
    assert math.isclose(math.dist((far.x, far.y), (cx, cy)), FARTHEST, abs_tol=0.2)
    assert near.balance is Balance.YOU_RECEIVE_MORE and near.balance_amount == 3
    assert layout.table[0][0] == "Name" and len(layout.table) == 3


people_strategy = st.lists(
    st.builds(
        person,
        st.sampled_from(["Ana", "Bo", "Cy", "Di", "Ed", "Fay"]),
        st.integers(0, 4),
        st.integers(0, 4),
        st.sampled_from([e.value for e in Energy]),
        st.sampled_from([b.value for b in PersonBoundary]),
        st.integers(0, 4),
        st.sampled_from([k.value for k in RelationshipKind]),
    ),
    max_size=8,
)


@given(people_strategy, st.randoms(use_true_random=False))
def test_recommendations_summary_and_layout_are_stable_under_reordering(people, random):
    shuffled = list(people)
    random.shuffle(shuffled)
    assert recommend(people) == recommend(shuffled)
    assert reciprocity_summary(people) == reciprocity_summary(shuffled)
    assert layout_map(people) == layout_map(shuffled)


def test_finer_screen_scales_map_onto_the_three_values_in_equal_bands():
    from interplay.core.relationships import BOUNDARY_SCALE, ENERGY_SCALE, from_scale

    assert [from_scale(p, 5, ENERGY_SCALE).value for p in range(5)] == [
        "energised",
        "energised",
        "neutral",
        "drained",
        "drained",
    ]
    assert from_scale(0, 3, BOUNDARY_SCALE) is PersonBoundary.RIGID
    with pytest.raises(ValueError, match="from 0 to 4"):
        from_scale(5, 5, ENERGY_SCALE)
