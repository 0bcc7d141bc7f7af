"""WSGI entry point: `gunicorn interplay.web.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interplay.web.settings")
application = get_wsgi_application()
