"""Tokens and search words never reach the access log."""

from __future__ import annotations

import logging

import pytest

from interplay.web.kernel.log_redaction import ACCESS_LOGGERS, RedactRequestLine, redact


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("GET /invitation/s3cr3t/ HTTP/1.1", "GET /invitation/[token]/ HTTP/1.1"),
        ("GET /accounts/login/?next=/journal/ HTTP/1.1", "GET /accounts/login/?… HTTP/1.1"),
        ("GET /journal/?q=my+sister+Idris HTTP/1.1", "GET /journal/?… HTTP/1.1"),
        ("GET /accounts/password/reset/ HTTP/1.1", "GET /accounts/password/reset/ HTTP/1.1"),
        ("GET /journal/12/ HTTP/1.1", "GET /journal/12/ HTTP/1.1"),
    ],
)
def test_request_lines_are_redacted(line, expected):
    assert redact(line) == expected


def test_the_development_servers_record_is_redacted():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        "",
        0,
        '"%s" %s %s',
        ("GET /journal/?q=Idris HTTP/1.1", 200, 5),
        None,
    )
    RedactRequestLine().filter(record)
    assert "Idris" not in record.getMessage()


def test_gunicorns_atoms_are_redacted():
    atoms = {"r": "GET /invitation/s3cr3t/?x=1 HTTP/1.1", "U": "/invitation/s3cr3t/", "q": "x=1"}
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, "", 0, "%(r)s %(U)s %(q)s", (), None
    )
    record.args = atoms
    RedactRequestLine().filter(record)
    message = record.getMessage()
    assert "s3cr3t" not in message and "x=1" not in message


def test_the_filter_is_on_both_access_loggers():
    for name in ACCESS_LOGGERS:
        assert any(isinstance(f, RedactRequestLine) for f in logging.getLogger(name).filters)


def test_a_not_found_search_logs_no_words(practice, caplog):  # type: ignore[no-untyped-def]
    """Through Django's own request logging: a 404 with a query string logs the path only."""
    from tests.web.base import signed_in

    with caplog.at_level(logging.WARNING, logger="django.request"):
        signed_in(practice.client).get("/no-such-page/?q=Idris")
    assert "Idris" not in caplog.text
