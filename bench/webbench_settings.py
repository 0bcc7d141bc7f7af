"""Settings for bench/bench_web.py only: the real settings with a URLconf that adds a bare
view (a page of N bytes, no database, no template) to compare the real pages against. Never
used by a deployment; the bare view is not in the production URLs."""

from interplay.web.settings import *  # noqa: F403

ROOT_URLCONF = "webbench_urls"
# Argon2 would make seeding 2,100 accounts take minutes; nobody signs in with a password here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
