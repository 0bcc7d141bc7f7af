"""Keep secrets and search words out of the access log.

Invitations carry their token in the path (allauth's sign-in, verification and reset codes
are typed into forms and POSTed, never put in a URL), and the journal search carries the
words in the query string. Access logs (Django's development
server, `django.server`; gunicorn's, `gunicorn.access`) would write both to disk, where they
outlive the token and reveal what someone searched for. This filter rewrites each logged
request line: the query string is dropped (shown as `?…`), and the token segments of the
token paths are replaced by `[token]`. `install()` (run when the kernel app is ready) attaches
it to both loggers, keeping their own handlers and formats.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

# Paths whose segments after the prefix are secrets (coaching's invitations, the API's secret
# calendar address).
TOKEN_PATHS = re.compile(r"(/(?:invitation|api/v1/calendar)/)[^\s?\"]+")
QUERY = re.compile(r"\?[^\s\"]*")


def redact(text: str) -> str:
    text = QUERY.sub("?…", text)
    return TOKEN_PATHS.sub(lambda match: f"{match.group(1)}[token]/", text)


def _redact_value(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactRequestLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, Mapping):
            # gunicorn's access log: a mapping of atoms (r request line, U path, q query ...).
            atoms = {key: _redact_value(value) for key, value in record.args.items()}
            if "q" in atoms:
                atoms["q"] = ""
            record.args = atoms
        elif isinstance(record.args, tuple):
            record.args = tuple(_redact_value(value) for value in record.args)
        return True


ACCESS_LOGGERS = ("django.server", "gunicorn.access")


def install() -> None:
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactRequestLine) for f in logger.filters):
            logger.addFilter(RedactRequestLine())
