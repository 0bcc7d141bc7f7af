"""Exports keep no table of their own: every export of a person's own data is recorded in the
one audit log (`kernel.AuditEvent`, kind `own_export`), and a coach's export of a client's shared
data as a coach read, so the client sees it beside the coach's other reads."""
