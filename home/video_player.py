"""The page a click-to-load video opens in its frame: the only page that may frame the provider."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from home.embeds import signed_video
from home.security_headers import allow_sources, delegate_features

# What the provider's player may use once the visitor has pressed play.
PLAYER_FEATURES = ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"]


@require_safe
@xframe_options_sameorigin
def video_player(
    request: HttpRequest, provider: str, video_id: str, signature: str
) -> HttpResponse:
    """The provider's privacy-enhanced player, loaded only when a visitor presses play.

    Pages themselves allow frames from the site only, so no page can load a provider before the
    click; this page, framed by the page after the click, allows exactly one provider's origin.
    """
    video = signed_video(provider=provider, video_id=video_id, signature=signature)
    if video is None:
        raise Http404("Not a video this site embeds.")
    separator = "&" if "?" in video.embed_url else "?"
    response = TemplateResponse(
        request,
        "home/video_player.html",
        # The visitor pressed play to get here, so the video starts at once.
        {"video": video, "player_url": f"{video.embed_url}{separator}autoplay=1"},
    )
    allow_sources(response, {"frame-src": [video.player_origin]})
    delegate_features(response, features=PLAYER_FEATURES, origin=video.player_origin)
    return response
