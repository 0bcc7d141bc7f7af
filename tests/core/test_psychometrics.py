import csv
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interplay.core.psychometrics import (
    PsychometricsError,
    ReliableChange,
    alpha_if_item_deleted,
    corrected_item_total,
    cronbach_alpha,
    feldt_interval,
    fit_one_factor,
    mcdonald_omega,
    reliability_table,
    reliable_change,
    respondents_used,
    smallest_reliable_change,
)

DATA = Path(__file__).parent.parent / "data"


def read_answers(name: str) -> tuple[list[str], np.ndarray]:
    with (DATA / name).open(newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    skip = 1 if header[0] == "respondent" else 0
    matrix = np.array([[float(v) if v else np.nan for v in row[skip:]] for row in body])
    return header[skip:], matrix


def simulate_items(loadings, error_sds, n=4000, seed=7):
    rng = np.random.default_rng(seed)
    trait = rng.standard_normal(n)
    errors = rng.standard_normal((n, len(loadings))) * np.asarray(error_sds)
    return trait[:, None] * np.asarray(loadings) + errors


# --- published values --------------------------------------------------------------------------


def test_alpha_matches_pingouin_with_pairwise_missing_answers():
    _, matrix = read_answers("cronbach_wide_missing.csv")
    assert cronbach_alpha(matrix, "pairwise") == pytest.approx(0.732660835214447, abs=1e-9)


def test_alpha_matches_pingouin_with_listwise_deletion():
    _, matrix = read_answers("cronbach_wide_missing.csv")
    assert cronbach_alpha(matrix, "listwise") == pytest.approx(0.8016949152542373, abs=1e-9)


def test_feldt_interval_matches_pingouin_documented_interval_pairwise():
    # pingouin's docs: (0.732660835214447, array([0.435, 0.909])) for 12 people, 11 items.
    _, matrix = read_answers("cronbach_wide_missing.csv")
    lower, upper = feldt_interval(cronbach_alpha(matrix), n_respondents=12, n_items=11)
    assert (round(lower, 3), round(upper, 3)) == (0.435, 0.909)


def test_feldt_interval_matches_pingouin_documented_interval_listwise_with_its_n():
    # pingouin keeps n = 12 after dropping rows; with that n its interval is [0.581, 0.933].
    lower, upper = feldt_interval(0.8016949152542373, n_respondents=12, n_items=11)
    assert (round(lower, 3), round(upper, 3)) == (0.581, 0.933)


def test_listwise_interval_counts_only_the_complete_answer_sets():
    # We count the 9 people actually used, so our listwise interval is wider than pingouin's.
    items, matrix = read_answers("cronbach_wide_missing.csv")
    assert respondents_used(matrix, "listwise") == 9
    [row] = reliability_table(matrix, items, {"all": items}, missing="listwise")
    assert row.n_respondents == 9
    assert row.alpha_ci == pytest.approx(feldt_interval(row.alpha, 9, 11))
    assert row.alpha_ci[0] < 0.581 and row.alpha_ci[1] > 0.933


def test_alpha_and_interval_match_pingouin_likert_example():
    # pingouin's docs: cronbach_alpha dataset, 15 people x 10 items -> 0.5917188485995826,
    # CI [0.195, 0.84].
    _, matrix = read_answers("cronbach_alpha_wide.csv")
    alpha = cronbach_alpha(matrix)
    assert alpha == pytest.approx(0.5917188485995826, abs=1e-12)
    lower, upper = feldt_interval(alpha, 15, 10)
    assert (round(lower, 3), round(upper, 3)) == (0.195, 0.84)


# --- reliable change ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected_index", "expected_class"),
    [
        (-8, -2.5298, ReliableChange.WORSE),
        (-4, -1.2649, ReliableChange.NO_RELIABLE_CHANGE),
        (0, 0.0, ReliableChange.NO_RELIABLE_CHANGE),
        (4, 1.2649, ReliableChange.NO_RELIABLE_CHANGE),
        (8, 2.5298, ReliableChange.IMPROVED),
    ],
)
def test_reliable_change_index_with_sd_5_and_reliability_80(change, expected_index, expected_class):
    result = reliable_change(20, 20 + change, sd=5, reliability=0.80)
    assert result.standard_error == pytest.approx(2.23607, abs=5e-6)
    assert result.difference_error == pytest.approx(3.16228, abs=5e-6)
    assert result.index == pytest.approx(expected_index, abs=5e-5)
    assert result.classification is expected_class


def test_a_fall_is_an_improvement_when_lower_is_better():
    result = reliable_change(30, 22, sd=5, reliability=0.80, higher_is_better=False)
    assert result.classification is ReliableChange.IMPROVED


def test_change_exactly_at_the_threshold_is_not_reliable():
    threshold = smallest_reliable_change(5, 0.80)
    assert threshold == pytest.approx(1.96 * 3.16228, abs=1e-4)
    assert reliable_change(0, threshold * 0.999, 5, 0.8).classification is (
        ReliableChange.NO_RELIABLE_CHANGE
    )
    assert reliable_change(0, threshold * 1.001, 5, 0.8).classification is ReliableChange.IMPROVED


@pytest.mark.parametrize(("sd", "reliability"), [(0, 0.8), (-1, 0.8), (5, 1.0), (5, -0.1)])
def test_reliable_change_refuses_impossible_inputs(sd, reliability):
    with pytest.raises(PsychometricsError):
        reliable_change(1, 2, sd, reliability)


# --- behaviour on simulated scales -------------------------------------------------------------


def likert(values: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(3 + values), 1, 5)


def test_undoing_a_reverse_key_lowers_alpha():
    continuous = simulate_items([0.9, 0.8, 0.9, 0.7, 0.8], [0.8] * 5, n=500)
    keyed = likert(continuous)  # what the scale means: every column counts the same way
    as_answered = keyed.copy()
    as_answered[:, 2] = 6 - as_answered[:, 2]  # item 3 is worded the other way round
    correctly_keyed = as_answered.copy()
    correctly_keyed[:, 2] = 6 - correctly_keyed[:, 2]
    assert cronbach_alpha(correctly_keyed) > cronbach_alpha(as_answered) + 0.2
    assert corrected_item_total(as_answered)[2] < 0  # the unkeyed item stands out


def test_omega_is_close_to_alpha_on_tau_equivalent_items():
    # Equal loadings, unequal error: alpha is an exact reliability here, so omega agrees.
    matrix = simulate_items([1.0] * 5, [0.6, 0.8, 1.0, 1.2, 1.4])
    assert mcdonald_omega(matrix) == pytest.approx(cronbach_alpha(matrix), abs=0.01)


def test_omega_exceeds_alpha_on_congeneric_items():
    matrix = simulate_items([0.3, 0.6, 0.9, 1.2, 1.5], [1.0] * 5)
    assert mcdonald_omega(matrix) > cronbach_alpha(matrix) + 0.01


def test_one_factor_fit_recovers_the_loadings_of_an_exact_one_factor_matrix():
    loadings = np.array([0.4, 0.5, 0.6, 0.7, 0.8])
    correlation = np.outer(loadings, loadings)
    np.fill_diagonal(correlation, 1.0)
    fit = fit_one_factor(correlation)
    assert fit.converged and not fit.heywood
    assert np.allclose(fit.loadings, loadings, atol=1e-5)


def test_omega_of_an_exact_one_factor_matrix_matches_its_formula():
    loadings = np.array([0.4, 0.5, 0.6, 0.7, 0.8])
    sds = np.array([1.0, 2.0, 0.5, 1.5, 1.0])
    # Build data whose sample covariance is exactly the model-implied one.
    covariance = np.outer(loadings * sds, loadings * sds) + np.diag((1 - loadings**2) * sds**2)
    rng = np.random.default_rng(1)
    raw = rng.standard_normal((200, 5))
    raw -= raw.mean(axis=0)
    whitened = raw @ np.linalg.inv(np.linalg.cholesky(np.cov(raw, rowvar=False)).T)
    matrix = whitened @ np.linalg.cholesky(covariance).T
    common = (loadings * sds).sum() ** 2
    expected = common / (common + ((1 - loadings**2) * sds**2).sum())
    assert mcdonald_omega(matrix) == pytest.approx(expected, abs=1e-6)


def test_item_statistics_match_direct_computation_on_complete_answers():
    matrix = likert(simulate_items([0.9, 0.7, 0.5, 0.8], [0.9] * 4, n=300))
    item_total = corrected_item_total(matrix)
    if_deleted = alpha_if_item_deleted(matrix)
    for i in range(4):
        rest = np.delete(matrix, i, axis=1)
        direct = np.corrcoef(matrix[:, i], rest.sum(axis=1))[0, 1]
        assert item_total[i] == pytest.approx(direct, abs=1e-12)
        assert if_deleted[i] == pytest.approx(cronbach_alpha(rest), abs=1e-12)


def test_alpha_equals_its_textbook_formula_on_complete_answers():
    matrix = likert(simulate_items([0.9, 0.7, 0.5, 0.8], [0.9] * 4, n=300))
    k = matrix.shape[1]
    by_formula = (
        k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))
    )
    assert cronbach_alpha(matrix) == pytest.approx(by_formula, abs=1e-12)
    assert cronbach_alpha(matrix, "listwise") == pytest.approx(by_formula, abs=1e-12)


def test_reliability_table_reports_each_scale_with_its_items():
    matrix = likert(simulate_items([0.9] * 6, [0.8] * 6, n=200))
    ids = ["a1", "a2", "a3", "b1", "b2", "c1"]
    rows = reliability_table(matrix, ids, {"a": ["a1", "a2", "a3"], "b": ["b1", "b2"], "c": ["c1"]})
    a, b, c = rows
    assert (a.scale, a.n_items, a.n_respondents) == ("a", 3, 200)
    assert a.alpha_ci[0] < a.alpha < a.alpha_ci[1]
    assert [item.item_id for item in a.items] == ["a1", "a2", "a3"]
    assert all(item.loading > 0 for item in a.items)
    assert not math.isnan(b.alpha) and math.isnan(b.omega) and "three items" in b.note
    assert math.isnan(c.alpha) and "two items" in c.note
    assert c.to_dict()["alpha"] is None  # JSON-safe


def test_reliability_table_names_an_unknown_item():
    with pytest.raises(PsychometricsError, match="zz"):
        reliability_table(np.ones((3, 2)), ["a", "b"], {"s": ["a", "zz"]})


# --- undefined cases and robustness ------------------------------------------------------------


def test_fewer_than_two_items_is_a_clear_error():
    with pytest.raises(PsychometricsError, match="at least 2 items"):
        cronbach_alpha(np.array([[1.0], [2.0], [3.0]]))


def test_fewer_than_two_respondents_gives_nan():
    assert math.isnan(cronbach_alpha(np.array([[1.0, 2.0, 3.0]])))
    assert math.isnan(cronbach_alpha(np.empty((0, 3))))


def test_nobody_varying_gives_nan():
    assert math.isnan(cronbach_alpha(np.full((5, 3), 4.0)))


def test_unknown_missing_policy_is_refused():
    with pytest.raises(PsychometricsError, match="pairwise"):
        cronbach_alpha(np.ones((3, 3)), "mean")  # type: ignore[arg-type]


answer = st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, math.nan])


@st.composite
def answer_tables(draw):
    n = draw(st.integers(0, 12))
    k = draw(st.integers(0, 7))
    return np.array(
        draw(st.lists(st.lists(answer, min_size=k, max_size=k), min_size=n, max_size=n))
    ).reshape(n, k)


@settings(max_examples=300, deadline=None)
@given(matrix=answer_tables(), missing=st.sampled_from(["pairwise", "listwise"]))
def test_alpha_never_crashes_on_tables_with_missing_answers(matrix, missing):
    if matrix.shape[1] < 2:
        with pytest.raises(PsychometricsError):
            cronbach_alpha(matrix, missing)
        return
    alpha = cronbach_alpha(matrix, missing)
    assert isinstance(alpha, float)
    if missing == "listwise" and not math.isnan(alpha):
        assert alpha <= 1 + 1e-9  # a proper covariance matrix cannot give more than 1
    omega = mcdonald_omega(matrix, missing)
    assert math.isnan(omega) or 0 <= omega <= 1 + 1e-9
    ids = [f"i{j}" for j in range(matrix.shape[1])]
    [row] = reliability_table(matrix, ids, {"s": ids}, missing=missing)
    assert row.n_items == matrix.shape[1]


def test_one_factor_fit_minimises_squared_off_diagonal_residuals():
    # An independent check of the "minres" claim: plain gradient descent on the least-squares
    # objective sum_{i<j} (r_ij - l_i l_j)^2 must land on the same loadings.
    matrix = likert(simulate_items([0.9, 0.5, 0.7, 0.3, 0.8, 0.6], [0.9] * 6, n=150, seed=11))
    correlation = np.corrcoef(matrix, rowvar=False)
    loadings = np.full(6, 0.5)
    off_diagonal = ~np.eye(6, dtype=bool)
    for _ in range(20_000):
        residual = (correlation - np.outer(loadings, loadings)) * off_diagonal
        loadings += 0.05 * 2 * residual @ loadings
    assert np.allclose(fit_one_factor(correlation).loadings, loadings, atol=1e-6)
