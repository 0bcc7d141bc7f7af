"""The reports to keep: the profile and an integration review as PDF (the person's own, or
what a client shared for their coach), and the anonymised supervision summary for a coach.

Each report is built from the same presenters as the pages, over `ProgressData` that holds
only what the reader may see. A report names the person by their chosen name only (no email),
says that it is a reflection, not a diagnosis, and numbers its pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from interplay.core.reference_values import Reference
from interplay.core.vocabulary import Scale
from interplay.web.assessments import presenters as profile_presenters
from interplay.web.assessments.models import Assessment
from interplay.web.progress.data import ProgressData
from interplay.web.progress.models import Review
from interplay.web.progress.pdf_layout import CHART_HEIGHT, Report, chart_mm
from interplay.web.progress.presenters import SCALE_TICKS, day, progress_context
from interplay.web.progress.review import review_context


def not_a_diagnosis() -> str:
    return _(
        "Interplay is a tool for reflection and coaching. This report describes how the "
        "questions were answered on given days; it is not a diagnosis, an assessment of "
        "health or a treatment."
    )


def _report(title: str) -> Report:
    return Report(
        title,
        _("Interplay: for reflection, not diagnosis."),
        _("Page %(page)s of %(total)s"),
    )


def _scale_section(report: Report, context: Mapping[str, Any]) -> None:
    report.heading(_("Each scale over time"))
    for item in context["scale_charts"]:
        report.ensure_space(CHART_HEIGHT + 16)  # a scale's name stays with its chart
        report.subheading(item["name"])
        if len(item["series"]) > 1:
            first, last = item["series"][0][0], item["series"][-1][0]
            report.chart(
                chart_mm(item["series"], 1.0, 5.0, SCALE_TICKS),
                item["summary"],
                day(first),
                day(last),
            )
        else:
            report.para(item["summary"])


def _change_section(report: Report, change: Mapping[str, Any] | None) -> None:
    report.heading(_("What moved reliably"))
    if change is None or change["same"]:
        report.para(_("Two finished assessments are needed to compare."))
        return
    report.para(
        _("From %(before)s to %(after)s:")
        % {"before": change["before_label"], "after": change["after_label"]}
    )
    if change["reliable"]:
        report.bullets([row["sentence"] for row in change["reliable"]])
    else:
        report.para(_("No scale moved by more than answers wobble by on their own."))
    if change["steady"]:
        report.subheading(_("Within the wobble of answering"))
        report.bullets([row["sentence"] for row in change["steady"]])
    report.para(change["reference_note"], size=9, italic=True)


def profile_pdf(
    data: ProgressData, assessment: Assessment, references: Mapping[Scale, Reference]
) -> bytes:
    """The profile of `assessment`, with every scale over time and reliable change from the
    first to this one."""
    profile = assessment.profile or {}
    found = profile_presenters.findings(profile, "coach" if data.audience == "coach" else "client")
    summary = profile_presenters.summary(profile)
    report = _report(_("Interplay profile: %(name)s") % {"name": data.person.name})
    if assessment.completed_at:
        report.para(
            _("From the self-assessment of %(when)s.") % {"when": day(assessment.completed_at)}
        )
    report.para(not_a_diagnosis(), size=9.5, italic=True)
    report.heading(_("Where things stand"))
    lines = []
    if summary["pattern"]:
        lines.append(
            _("Balance Map region: %(region)s (autonomy %(a)s, connection %(c)s out of 100).")
            % {
                "region": summary["pattern"],
                "a": round(summary["autonomy"]) if summary["autonomy"] is not None else "-",
                "c": round(summary["connection"]) if summary["connection"] is not None else "-",
            }
        )
    if found["stage"]["known"]:
        lines.append(found["stage"]["sentence"])
    if found["focus"]["known"]:
        lines.append(_("Focus: %(focus)s.") % {"focus": found["focus"]["name"]})
    if found["boundaries"]["known"]:
        lines.append(_("Boundary style: %(style)s.") % {"style": found["boundaries"]["name"]})
    report.bullets(lines)
    report.heading(_("The scales"))
    report.rows_table(
        [_("Scale"), _("Score (1 to 5)"), _("Band")],
        [
            (bar["name"], f"{bar['score']:.2f}", bar["level"])
            for bar in profile_presenters.scale_bars(profile)
        ],
    )
    if found["barriers"]:
        report.heading(_("Barriers, strongest first"))
        report.bullets([f"{b['name']} ({b['level']})" for b in found["barriers"]])
    upto = [a for a in data.assessments if a.completed_at and assessment.completed_at
            and a.completed_at <= assessment.completed_at]  # fmt: skip
    trimmed = ProgressData(data.person, upto, [], [], [], None, [], audience=data.audience)
    context = progress_context(trimmed, references)
    _scale_section(report, context)
    _change_section(report, context["change"])
    return report.finish()


def review_pdf(data: ProgressData, review: Review, references: Mapping[Scale, Reference]) -> bytes:
    context = review_context(data, review, references)
    report = _report(
        _("Interplay integration review: %(name)s, %(when)s")
        % {"name": data.person.name, "when": context["written"]}
    )
    report.para(not_a_diagnosis(), size=9.5, italic=True)
    sections = (
        (_("Since the start"), context["against_start"], _("No earlier assessment to compare.")),
        (_("Since the last review"), context["against_last"], _("Nothing to compare with yet.")),
    )
    for title, comparison, empty in sections:
        report.heading(title)
        if comparison is None:
            report.para(empty)
            continue
        report.para(_("Compared with %(when)s:") % {"when": comparison["since"]})
        report.bullets(comparison["moved"] or [_("No scale moved reliably.")])
        if comparison["steady"]:
            report.subheading(_("What did not move reliably"))
            report.bullets(comparison["steady"])
    report.heading(_("Experiments that mattered"))
    report.bullets(
        [f"{m['when']}: {m['sentence']}" for m in context["mattered"]]
        or [_("None marked in this stretch.")]
    )
    report.heading(_("Beliefs retested"))
    report.bullets(
        [
            _("“%(belief)s”: tested in “%(title)s”, and %(outcome)s.")
            % {"belief": r["belief"], "title": r["experiment"], "outcome": r["outcome"]}
            for r in context["retested"]
        ]
        or [_("No belief was put to the test in this stretch.")]
    )
    report.heading(_("Journal lines kept"))
    report.bullets(
        [f"{line['when']}: {line['text']}" for line in context["kept_lines"]]
        or [_("No journal lines were kept in this review.")]
    )
    report.heading(_("In their own words") if data.audience == "coach" else _("Your note"))
    report.para(review.note or _("No note written."))
    progress = progress_context(
        ProgressData(data.person, data.assessments, [], [], [], None, [], audience=data.audience),
        references,
    )
    _scale_section(report, progress)
    report.para(context["reference_note"], size=9, italic=True)
    return report.finish()


def _weeks_in(data: ProgressData) -> int | None:
    dated = [a.completed_at for a in data.assessments if a.completed_at]
    if len(dated) < 2:
        return None
    return int((dated[-1] - dated[0]).days // 7)


def supervision_pdf(data: ProgressData, references: Mapping[Scale, Reference]) -> bytes:
    """An anonymised case for supervision: no name, no email, no dates, no journal text and no
    experiment titles (the client's own words); only the shape of the work, from what the
    client shared."""
    report = _report(_("Supervision summary: an anonymised case"))
    report.para(
        _(
            "Prepared from what the client shared with their coach. It names nobody and holds "
            "no journal text, no experiment titles and no dates; add only what you judge "
            "necessary, with the client's consent."
        ),
        size=9.5,
        italic=True,
    )
    report.para(not_a_diagnosis(), size=9.5, italic=True)
    report.heading(_("The work so far"))
    weeks = _weeks_in(data)
    lines = [
        _("Shared assessments: %(n)d.") % {"n": len(data.assessments)},
        _("Shared check-ins: %(n)d.") % {"n": len(data.pulses)},
    ]
    if weeks is not None:
        lines.append(
            _("From the first to the latest shared assessment: %(n)d weeks.") % {"n": weeks}
        )
    report.bullets(lines)
    latest = data.assessments[-1] if data.assessments else None
    if latest is not None:
        profile = latest.profile or {}
        found = profile_presenters.findings(profile, "coach")
        summary = profile_presenters.summary(profile)
        report.heading(_("Latest shared profile"))
        report.bullets(
            [
                line
                for line in (
                    _("Balance Map region: %(region)s.") % {"region": summary["pattern"]}
                    if summary["pattern"] else "",
                    found["stage"]["sentence"],
                    _("Focus: %(focus)s.") % {"focus": found["focus"]["name"]}
                    if found["focus"]["known"] else "",
                    _("Boundary style: %(style)s.") % {"style": found["boundaries"]["name"]}
                    if found["boundaries"]["known"] else "",
                    *[_("Barrier: %(name)s (%(level)s).") % b for b in found["barriers"]],
                    *[_("Risk flagged: %(name)s.") % {"name": r["name"]} for r in found["risks"]],
                )
                if line
            ]
        )  # fmt: skip
        report.rows_table(
            [_("Scale"), _("Score (1 to 5)"), _("Band")],
            [
                (bar["name"], f"{bar['score']:.2f}", bar["level"])
                for bar in profile_presenters.scale_bars(profile)
            ],
        )
    context = progress_context(
        ProgressData(data.person, data.assessments, data.pulses, data.experiments, [], None, [],
                     audience="coach"),
        references,
    )  # fmt: skip
    change = context["change"]
    report.heading(_("Reliable change, first to latest shared assessment"))
    if change is None:
        report.para(_("Two shared assessments are needed to compare."))
    else:
        none_moved = _("No scale moved by more than answers wobble by on their own.")
        report.bullets([row["sentence"] for row in change["reliable"]] or [none_moved])
        report.para(change["reference_note"], size=9, italic=True)
    report.heading(_("Experiments"))
    report.para(context["experiments"]["sentence"])
    return report.finish()
