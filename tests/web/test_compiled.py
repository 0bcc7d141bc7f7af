"""Queries compiled once and run with fresh parameters (`kernel.compiled`): the same answers
as the ORM for every parameter value, and a refusal when a value is outside the slots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from interplay.web.accounts.models import Role, User
from interplay.web.kernel.compiled import compile_query

pytestmark = pytest.mark.django_db


def _people():
    now = timezone.now()
    made = []
    for n in range(3):
        user = User.objects.create_user(f"p{n}@example.test", "pw-long-enough-1", role=Role.CLIENT)
        User.objects.filter(pk=user.pk).update(date_joined=now - timedelta(days=10 * n))
        made.append(User.objects.get(pk=user.pk))
    return made


def _joined_since(values):
    return (
        User.objects.filter(pk__gte=values["first"], date_joined__gte=values["since"])
        .order_by("pk")
        .values("email", "date_joined")
    )


def test_one_compilation_answers_like_the_orm_for_each_value():
    people = _people()
    query = compile_query(_joined_since, {"first": "int", "since": "datetime"})
    for first in (people[0].pk, people[1].pk):
        for days in (5, 15, 25):
            values = {"first": first, "since": timezone.now() - timedelta(days=days)}
            assert query.rows(values) == list(_joined_since(values))


def test_compiled_rows_are_converted_like_the_orm_and_page_with_limit_and_offset():
    people = _people()
    query = compile_query(_joined_since, {"first": "int", "since": "datetime"})
    values = {"first": people[0].pk, "since": timezone.now() - timedelta(days=100)}
    page = query.rows(values, limit=1, offset=1)
    assert page == [{"email": people[1].email, "date_joined": people[1].date_joined}]
    assert page[0]["date_joined"].tzinfo is not None  # a datetime, not the driver's text


def test_a_value_outside_the_slots_is_refused():
    def changes_each_time(values):
        # timezone.now() differs between the two compilations: reusing the SQL would freeze it.
        return User.objects.filter(pk__gte=values["first"], date_joined__lte=timezone.now()).values(
            "email"
        )

    with pytest.raises(ValueError, match="not all in its slots"):
        compile_query(changes_each_time, {"first": "int"})


def test_model_querysets_come_back_as_instances_like_the_orm():
    people = _people()

    def from_first(values):
        return User.objects.filter(pk__gte=values["first"]).order_by("pk")

    query = compile_query(from_first, {"first": "int"})
    found = query.instances({"first": people[1].pk})
    assert [(u.pk, u.email, u.date_joined) for u in found] == [
        (u.pk, u.email, u.date_joined) for u in from_first({"first": people[1].pk})
    ]
    assert not found[0]._state.adding  # saved rows, as the ORM would give


def test_values_named_in_any_order_keep_their_names():
    # An annotation named before a field in `.values()`: the SQL selects in that order, and
    # each column is read under its own name (as the ORM's rows are).
    from django.db.models import F, Value
    from django.db.models.functions import Concat

    people = _people()

    def build(values):
        return (
            User.objects.filter(pk__gte=values["first"])
            .annotate(tagged=Concat(F("email"), Value("!")))
            .order_by("pk")
            .values("tagged", "email", "pk")
        )

    query = compile_query(build, {"first": "int"})
    values = {"first": people[0].pk}
    assert query.rows(values) == list(build(values))
    assert query.rows(values)[0]["tagged"] == people[0].email + "!"


def test_a_union_runs_its_parts_in_one_statement_each_converted_as_alone():
    """`compile_union`: each part's rows as the ORM gives them (dates converted, a typed NULL
    where a part has no such column), the first part paged by parameters, in the order
    asked, and one statement however many parts."""
    from django.db import connection
    from django.db.models import DateTimeField, F, Value
    from django.db.models.functions import Cast
    from django.test.utils import CaptureQueriesContext

    from interplay.web.kernel.compiled import compile_union

    people = _people()  # joined now, 10 and 20 days ago

    def newest_first(values):
        return (
            User.objects.filter(pk__gte=values["first"])
            .annotate(joined=F("date_joined"))
            .order_by("-date_joined", "-pk")
            .values("pk", "email", "joined")
        )

    def undated(values):
        return (
            User.objects.filter(pk=values["first"])
            .order_by()
            .annotate(joined=Cast(Value(None), DateTimeField()))
            .values("pk", "email", "joined")
        )

    union = compile_union(
        (newest_first, undated), {"first": "int"}, order_by=("-joined", "-pk"), paged=True
    )
    values = {"first": people[0].pk}
    whole = [list(row.values()) for row in newest_first(values)]
    for limit, offset in ((3, 0), (1, 1), (2, 2)):
        with CaptureQueriesContext(connection) as seen:
            paged, alone = union.part_rows(values, limit=limit, offset=offset)
        assert len(seen.captured_queries) == 1
        assert paged == whole[offset : offset + limit]
        assert alone == [[people[0].pk, people[0].email, None]]
    assert paged[0][2].tzinfo is not None  # converted as the ORM converts, not the driver's text
    with pytest.raises(TypeError):
        union.part_rows(values)  # a paged union runs a page


def test_a_union_of_parts_of_different_widths_is_refused():
    from interplay.web.kernel.compiled import compile_union

    def one(values):
        return User.objects.filter(pk=values["first"]).values("pk")

    def two(values):
        return User.objects.filter(pk=values["first"]).values("pk", "email")

    with pytest.raises(ValueError, match="as many columns"):
        compile_union((one, two), {"first": "int"})
    with pytest.raises(ValueError, match="not a column"):
        compile_union((one, one), {"first": "int"}, order_by=("email",))
