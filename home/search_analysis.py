"""How text becomes search terms: Japanese split into words by SudachiPy, other words stemmed.

Pages and queries go through the same analysis, so a query finds the words a page was indexed
with. Text is NFKC-normalised first (全角/半角: ＣＯＰ２６ is COP26, ｶﾀｶﾅ is カタカナ) and split at
every character that is not a letter or digit, so punctuation (、。・) never joins two words.
Runs of Japanese script are split into words by SudachiPy; each word is indexed as written,
in Sudachi's normalised form (e.g. 為る for し) and by its reading in hiragana, so a kana query
finds the kanji word. Runs of Latin letters and digits are one word each, stemmed (English
Snowball), so "resilient" finds "resilience" in either language.
"""

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby

import snowballstemmer

# Hiragana, katakana (with ー) and CJK ideographs (with 々 and 〆), after NFKC.
_JAPANESE_CHARACTER = re.compile(
    r"[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_KANA_ONLY = re.compile(r"[\u3040-\u30ff]+")
_WORD_RUN = re.compile(r"[^\W_]+")
_HIRAGANA_ONLY = re.compile(r"[\u3040-\u309f\u30fc]+")
_LETTERS_OR_DIGITS = re.compile(r"\d+|[^\W\d_]+")
# Words that carry no meaning of their own are indexed but left out of a query, unless the
# query has nothing else: "climate of cities" must not need "of" on the page.
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "how",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        # What is left of a contraction or possessive once its apostrophe is dropped (women's,
        # don't, we'll): a query must not need a lone "s" on the page.
        "d",
        "ll",
        "m",
        "re",
        "s",
        "t",
        "ve",
    ]
)
_JAPANESE_FUNCTION_WORDS = {"助詞", "助動詞"}
_SKIPPED_PARTS_OF_SPEECH = {"補助記号", "空白"}
# Positions a word's parts share with it (its Sudachi A-units), and a gap between fields so a
# phrase never seems to run from the title into the body.
FIELD_GAP = 100
_LONGEST_JAPANESE_RUN = 4000


@dataclass(frozen=True)
class Word:
    """One word of a text: where it stands, its terms, and whether it carries meaning."""

    start: int
    end: int
    position: int
    terms: frozenset[str]
    is_function_word: bool = False
    # A short unit of a compound (東京 in 東京都), indexed beside it; a query asks for the whole.
    is_part: bool = False


def normalise(text: str) -> str:
    """The text as it is analysed (and as a passage is shown): NFKC, so widths are folded."""
    return unicodedata.normalize("NFKC", text or "")


def to_hiragana(text: str) -> str:
    """Katakana folded to hiragana (ー and other characters kept), for matching readings."""
    return "".join(
        chr(ord(character) - 0x60) if "\u30a1" <= character <= "\u30f6" else character
        for character in text
    )


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


def _latin_terms(word: str) -> frozenset[str]:
    return frozenset({_stemmer().stemWord(word.casefold())})


_sudachi = threading.local()


@cache
def _sudachi_dictionary():
    # Loaded on the first Japanese text, once per process, so English-only processes never
    # map it: the 200 MB dictionary is memory-mapped, and what is read of it stays in the
    # process's resident memory as file pages shared with every other worker (README, Search).
    from sudachipy import Dictionary

    return Dictionary(dict="core")


def _sudachi_tokenizer():
    # A tokenizer per thread (runserver is threaded); the dictionary is shared.
    if not hasattr(_sudachi, "tokenizer"):
        # Mode C: the longest units (東京都, 脱炭素), which are what a reader calls words.
        _sudachi.tokenizer = _sudachi_dictionary().tokenizer(mode="C")
    return _sudachi.tokenizer


def _morpheme_terms(morpheme) -> frozenset[str]:
    surface = morpheme.surface()
    terms = {surface, morpheme.normalized_form().casefold()}
    reading = morpheme.reading_form()
    if reading:
        terms.add(to_hiragana(reading))
    return frozenset(term for term in terms if term)


def _japanese_words(run: str, *, offset: int, position: int) -> Iterator[Word]:
    previous = None
    for morpheme in _sudachi_tokenizer().tokenize(run):
        part_of_speech = morpheme.part_of_speech()[0]
        if part_of_speech in _SKIPPED_PARTS_OF_SPEECH:
            continue
        is_function_word = part_of_speech in _JAPANESE_FUNCTION_WORDS
        yield Word(
            start=offset + morpheme.begin(),
            end=offset + morpheme.end(),
            position=position,
            terms=_morpheme_terms(morpheme),
            is_function_word=is_function_word,
        )
        # Two words read together (気候 変動: きこうへんどう), since a query typed in hiragana is
        # matched whole.
        if previous is not None and not is_function_word and morpheme.reading_form():
            yield Word(
                start=offset + previous.begin(),
                end=offset + morpheme.end(),
                position=position - 1,
                terms=frozenset({to_hiragana(previous.reading_form() + morpheme.reading_form())}),
                is_part=True,
            )
        previous = None if is_function_word or not morpheme.reading_form() else morpheme
        # A compound (東京都, 脱炭素) is also indexed by its short units (東京, 炭素) at the
        # same position, so a query for a part finds the whole.
        units = morpheme.split("A")
        if len(units) > 1:
            for unit in units:
                yield Word(
                    start=offset + unit.begin(),
                    end=offset + unit.end(),
                    position=position,
                    terms=_morpheme_terms(unit),
                    is_function_word=is_function_word,
                    is_part=True,
                )
        position += 1


def _latin_words(segment: str, *, offset: int, position: int) -> Iterator[Word]:
    yield Word(
        start=offset,
        end=offset + len(segment),
        position=position,
        terms=_latin_terms(segment),
        is_function_word=segment.casefold() in _ENGLISH_FUNCTION_WORDS,
    )
    # COP26 is also indexed as COP and 26, so "COP 26" and "26" find it; 2026 stays one number.
    parts = list(_LETTERS_OR_DIGITS.finditer(segment))
    if len(parts) > 1:
        for part in parts:
            yield Word(
                start=offset + part.start(),
                end=offset + part.end(),
                position=position,
                terms=_latin_terms(part.group()),
                is_part=True,
            )


def analyse(text: str, *, first_position: int = 1) -> list[Word]:
    """The words of a text already normalised with `normalise`, with offsets into it."""
    words: list[Word] = []
    position = first_position
    for run in _WORD_RUN.finditer(text):
        offset = run.start()
        for is_japanese, characters in groupby(
            run.group(), key=lambda c: bool(_JAPANESE_CHARACTER.match(c))
        ):
            segment = "".join(characters)
            if is_japanese:
                # Sudachi refuses very long input; a run this long without punctuation is
                # not prose, so cutting it costs at most a word.
                for cut in range(0, len(segment), _LONGEST_JAPANESE_RUN):
                    found = list(
                        _japanese_words(
                            segment[cut : cut + _LONGEST_JAPANESE_RUN],
                            offset=offset + cut,
                            position=position,
                        )
                    )
                    if found:
                        position = found[-1].position + 1
                        words.extend(found)
            else:
                words.extend(_latin_words(segment, offset=offset, position=position))
                position += 1
            offset += len(segment)
    return words


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: its terms (any may match), and other ways a page may write it."""

    terms: frozenset[str]
    is_function_word: bool = False
    # Each another spelling: its words, all needed (COP26 as COP 26; とうきょうの as とうきょう).
    other_spellings: tuple[tuple[frozenset[str], ...], ...] = ()


def query_words(text: str) -> list[QueryWord]:
    """The words of a query, function words included, each once.

    A word typed in kana also matches by reading (とうきょう finds 東京); a word typed in kanji
    matches only as written or normalised, since many kanji words share a reading (気候, 機構).
    """
    text = normalise(text)
    words: list[QueryWord] = []
    for run in _WORD_RUN.finditer(text):
        if _HIRAGANA_ONLY.fullmatch(run.group()):
            words.append(_hiragana_query_word(run.group()))
        else:
            words.extend(
                _query_word(word, surface=run.group()[word.start : word.end])
                for word in analyse(run.group())
                if not word.is_part
            )
    return list(dict.fromkeys(words))


def meaningful(words: list) -> list:
    """The words that carry meaning, or all of them when none does ("the" alone is searched)."""
    return [word for word in words if not word.is_function_word] or words


def query_term_groups(text: str) -> list[frozenset[str]]:
    """What a query asks for: one group of terms per meaningful word, any of which may match."""
    return list(dict.fromkeys(word.terms for word in meaningful(query_words(text))))


def _kana_terms(surface: str) -> frozenset[str]:
    return frozenset({surface, to_hiragana(surface)})


def _hiragana_query_word(run: str) -> QueryWord:
    # Sudachi cuts a run of hiragana at guesses (じちたい: じ/ち/たい), so a word typed in
    # hiragana is matched whole, against the pages' words and their readings; only particles
    # Sudachi finds at its end (とうきょうの, とうきょうでは) are left out, the whole kept as
    # another spelling in case that was a guess too.
    stem = run
    for morpheme in reversed(list(_sudachi_tokenizer().tokenize(run))):
        if morpheme.part_of_speech()[0] != "助詞" or morpheme.begin() == 0:
            break
        stem = run[: morpheme.begin()]
    if stem == run:
        return QueryWord(terms=_kana_terms(run))
    return QueryWord(terms=_kana_terms(stem), other_spellings=((_kana_terms(run),),))


def _query_word(word: Word, *, surface: str) -> QueryWord:
    parts = [] if _JAPANESE_CHARACTER.search(surface) else _LETTERS_OR_DIGITS.findall(surface)
    return QueryWord(
        terms=frozenset(_query_terms(word, surface=surface)),
        is_function_word=word.is_function_word,
        # COP26 finds a page that writes COP 26 (that page has the parts, not the whole).
        other_spellings=(tuple(_latin_terms(part) for part in parts),) if len(parts) > 1 else (),
    )


def _query_terms(word: Word, *, surface: str) -> set[str]:
    if _KANA_ONLY.fullmatch(surface):
        # As written, and in hiragana to meet the readings; not Sudachi's normalised form or
        # reading, guesses for kana (きこう taken as 聞こう would find every 聞く).
        return set(_kana_terms(surface))
    # Readings are the kana-only terms; a word written with kanji or Latin letters never is.
    kana = {term for term in word.terms if _KANA_ONLY.fullmatch(term)}
    return (set(word.terms) - kana) or set(word.terms)
