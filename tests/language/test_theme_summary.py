import pytest
from hypothesis import given
from hypothesis import strategies as st

from interplay.core.vocabulary import Theme
from interplay.language.theme_summary import Piece, ThemeCount, highlight, summarise_themes


def test_summary_counts_each_theme_once_per_entry_over_the_latest_window():
    entries = [
        ["porous_boundaries", "porous_boundaries"],
        ["porous_boundaries"],
        [],
        ["confluence"],
    ]
    summary = summarise_themes(entries, window=3)
    assert summary == [ThemeCount(Theme.POROUS_BOUNDARIES, 2, 3)]


def test_entries_without_themes_still_count_towards_out_of():
    summary = summarise_themes([[], [], [Theme.PERFECTIONISM]])
    assert summary == [ThemeCount(Theme.PERFECTIONISM, 1, 3)]


def test_summary_orders_by_count_then_vocabulary_and_ignores_unknown_ids():
    entries = [["confluence", "retired_theme"], ["over_independence", "confluence"], ["x"]]
    summary = summarise_themes(entries)
    assert [(row.theme, row.count) for row in summary] == [
        (Theme.CONFLUENCE, 2),
        (Theme.OVER_INDEPENDENCE, 1),
    ]


def test_summary_of_nothing_is_empty_and_a_zero_window_is_refused():
    assert summarise_themes([]) == []
    with pytest.raises(ValueError, match="window"):
        summarise_themes([["confluence"]], window=0)


def test_highlight_cuts_at_span_edges_and_carries_overlapping_labels():
    pieces = highlight("abcdefgh", [(1, 4, "a"), (3, 6, "b")])
    assert pieces == [
        Piece("a", ()),
        Piece("bc", ("a",)),
        Piece("d", ("a", "b")),
        Piece("ef", ("b",)),
        Piece("gh", ()),
    ]


def test_highlight_clips_spans_outside_the_text_and_drops_empty_ones():
    assert highlight("abc", [(2, 99, "a"), (5, 9, "b"), (1, 1, "c")]) == [
        Piece("ab", ()),
        Piece("c", ("a",)),
    ]
    assert highlight("", [(0, 3, "a")]) == []


@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210), st.sampled_from("abc"))),
)
def test_highlight_pieces_always_rebuild_the_text(text, spans):
    pieces = highlight(text, spans)
    assert "".join(piece.text for piece in pieces) == text
