"""WSGI entry point: `gunicorn interplay.web.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings")
application = get_wsgi_application()

# Django runs no system checks under a WSGI server: refuse here to serve on keys that cannot
# read what is stored (key_check.py says why and what to do).
from interplay.web.key_check import refuse_to_start_on_unreadable_data  # noqa: E402

refuse_to_start_on_unreadable_data()
