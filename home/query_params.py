"""What a visitor typed in an address's query string, read one way per kind of value.

Every view reads its query parameters through these functions, so a value no person would type
("²", "1e999999999", 2,000 digits, a control character, invalid UTF-8) is either understood or
treated as not understood: it never reaches `int()`, a database query or a page unchecked.
"""

import unicodedata
from collections.abc import Iterable

# Python's whitespace includes characters (U+001C–U+001F, U+0085) no visitor types around a number.
_ASCII_SPACE = " \t"
_ASCII_DIGITS = frozenset("0123456789")
# Cc (control) and Cf (format: bidi overrides, zero-width characters) have no place in a word
# a visitor searches for; Cs (lone surrogates) cannot even be written back out as UTF-8.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs"}


def bounded_int(
    raw: str | None, *, minimum: int, maximum: int, group_separators: str = ""
) -> int | None:
    """A whole number written in ASCII digits between `minimum` and `maximum`, else None.

    `group_separators` are characters a visitor may write between digit groups ("250,000").
    Only ASCII digits count: `str.isdigit()` also accepts "²" and "①", which `int()` refuses,
    and `int()` accepts "٣" and "1_000", which a URL should not. A leading minus is read only
    where negative numbers are allowed.
    """
    if raw is None:
        return None
    text = raw.strip(_ASCII_SPACE)
    for separator in group_separators:
        text = text.replace(separator, "")
    negative = text.startswith("-") and minimum < 0
    digits = text[1:] if negative else text
    if not digits or not set(digits) <= _ASCII_DIGITS:
        return None
    # Longer than the bound's own digits cannot be in range: refused before any conversion,
    # so a 2,000-digit value costs nothing.
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(max(abs(minimum), abs(maximum)))):
        return None
    value = -int(significant) if negative else int(significant)
    return value if minimum <= value <= maximum else None


# No list a visitor pages through here comes near this; beyond it the paginator's last page.
MAX_PAGE_NUMBER = 100_000


def page_number(raw: str | None) -> int:
    """The page of a paginated list a visitor asked for: 1 when absent or not understood.

    A number past the end is capped at MAX_PAGE_NUMBER, which Django's `Paginator.get_page`
    turns into the last page, as it does for any number past the end.
    """
    text = (raw or "").strip(_ASCII_SPACE)
    if not text or not set(text) <= _ASCII_DIGITS:
        return 1
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(MAX_PAGE_NUMBER)):
        return MAX_PAGE_NUMBER
    return max(1, min(int(digits), MAX_PAGE_NUMBER))


def choice(raw: str | None, *, choices: Iterable[str]) -> str | None:
    """`raw` if it is exactly one of `choices`, else None (absent or not one we offer)."""
    if raw is None:
        return None
    return raw if raw in set(choices) else None


def bounded_text(raw: str | None, *, max_length: int) -> str:
    """Free text without control or invisible format characters, at most `max_length` long.

    The cut is made before any other work, so a megabyte of query string costs no more than
    `max_length` characters of it.
    """
    text = (raw or "")[: max_length * 2]
    text = "".join(
        " " if unicodedata.category(character) in _INVISIBLE_CATEGORIES else character
        for character in text
    )
    return " ".join(text.split())[:max_length]


def was_given(raw: str | None) -> bool:
    """Whether the visitor gave a value at all (an empty `?year=` is the same as none)."""
    return bool(raw and raw.strip(_ASCII_SPACE))
