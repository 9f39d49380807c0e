"""URLs: admin and machine-readable files at the root, every public page under /en/ or /ja/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import csp_reports, search_admin, video_player
from home import views as home_views
from membership import views as membership_views

urlpatterns = [
    # Wagtail's chooser of search terms for a promotion, with its permission added (before
    # Wagtail's admin URLs, so these win): it lists what visitors searched for.
    path("admin/searchpicks/queries/chooser/", search_admin.promotion_term_chooser),
    path("admin/searchpicks/queries/chooser/results/", search_admin.promotion_term_chooser_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("site.webmanifest", home_views.web_manifest, name="web_manifest"),
    path("csp-report/", csp_reports.receive_csp_report, name="csp_report"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Static files are whitenoise's in every environment (dev.py finds them in the app
    # folders); uploaded media are served by the web server in production.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path(
        "video-player/<slug:provider>/<str:video_id>/<str:signature>/",
        video_player.video_player,
        name="video_player",
    ),
    path("contact/<int:pk>/email/", membership_views.reveal_contact_email, name="contact_email"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
