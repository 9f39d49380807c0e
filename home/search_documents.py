"""The site's own search index: what search knows of each live page (models; see home.search_index)."""

from django.db import models

from wagtail.models import Locale, Page

# Weights as PostgreSQL names them: title, headings, body.
TITLE, HEADINGS, BODY = "A", "B", "C"
WEIGHT_CHOICES = [(TITLE, "title"), (HEADINGS, "headings"), (BODY, "body")]


def quoted_lexeme(term: str) -> str:
    """A term as PostgreSQL's tsvector and tsquery input read it: quoted, taken as it is."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


class TextSearchVectorField(models.TextField):
    """A tsvector on PostgreSQL (written from the analysed terms), plain text elsewhere."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        # The value is a tsvector literal made in Python ('term':1A …), cast as it is written:
        # the terms are already analysed, so no text search configuration re-parses them.
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


class SearchDocument(models.Model):
    """One live page as search sees it: its text by field, and its analysed terms."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    title = models.TextField(blank=True)
    headings = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Filled on PostgreSQL only; SQLite searches the SearchTerm rows instead.
    search_vector = TextSearchVectorField(blank=True, default="")

    class Meta:
        verbose_name = "search document"


class SearchTerm(models.Model):
    """One analysed term of a page at one position: the inverted index searched on SQLite."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=100)
    weight = models.CharField(max_length=1, choices=WEIGHT_CHOICES)
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = "search term"
        indexes = [models.Index(fields=["term", "document"], name="home_searchterm_term")]
