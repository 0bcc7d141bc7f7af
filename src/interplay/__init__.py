"""Interplay: a coaching workspace for the paradox of self-sufficiency and interdependence."""

__version__ = "0.1.0"
