"""The F distribution, in pure Python, for confidence intervals on reliability.

Feldt's interval for Cronbach's alpha needs quantiles of the F distribution. SciPy would give
them, but the core stays small and pure, so we compute them here: the F cumulative distribution
is a regularised incomplete beta function, evaluated with its continued fraction (modified
Lentz's method), and a quantile is found by bisection on that function, which is monotone.
Accuracy is close to double precision for the degrees of freedom a questionnaire produces
(checked against published tables and closed forms in the tests).
"""

from __future__ import annotations

import math
from functools import lru_cache

_TINY = 1e-300  # keeps the continued fraction away from a division by zero
_EPSILON = 1e-15
_MAX_TERMS = 10_000


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction for I_x(a, b); converges quickly when x < (a + 1) / (a + b + 2)."""
    a_plus_b = a + b
    c = 1.0
    d = 1.0 - a_plus_b * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS + 1):
        two_m = 2 * m
        # Even step of the fraction.
        numerator = m * (b - m) * x / ((a - 1.0 + two_m) * (a + two_m))
        d = 1.0 + numerator * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + numerator / c
        c = c if abs(c) > _TINY else _TINY
        result *= d * c
        # Odd step of the fraction.
        numerator = -(a + m) * (a_plus_b + m) * x / ((a + two_m) * (a + 1.0 + two_m))
        d = 1.0 + numerator * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + numerator / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        result *= step
        if abs(step - 1.0) < _EPSILON:
            return result
    raise ArithmeticError(f"incomplete beta did not converge for a={a}, b={b}, x={x}")


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b): the cumulative distribution of a Beta(a, b) variable at x."""
    if a <= 0 or b <= 0:
        raise ValueError(f"beta parameters must be positive (got a={a}, b={b})")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The fraction converges fast on one side of the mean; use the symmetry
    # I_x(a, b) = 1 - I_{1-x}(b, a) on the other.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def _check_degrees(df1: float, df2: float) -> None:
    if not (df1 > 0 and df2 > 0 and math.isfinite(df1) and math.isfinite(df2)):
        raise ValueError(f"degrees of freedom must be positive and finite (got {df1}, {df2})")


def f_cdf(value: float, df1: float, df2: float) -> float:
    """P(F <= value) for an F distribution with (df1, df2) degrees of freedom."""
    _check_degrees(df1, df2)
    if value <= 0:
        return 0.0
    if math.isinf(value):
        return 1.0
    x = df1 * value / (df1 * value + df2)
    return regularized_incomplete_beta(df1 / 2.0, df2 / 2.0, x)


@lru_cache(maxsize=512)  # scales of one instrument share n and k, so share quantiles
def f_quantile(probability: float, df1: float, df2: float) -> float:
    """The value below which an F(df1, df2) variable falls with the given probability."""
    _check_degrees(df1, df2)
    if not 0.0 < probability < 1.0:
        raise ValueError(f"probability must lie strictly between 0 and 1 (got {probability})")
    a, b = df1 / 2.0, df2 / 2.0
    # Bisect on the beta variable x in (0, 1), where I_x(a, b) rises from 0 to 1, then map back:
    # F = df2 * x / (df1 * (1 - x)). Bisection is slow but cannot fail, and a quantile is
    # needed only twice per interval.
    low, high = 0.0, 1.0
    for _ in range(2_000):
        middle = (low + high) / 2.0
        if middle in (low, high):
            break
        if regularized_incomplete_beta(a, b, middle) < probability:
            low = middle
        else:
            high = middle
    x = (low + high) / 2.0
    return df2 * x / (df1 * (1.0 - x))
