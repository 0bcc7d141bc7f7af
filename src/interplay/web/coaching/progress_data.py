"""What a client shared, in the shape the progress presenters and reports read."""

from __future__ import annotations

from interplay.web.coaching.client_view import ClientView
from interplay.web.progress.data import ProgressData


def shared_data(view: ClientView) -> ProgressData:
    return ProgressData(
        person=view.client,
        assessments=view.assessments(),
        pulses=view.pulses(),
        experiments=view.experiments(),
        beliefs=view.beliefs(),
        snapshots=view.snapshots(),
        reviews=view.reviews(),
        audience="coach",
    )
