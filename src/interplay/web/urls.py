from allauth.usersessions.views import list_usersessions
from django.urls import include, path

from interplay.web import account_page, erasure_views, home
from interplay.web.accounts.decorators import reauthenticated
from interplay.web.api import views as api_views
from interplay.web.api.service import api
from interplay.web.health.views import health
from interplay.web.practice.belief_urls import urlpatterns as belief_patterns
from interplay.web.values.urls import urlpatterns as values_patterns

urlpatterns = [
    path("", home.home, name="home"),
    # Signing up, in and out, codes, resets, two-factor and the session list: django-allauth.
    path("accounts/", include("allauth.account.urls")),
    path("accounts/2fa/", include("allauth.mfa.urls")),
    # allauth.usersessions' list; signing others out needs a recent confirmation (ASVS 7.5.2).
    path(
        "accounts/sessions/",
        reauthenticated(allow_get=True)(list_usersessions),
        name="usersessions_list",
    ),
    path("", include((account_page.urlpatterns, "accounts"))),
    path("", include("interplay.web.coaching.urls")),
    path("", include("interplay.web.assessments.urls")),
    path("journal/", include("interplay.web.journal.urls")),
    path("safety/", include("interplay.web.safety.urls")),
    path("practice/", include("interplay.web.practice.urls")),
    # The belief pages that read experiments are practice's; they share values' namespace.
    path("values/", include((values_patterns + belief_patterns, "values"))),
    path("map/", include("interplay.web.relationships.urls")),
    path("path/", include("interplay.web.path.urls")),
    path("progress/", include("interplay.web.progress.urls")),
    path("", include("interplay.web.exports.urls")),
    path("", include("interplay.web.reminders.urls")),
    path("", include(erasure_views)),
    path("", include(api_views)),
    # The JSON API (tokens only, no session: docs/api.md).
    path("api/v1/", api.urls),
    # For load balancers and monitors: JSON, not a page (tests/web/test_health.py).
    path("health/", health, name="health"),
]

# A post over DATA_UPLOAD_MAX_MEMORY_SIZE gets a page that says so (kernel/storage_errors.py).
handler400 = "interplay.web.kernel.storage_errors.bad_request"
