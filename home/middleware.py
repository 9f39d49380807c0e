"""Language prefixes for public pages only: the admin and files keep their own addresses."""

from django.middleware.locale import LocaleMiddleware

# Addresses outside i18n_patterns (see config/urls.py): a 404 there is a real 404, never a
# missing /en/ prefix (redirecting /admin/api/… to /en/admin/api/… showed a public 404 page).
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml", "/robots.txt")


class PublicLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without the "add a language prefix" redirect outside the site."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
