"""Privacy-enhanced players for video links: nothing is loaded from the provider until asked."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core import signing
from django.utils.crypto import constant_time_compare

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,20}$")
YOUTUBE, VIMEO = "youtube", "vimeo"
PLAYER_ORIGINS = {
    YOUTUBE: "https://www.youtube-nocookie.com",
    VIMEO: "https://player.vimeo.com",
}


@dataclass(frozen=True)
class Video:
    """A video on a provider we can embed without its tracking: which provider, which video."""

    provider: str
    video_id: str

    @property
    def player_origin(self) -> str:
        return PLAYER_ORIGINS[self.provider]

    @property
    def embed_url(self) -> str:
        if self.provider == VIMEO:
            return f"{self.player_origin}/video/{self.video_id}?dnt=1"
        return f"{self.player_origin}/embed/{self.video_id}"


def checked_video(*, provider: str, video_id: str) -> Video | None:
    """The video if the provider is one we embed and the id has that provider's form, else None."""
    pattern = {YOUTUBE: _YOUTUBE_ID, VIMEO: _VIMEO_ID}.get(provider)
    if pattern is None or not pattern.fullmatch(video_id or ""):
        return None
    return Video(provider=provider, video_id=video_id)


# The player page plays only videos whose address the site itself wrote into a live page.
_PLAYER_SIGNER = signing.Signer(salt="home.embeds.player")


def player_signature(video: Video) -> str:
    """What the player page's address carries to show the site linked this video itself."""
    return _PLAYER_SIGNER.signature(f"{video.provider}/{video.video_id}")


def signed_video(*, provider: str, video_id: str, signature: str) -> Video | None:
    """The video named by a player address the site wrote, else None (an address made up)."""
    video = checked_video(provider=provider, video_id=video_id)
    if video is None or not constant_time_compare(signature, player_signature(video)):
        return None
    return video


def video_for_url(url: str) -> Video | None:
    """The YouTube or Vimeo video a link points to, or None for other links."""
    try:
        parsed = urlparse(url or "")
    except ValueError:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = parsed.path.strip("/").split("/")
            if len(parts) == 2 and parts[0] in ("embed", "live", "shorts"):
                video_id = parts[1]
    elif host in ("vimeo.com", "player.vimeo.com"):
        return checked_video(provider=VIMEO, video_id=parsed.path.strip("/").split("/")[-1])
    return checked_video(provider=YOUTUBE, video_id=video_id)


def privacy_embed_url(url: str) -> str | None:
    """The no-cookie player address for a YouTube or Vimeo link, or None for other links."""
    video = video_for_url(url)
    return video.embed_url if video else None
