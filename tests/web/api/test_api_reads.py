"""API reads never write: a GET of any API route makes no INSERT, UPDATE or DELETE but the
token's last-used time (at most once a minute) and, for a coach, the one audit row of the read.
The routes come from the API's own list (test_api_outsider.ROUTES, checked against it)."""

from __future__ import annotations

import re

from tests.web.api.test_api_outsider import ROUTES, victim  # noqa: F401 - the fixture
from tests.web.test_reads_never_write import writes_recorded

TOUCH = re.compile(r'^\s*UPDATE "?api_accesstoken"? SET "?last_used_at"?', re.I)
AUDIT = re.compile(r'^\s*INSERT INTO "?kernel_auditevent"?', re.I)


def test_no_api_get_writes_but_last_used_and_the_coach_read_audit(practice, callers, victim):  # noqa: F811
    for who in ("client", "coach"):
        callers[who].get("/api/v1/clients" if who == "coach" else "/api/v1/journal")  # touched
    checked = 0
    for (method, path), role in sorted(ROUTES.items()):
        if method != "GET":
            continue
        ids = {**victim, "entry_id": victim["shared_entry_id" if role == "coach" else "entry_id"]}
        with writes_recorded() as writes:
            answer = callers[role].get(path.format(**ids))
        assert answer.status_code == 200, (path, answer.status_code)
        others = [sql for sql in writes if not TOUCH.match(sql) and not AUDIT.match(sql)]
        assert others == [], (path, others)
        assert not any(TOUCH.match(sql) for sql in writes), (path, "touched twice a minute")
        assert sum(bool(AUDIT.match(sql)) for sql in writes) <= (1 if role == "coach" else 0)
        checked += 1
    assert checked >= 10
