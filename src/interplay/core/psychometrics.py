"""How far a scale's answers can be trusted: reliability, item statistics and reliable change.

Everything here works on a respondents x items matrix of numbers with NaN for a missing
answer, already reverse-keyed (see `Item.keyed`). Every statistic is computed from one item
covariance matrix, so the missing-data choice is made in one place:

- ``"pairwise"``: each covariance uses the people who answered both items, and each variance the
  people who answered that item (what pandas' ``DataFrame.cov``, pingouin's default and R's
  ``psych::alpha(use="pairwise")`` do). Nobody's answers are thrown away, at the price of a
  matrix built from slightly different groups of people.
- ``"listwise"``: only people who answered every item count.

The formulas, and what they mean for a coach, are in docs/psychometrics.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from interplay.core.f_distribution import f_quantile

Matrix = npt.NDArray[np.float64]
Missing = Literal["pairwise", "listwise"]
MISSING_POLICIES: tuple[Missing, ...] = ("pairwise", "listwise")

RELIABLE_CHANGE_THRESHOLD = 1.96  # |RC| above this is unlikely (p < .05) from error alone


class PsychometricsError(ValueError):
    """The input cannot carry the statistic at all (wrong shape, unknown option)."""


# --- input -------------------------------------------------------------------------------------


def as_matrix(matrix: npt.ArrayLike) -> Matrix:
    """The answers as a 2-D float array with NaN for missing, or a clear error."""
    try:
        array = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise PsychometricsError(f"answers must be numbers or NaN: {error}") from None
    if array.ndim != 2:
        raise PsychometricsError(
            f"answers must be a respondents x items table (got {array.ndim} dimension(s))"
        )
    if np.isinf(array).any():
        raise PsychometricsError("answers must be finite numbers or NaN (found infinity)")
    return array


def _check_missing(missing: str) -> None:
    if missing not in MISSING_POLICIES:
        raise PsychometricsError(
            f"missing must be one of {', '.join(MISSING_POLICIES)} (got {missing!r})"
        )


def complete_rows(matrix: Matrix) -> Matrix:
    """Only the respondents who answered every item (listwise deletion)."""
    return matrix[~np.isnan(matrix).any(axis=1)]


def respondents_used(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> int:
    """How many people the statistics rest on: everyone who answered at least one item
    (pairwise) or everyone who answered all of them (listwise)."""
    array = as_matrix(matrix)
    _check_missing(missing)
    answered = ~np.isnan(array)
    if missing == "listwise":
        return int(answered.all(axis=1).sum())
    return int(answered.any(axis=1).sum())


def item_covariance(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> Matrix:
    """The items' covariance matrix (n - 1 denominator). A pair answered together by fewer
    than two people has a NaN covariance, and so does every statistic built on it."""
    array = as_matrix(matrix)
    _check_missing(missing)
    if missing == "listwise":
        array = complete_rows(array)
    n_items = array.shape[1]
    answered = ~np.isnan(array)
    covariance = np.full((n_items, n_items), np.nan)
    for i in range(n_items):
        for j in range(i, n_items):
            both = answered[:, i] & answered[:, j]
            count = int(both.sum())
            if count < 2:
                continue
            x = array[both, i]
            y = array[both, j]
            value = float(np.dot(x - x.mean(), y - y.mean()) / (count - 1))
            covariance[i, j] = covariance[j, i] = value
    return covariance


# --- alpha -------------------------------------------------------------------------------------


def alpha_from_covariance(covariance: Matrix) -> float:
    """k / (k - 1) * (1 - sum of item variances / variance of the total)."""
    n_items = int(covariance.shape[0])
    if n_items < 2:
        return math.nan
    total_variance = float(covariance.sum())
    if not math.isfinite(total_variance) or total_variance <= 0:
        return math.nan
    return n_items / (n_items - 1) * (1.0 - float(np.trace(covariance)) / total_variance)


def _check_items(array: Matrix, needed: int = 2) -> None:
    if array.shape[1] < needed:
        raise PsychometricsError(
            f"reliability needs at least {needed} items (got {array.shape[1]})"
        )


def cronbach_alpha(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> float:
    """Cronbach's alpha of the unweighted sum of the items. NaN when the data cannot
    carry it (fewer than two people answered a pair of items, or no one varies)."""
    array = as_matrix(matrix)
    _check_items(array)
    return alpha_from_covariance(item_covariance(array, missing))


def feldt_interval(
    alpha: float, n_respondents: int, n_items: int, level: float = 0.95
) -> tuple[float, float]:
    """Feldt's (1987) confidence interval for alpha: (1 - alpha) / (1 - population alpha)
    follows an F distribution with n - 1 and (n - 1)(k - 1) degrees of freedom."""
    if not 0.0 < level < 1.0:
        raise PsychometricsError(f"confidence level must lie between 0 and 1 (got {level})")
    if not math.isfinite(alpha) or n_respondents < 2 or n_items < 2:
        return (math.nan, math.nan)
    df1 = n_respondents - 1
    df2 = df1 * (n_items - 1)
    tail = (1.0 - level) / 2.0
    lower = 1.0 - (1.0 - alpha) * f_quantile(1.0 - tail, df1, df2)
    upper = 1.0 - (1.0 - alpha) * f_quantile(tail, df1, df2)
    return (lower, upper)


def alpha_if_item_deleted(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> Matrix:
    """Alpha of the scale without each item in turn (NaN when only one item would remain)."""
    array = as_matrix(matrix)
    _check_items(array)
    return _alpha_if_deleted(item_covariance(array, missing))


def _alpha_if_deleted(covariance: Matrix) -> Matrix:
    n_items = int(covariance.shape[0])
    result = np.full(n_items, np.nan)
    for i in range(n_items):
        rest = [j for j in range(n_items) if j != i]
        result[i] = alpha_from_covariance(covariance[np.ix_(rest, rest)])
    return result


def corrected_item_total(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> Matrix:
    """Each item's correlation with the sum of the other items (so the item does not
    correlate with itself), computed from the covariance matrix."""
    array = as_matrix(matrix)
    _check_items(array)
    return _corrected_item_total(item_covariance(array, missing))


def _corrected_item_total(covariance: Matrix) -> Matrix:
    n_items = int(covariance.shape[0])
    result = np.full(n_items, np.nan)
    for i in range(n_items):
        rest = [j for j in range(n_items) if j != i]
        rest_variance = float(covariance[np.ix_(rest, rest)].sum())
        item_variance = float(covariance[i, i])
        if not (rest_variance > 0 and item_variance > 0):
            continue
        result[i] = float(covariance[i, rest].sum()) / math.sqrt(item_variance * rest_variance)
    return result


# --- omega -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OneFactorFit:
    """A one-factor model of a correlation matrix: R ~ loadings loadings' + diag(1 - h2)."""

    loadings: tuple[float, ...]
    iterations: int
    converged: bool
    heywood: bool  # a communality reached 1: the model wanted an impossible value

    @property
    def communalities(self) -> tuple[float, ...]:
        return tuple(loading**2 for loading in self.loadings)


def _starting_communalities(correlation: Matrix) -> Matrix:
    """Squared multiple correlations, or each item's largest correlation when R is singular."""
    try:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            smc = 1.0 - 1.0 / np.diag(np.linalg.inv(correlation))
        if np.all(np.isfinite(smc)) and np.all((smc >= 0) & (smc <= 1)):
            return np.asarray(smc, dtype=np.float64)
    except np.linalg.LinAlgError:
        pass
    off_diagonal = np.abs(correlation - np.diag(np.diag(correlation)))
    return np.asarray(off_diagonal.max(axis=1), dtype=np.float64)


def fit_one_factor(
    correlation: Matrix, max_iterations: int = 5_000, tolerance: float = 1e-10
) -> OneFactorFit:
    """Iterated principal axis factoring with one factor.

    Put the communalities on the diagonal of R, take the first eigenvector scaled by the root
    of its eigenvalue as the loadings, recompute the communalities as squared loadings and
    repeat until they settle. The fixed point minimises the squared off-diagonal residuals
    (unweighted least squares, the same solution as "minres" in R's psych). Communalities are
    kept within [0, 1]; hitting 1 is reported as a Heywood case.
    """
    n_items = correlation.shape[0]
    communalities = np.clip(_starting_communalities(correlation), 0.0, 1.0)
    loadings = np.zeros(n_items)
    converged = False
    iteration = 0
    for iteration in range(1, max_iterations + 1):  # noqa: B007 - reported after the loop
        reduced = correlation.copy()
        np.fill_diagonal(reduced, communalities)
        eigenvalues, eigenvectors = np.linalg.eigh(reduced)
        loadings = eigenvectors[:, -1] * math.sqrt(max(float(eigenvalues[-1]), 0.0))
        updated = np.clip(loadings**2, 0.0, 1.0)
        change = float(np.max(np.abs(updated - communalities)))
        communalities = updated
        if change < tolerance:
            converged = True
            break
    # A loading past +-1 would mean a negative unique variance; hold it at the boundary.
    loadings = np.clip(loadings, -1.0, 1.0)
    if loadings.sum() < 0:  # a factor's sign is arbitrary; point it along the scale
        loadings = -loadings
    return OneFactorFit(
        loadings=tuple(float(value) for value in loadings),
        iterations=iteration,
        converged=converged,
        heywood=bool(np.any(communalities >= 1.0 - 1e-9)),
    )


def correlation_from_covariance(covariance: Matrix) -> Matrix:
    deviations = np.sqrt(np.diag(covariance))
    correlation = covariance / np.outer(deviations, deviations)
    # Pairwise matrices can stray a hair past +-1; the diagonal is 1 by definition.
    correlation = np.clip(correlation, -1.0, 1.0)
    np.fill_diagonal(correlation, 1.0)
    return np.asarray(correlation, dtype=np.float64)


def omega_from_covariance(covariance: Matrix) -> tuple[float, OneFactorFit | None]:
    """McDonald's omega total for the unweighted sum of the raw items, from a one-factor fit.

    The factor is fitted to the correlation matrix and its loadings rescaled to each item's
    standard deviation, so omega describes the same total score as alpha:
    omega = (sum of loadings)^2 / ((sum of loadings)^2 + sum of unique variances).
    One factor needs at least three items to be identified; fewer give NaN.
    """
    n_items = int(covariance.shape[0])
    if n_items < 3 or not np.all(np.isfinite(covariance)):
        return (math.nan, None)
    variances = np.diag(covariance)
    if np.any(variances <= 0):
        return (math.nan, None)
    fit = fit_one_factor(correlation_from_covariance(covariance))
    standardised = np.asarray(fit.loadings)
    raw_loadings = standardised * np.sqrt(variances)
    unique_variances = (1.0 - standardised**2) * variances
    common = float(raw_loadings.sum()) ** 2
    denominator = common + float(unique_variances.sum())
    if denominator <= 0:
        return (math.nan, fit)
    return (common / denominator, fit)


def mcdonald_omega(matrix: npt.ArrayLike, missing: Missing = "pairwise") -> float:
    """McDonald's omega total (see `omega_from_covariance`)."""
    array = as_matrix(matrix)
    _check_items(array)
    return omega_from_covariance(item_covariance(array, missing))[0]


# --- reliable change ---------------------------------------------------------------------------


class ReliableChange(StrEnum):
    IMPROVED = "reliably_improved"
    WORSE = "reliably_worse"
    NO_RELIABLE_CHANGE = "no_reliable_change"


@dataclass(frozen=True)
class ReliableChangeResult:
    """Jacobson & Truax (1991): is a change bigger than measurement error would produce?"""

    change: float
    standard_error: float  # SE of one measurement: SD * sqrt(1 - r)
    difference_error: float  # SE of a difference of two measurements: sqrt(2 * SE^2)
    index: float  # RC = change / difference_error
    classification: ReliableChange


def reliable_change(
    before: float,
    after: float,
    sd: float,
    reliability: float,
    *,
    higher_is_better: bool = True,
) -> ReliableChangeResult:
    """The reliable change index for one person's move from `before` to `after`.

    `sd` is the spread of scores in a reference group and `reliability` the scale's
    reliability (alpha, or a test-retest correlation). Whether a rise is an improvement
    depends on the scale, so the caller says which way is better.
    """
    if not (sd > 0 and math.isfinite(sd)):
        raise PsychometricsError(f"the standard deviation must be a positive number (got {sd})")
    if not (0.0 <= reliability < 1.0):
        raise PsychometricsError(f"reliability must lie in [0, 1) (got {reliability})")
    change = float(after - before)
    standard_error = sd * math.sqrt(1.0 - reliability)
    difference_error = math.sqrt(2.0 * standard_error**2)
    index = change / difference_error
    if abs(index) > RELIABLE_CHANGE_THRESHOLD:
        better = (index > 0) == higher_is_better
        classification = ReliableChange.IMPROVED if better else ReliableChange.WORSE
    else:
        classification = ReliableChange.NO_RELIABLE_CHANGE
    return ReliableChangeResult(change, standard_error, difference_error, index, classification)


def smallest_reliable_change(sd: float, reliability: float) -> float:
    """The smallest change in score that counts as reliable: 1.96 * S_diff."""
    return RELIABLE_CHANGE_THRESHOLD * reliable_change(0.0, 0.0, sd, reliability).difference_error


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemReliability:
    item_id: str
    answered: int
    corrected_item_total: float
    alpha_if_deleted: float
    loading: float  # standardised loading on the scale's single factor (NaN if not fitted)


@dataclass(frozen=True)
class ScaleReliability:
    scale: str
    n_items: int
    n_respondents: int
    missing: Missing
    alpha: float
    alpha_ci: tuple[float, float]
    ci_level: float
    omega: float
    items: tuple[ItemReliability, ...]
    note: str  # why a statistic is missing, in words, or ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; NaN becomes None so the JSON stays standard."""
        plain: dict[str, Any] = _nan_to_none(asdict(self))
        return plain


def _nan_to_none(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _nan_to_none(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_nan_to_none(item) for item in value]
    return value


def _scale_reliability(
    scale: str, sub_matrix: Matrix, item_ids: Sequence[str], missing: Missing, level: float
) -> ScaleReliability:
    n_items = len(item_ids)
    n_respondents = respondents_used(sub_matrix, missing)
    answered = (~np.isnan(sub_matrix)).sum(axis=0)
    if n_items < 2:
        items = tuple(
            ItemReliability(item_id, int(answered[i]), math.nan, math.nan, math.nan)
            for i, item_id in enumerate(item_ids)
        )
        return ScaleReliability(
            scale, n_items, n_respondents, missing, math.nan, (math.nan, math.nan), level,
            math.nan, items, "reliability needs at least two items on the scale",
        )  # fmt: skip
    covariance = item_covariance(sub_matrix, missing)
    alpha = alpha_from_covariance(covariance)
    omega, fit = omega_from_covariance(covariance)
    item_total = _corrected_item_total(covariance)
    if_deleted = _alpha_if_deleted(covariance)
    loadings = fit.loadings if fit is not None else (math.nan,) * n_items
    notes = []
    if math.isnan(alpha):
        notes.append("alpha is undefined: too few people answered, or nobody's answers vary")
    if n_items < 3:
        notes.append("omega needs at least three items")
    if fit is not None and not fit.converged:
        notes.append("the one-factor fit did not settle, so omega is rough")
    if fit is not None and fit.heywood:
        notes.append("the one-factor fit hit a communality of 1 (a Heywood case)")
    items = tuple(
        ItemReliability(item_id, int(answered[i]), float(item_total[i]), float(if_deleted[i]),
                        float(loadings[i]))
        for i, item_id in enumerate(item_ids)
    )  # fmt: skip
    return ScaleReliability(
        scale=scale,
        n_items=n_items,
        n_respondents=n_respondents,
        missing=missing,
        alpha=alpha,
        alpha_ci=feldt_interval(alpha, n_respondents, n_items, level),
        ci_level=level,
        omega=omega,
        items=items,
        note="; ".join(notes),
    )


def reliability_table(
    matrix: npt.ArrayLike,
    item_ids: Sequence[str],
    scales: Mapping[str, Sequence[str]],
    *,
    missing: Missing = "pairwise",
    level: float = 0.95,
) -> list[ScaleReliability]:
    """One row per scale: its items' columns are taken from `matrix` (columns named by
    `item_ids`), in the order `scales` lists them. Answers must already be reverse-keyed."""
    array = as_matrix(matrix)
    _check_missing(missing)
    if array.shape[1] != len(item_ids):
        raise PsychometricsError(
            f"{len(item_ids)} item ids for a table of {array.shape[1]} columns"
        )
    column = {item_id: index for index, item_id in enumerate(item_ids)}
    if len(column) != len(item_ids):
        raise PsychometricsError("the same item id names two columns")
    rows = []
    for scale, scale_items in scales.items():
        unknown = [item_id for item_id in scale_items if item_id not in column]
        if unknown:
            raise PsychometricsError(f"scale {scale!r} lists unknown item(s): {unknown}")
        sub_matrix = array[:, [column[item_id] for item_id in scale_items]]
        rows.append(_scale_reliability(str(scale), sub_matrix, scale_items, missing, level))
    return rows
