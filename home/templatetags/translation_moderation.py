"""The translation editor's moderation bar: what a translator's next step is for this translation."""

import json

from django import template

from wagtail.models import WorkflowMixin

from home.publishing import can_publish

register = template.Library()


@register.inclusion_tag("home/admin/translation_moderation_bar.html", takes_context=True)
def translation_moderation_bar(context, translation, instance):
    """Offer "Submit for approval" to people who prepare translations but may not publish them."""
    user = context["request"].user
    return {
        "request": context["request"],
        "translation": translation,
        "may_publish": can_publish(user=user, instance=instance),
        "has_workflow": isinstance(instance, WorkflowMixin) and instance.get_workflow() is not None,
        "in_moderation": isinstance(instance, WorkflowMixin) and instance.workflow_in_progress,
        "is_live": getattr(instance, "live", True),
    }


@register.simple_tag(takes_context=True)
def editor_props_for_user(context, props: str, instance) -> str:
    """The translation editor's settings without "Convert to alias page" for non-publishers.

    Converting to an alias replaces the translation visitors read by the English page, so it
    is publishing; wagtail-localize offers it (as the main button) to everyone who may edit.
    """
    if can_publish(user=context["request"].user, instance=instance):
        return props
    settings = json.loads(props)
    settings.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(settings)
