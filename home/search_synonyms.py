"""Words editors say mean the same in one language (CO2, carbon dioxide), for the site search.

A group is typed as words or phrases separated by commas. Each is compared the way a visitor's
query is cleaned (home.search.clean_search_query: full/half width folded, punctuation dropped)
and without case, so "CO₂" in a group matches "co2" typed in the search box.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.search import clean_search_query

MAX_WORD_LENGTH = 50
MAX_WORDS_PER_GROUP = 20
SYNONYMS_CACHE_SECONDS = 3600
# Commas as typed on English and Japanese keyboards, and one word per line.
_SEPARATORS = re.compile(r"[,，、;；\n]")


def normalise_synonym(word: str) -> str:
    """A word as the search compares it: cleaned like a visitor's query, without case."""
    return clean_search_query(word).text.casefold()


def synonym_words(text: str) -> list[str]:
    """The normalised words of a group as an editor typed it, empty ones left out."""
    words = (normalise_synonym(part) for part in _SEPARATORS.split(text or ""))
    return [word for word in words if word]


def synonym_group_errors(*, text: str, words_in_other_groups: dict[str, str]) -> list[str]:
    """What is wrong with a group, in words an editor can act on (empty when nothing is).

    `words_in_other_groups` maps each normalised word of the language's other groups to that
    group's text: a word in two groups would silently join them, so it is refused.
    """
    parts = [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]
    errors = []
    seen: set[str] = set()
    for part in parts:
        word = normalise_synonym(part)
        if not word:
            errors.append(_("“%(word)s” has no letters or numbers.") % {"word": part})
        elif len(part) > MAX_WORD_LENGTH:
            errors.append(
                _("“%(word)s” is longer than %(limit)s characters.")
                % {"word": part[:MAX_WORD_LENGTH] + "…", "limit": MAX_WORD_LENGTH}
            )
        elif word in seen:
            errors.append(_("“%(word)s” is listed twice in this group.") % {"word": part})
        elif word in words_in_other_groups:
            errors.append(
                _(
                    "“%(word)s” is already in the group “%(group)s” of this language: "
                    "add these words to that group instead."
                )
                % {"word": part, "group": words_in_other_groups[word]}
            )
        seen.add(word)
    if len(parts) > MAX_WORDS_PER_GROUP:
        errors.append(
            _("A group holds at most %(limit)s words; split it into groups of what means the same.")
            % {"limit": MAX_WORDS_PER_GROUP}
        )
    if len(seen - {""}) < 2 and not errors:
        errors.append(
            _("Enter at least two words or phrases that mean the same, separated by commas.")
        )
    return errors


def _cache_key(language_code: str) -> str:
    return f"search-synonyms:{language_code}"


def synonyms_for(*, locale: Locale) -> dict[str, list[str]]:
    """Each word of the language's groups -> the other words of its group (both ways)."""
    key = _cache_key(locale.language_code)
    mapping = cache.get(key)
    if mapping is None:
        mapping = _synonyms_from_database(language_code=locale.language_code)
        cache.set(key, mapping, SYNONYMS_CACHE_SECONDS)
    return mapping


def _synonyms_from_database(*, language_code: str) -> dict[str, list[str]]:
    # Imported here: home.models validates groups with this module's functions.
    from home.models import SearchSynonymGroup

    mapping: dict[str, list[str]] = {}
    for text in SearchSynonymGroup.objects.filter(language=language_code).values_list(
        "words", flat=True
    ):
        group = list(dict.fromkeys(synonym_words(text)))
        for word in group:
            mapping.setdefault(word, []).extend(other for other in group if other != word)
    return mapping


def forget_synonyms(**kwargs) -> None:
    """A group changed: every language's list is read afresh, now and once it is committed."""
    keys = [_cache_key(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    cache.delete_many(keys)
    # A search between the save and the commit could cache the old list again.
    transaction.on_commit(lambda: cache.delete_many(keys))
