"""Invisible text-direction controls, shown as what they are wherever the team reads visitors' text.

A right-to-left override (U+202E) and its kin reorder the characters after them on screen: an
answer can be made to read "gpj.exe" as "exe.jpg", or to hide what follows. Text is stored as
the visitor sent it (nothing they sent is lost); where people read it, each control is written
as its code point, "[U+202E]", so the team sees that something odd was sent and reads the
characters in the order they were typed.
"""

import re

# Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the left-to-right and
# right-to-left marks (U+200E, U+200F) and the Arabic letter mark (U+061C).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def visible_bidi_controls(text: str) -> str:
    """`text` with each direction control written out as "[U+XXXX]"."""
    return BIDI_CONTROLS.sub(lambda found: f"[U+{ord(found.group()):04X}]", text)
