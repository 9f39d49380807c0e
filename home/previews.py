"""Previews of the snippets visitors see: drawn as on the site, in the snippet's own language."""

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import translation


def serve_in_own_language(*, instance, request: HttpRequest, mode_name: str) -> TemplateResponse:
    """Render `instance`'s preview with the interface in its language, as its visitors read it."""
    # The admin speaks the editor's language; a Japanese footer previewed with English
    # interface words ("Read more", "Search") would not be what Japanese visitors see.
    with translation.override(instance.locale.language_code):
        response = TemplateResponse(
            request,
            instance.get_preview_template(request, mode_name),
            instance.get_preview_context(request, mode_name),
        )
        response.render()
    return response
