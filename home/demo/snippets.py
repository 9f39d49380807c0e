"""Demo snippets are created as a moderator would leave them: published, with a first revision."""

from django.db import models


def create_published(instance: models.Model) -> models.Model:
    """Save a new snippet and publish it, so it is live and has a history from the start."""
    instance.save()
    instance.save_revision().publish()
    return instance
