from django.urls import include, path

from interplay.web import account_page, erasure_views, home
from interplay.web.accounts.urls import urlpatterns as account_patterns

urlpatterns = [
    path("", home.home, name="home"),
    path("", include((account_patterns + account_page.urlpatterns, "accounts"))),
    path("", include("interplay.web.coaching.urls")),
    path("", include("interplay.web.assessments.urls")),
    path("journal/", include("interplay.web.journal.urls")),
    path("safety/", include("interplay.web.safety.urls")),
    path("practice/", include("interplay.web.practice.urls")),
    path("values/", include("interplay.web.values.urls")),
    path("map/", include("interplay.web.relationships.urls")),
    path("", include("interplay.web.exports.urls")),
    path("", include(erasure_views)),
]

# A post over DATA_UPLOAD_MAX_MEMORY_SIZE gets a page that says so (kernel/storage_errors.py).
handler400 = "interplay.web.kernel.storage_errors.bad_request"
