"""What visitors may see of membership's snippets: only published copies, in their language."""

from membership.models import Contact, FeeTable, Testimonial


def published_for_visitors(*, snippet: Testimonial | Contact | FeeTable | None):
    """The published copy of a chosen snippet in the visitor's language (else the source's).

    None when it was never published, or when the person it quotes is not: the row holds
    the published content, and drafts wait in revisions until a moderator approves them.
    """
    if snippet is None:
        return None
    shown = snippet.localized  # falls back to `snippet` when the translation is not live
    if not shown.live:
        return None
    person = getattr(shown, "person", None)
    if person is not None and not person.live:
        return None
    return shown


def published_testimonials(*, locale):
    """Every published testimonial in one language, oldest first, with its person's photo."""
    return (
        Testimonial.objects.filter(locale=locale, live=True, person__live=True)
        .select_related("person", "person__photo")
        .order_by("pk")
    )


def published_contacts():
    """Contacts visitors may reach (the address reveal answers for these only)."""
    return Contact.objects.filter(live=True, person__live=True).select_related("person")
