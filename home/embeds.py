"""Privacy-enhanced players for video links: nothing is loaded from the provider until asked."""

import re
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def privacy_embed_url(url: str) -> str | None:
    """The no-cookie player address for a YouTube or Vimeo link, or None for other links."""
    try:
        parsed = urlparse(url or "")
    except ValueError:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
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
        number = parsed.path.strip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{number}?dnt=1" if number.isdigit() else None
    if video_id and _YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return None
