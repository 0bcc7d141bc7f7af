"""Settings for the test suite: the real settings, pointed at a throwaway data folder.

Only what makes tests fast and self-contained differs: a temporary data folder (so tests never
touch a real install), emails kept in memory, tasks run at once, and a fast password hasher
(the real settings' Argon2-first order is checked by its own test), and the cache in memory
(the real settings' shared database cache is checked by tests/web/test_shared_cache.py).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_data_dir = tempfile.mkdtemp(prefix="interplay-test-")
atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)
os.environ["INTERPLAY_DATA_DIR"] = _data_dir
os.environ.pop("INTERPLAY_PRODUCTION", None)
os.environ.pop("INTERPLAY_SECRET_KEY", None)
os.environ.pop("INTERPLAY_ENCRYPTION_KEYS", None)

from interplay.web.settings import *  # noqa: E402,F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
