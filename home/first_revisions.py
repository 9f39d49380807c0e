"""First revisions for snippets that were live before they had drafts (used by data migrations)."""

from django.utils import timezone

from modelcluster.models import (
    get_all_child_relations,
    get_serializable_data_for_fields,
)


def _content(instance) -> dict:
    """The instance as Wagtail stores a revision: its fields and its inline children."""
    content = get_serializable_data_for_fields(instance)
    for relation in get_all_child_relations(instance):
        name = relation.get_accessor_name()
        content[name] = [
            get_serializable_data_for_fields(child) for child in getattr(instance, name).all()
        ]
    return content


def record_first_revisions(*, apps, title_fields: dict[str, str]) -> None:
    """Mark every existing row of these snippets as published, with a first revision.

    Works on the migration's historical models, so it stays correct whatever the models
    become later. Rows that already have a revision are left alone (safe to rerun).
    """
    content_types = apps.get_model("contenttypes", "ContentType")
    revisions = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for label, title_field in title_fields.items():
        app_label, model_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        content_type, _created = content_types.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        for instance in model.objects.filter(latest_revision__isnull=True):
            # Visitors saw these rows before drafts existed: they stay exactly as they were.
            instance.live = True
            instance.has_unpublished_changes = False
            instance.first_published_at = instance.first_published_at or now
            instance.last_published_at = now
            revision = revisions.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(instance.pk),
                created_at=now,
                object_str=str(getattr(instance, title_field))[:255],
                content=_content(instance),
            )
            model.objects.filter(pk=instance.pk).update(
                live=True,
                has_unpublished_changes=False,
                first_published_at=instance.first_published_at,
                last_published_at=now,
                latest_revision=revision,
                live_revision=revision,
            )
