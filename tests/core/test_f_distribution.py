import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interplay.core.f_distribution import f_cdf, f_quantile, regularized_incomplete_beta

# Upper-tail critical values from published F tables (6-7 significant figures).
PUBLISHED_QUANTILES = [
    (0.95, 1, 1, 161.4476),
    (0.99, 1, 1, 4052.181),
    (0.95, 5, 10, 3.325835),
    (0.95, 10, 10, 2.978237),
    (0.95, 3, 20, 3.098391),
    (0.95, 4, 30, 2.689628),
    (0.95, 1, 10, 2.228139**2),  # F(1, d) is the square of Student's t with d df
]


@pytest.mark.parametrize(("probability", "df1", "df2", "expected"), PUBLISHED_QUANTILES)
def test_quantile_matches_published_f_tables(probability, df1, df2, expected):
    assert f_quantile(probability, df1, df2) == pytest.approx(expected, rel=2e-6)


@pytest.mark.parametrize("df2", [1, 3, 10, 57, 400])
@pytest.mark.parametrize("probability", [0.001, 0.025, 0.5, 0.975, 0.999])
def test_quantile_with_two_numerator_df_matches_closed_form(probability, df2):
    # For df1 = 2 the F distribution function inverts exactly:
    # P(F <= x) = 1 - (1 + 2x / df2) ** (-df2 / 2).
    expected = df2 / 2 * ((1 - probability) ** (-2 / df2) - 1)
    assert f_quantile(probability, 2, df2) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(("a", "b"), [(1, 1), (2, 3), (5, 1), (1, 7)])
@pytest.mark.parametrize("x", [0.01, 0.3, 0.5, 0.9, 0.999])
def test_incomplete_beta_matches_closed_forms_for_small_integer_parameters(a, b, x):
    # I_x(a, b) for whole a, b is a binomial tail: P(at least a successes in a+b-1 trials).
    n = a + b - 1
    expected = sum(math.comb(n, j) * x**j * (1 - x) ** (n - j) for j in range(a, n + 1))
    assert regularized_incomplete_beta(a, b, x) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@given(
    probability=st.floats(0.0005, 0.9995),
    df1=st.integers(1, 300),
    df2=st.integers(1, 3000),
)
def test_cdf_undoes_quantile(probability, df1, df2):
    assert f_cdf(f_quantile(probability, df1, df2), df1, df2) == pytest.approx(
        probability, abs=1e-9
    )


def test_bad_arguments_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="probability"):
        f_quantile(1.0, 3, 4)
    with pytest.raises(ValueError, match="degrees of freedom"):
        f_quantile(0.5, 0, 4)
    with pytest.raises(ValueError, match="positive"):
        regularized_incomplete_beta(-1, 2, 0.5)


def test_cdf_edges():
    assert f_cdf(0.0, 3, 4) == 0.0
    assert f_cdf(-2.0, 3, 4) == 0.0
    assert f_cdf(math.inf, 3, 4) == 1.0
