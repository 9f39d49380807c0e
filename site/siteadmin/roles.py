"""Sets up the editorial roles (Editors, Moderators, Translators, each app's own teams) and the
moderation workflow, for every app's pages and visitor-facing snippets."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ModeratedSnippet
from home.roles import EDITORS, MODERATORS, TRANSLATORS, translated_locales
from siteadmin.sections import app_teams

# Which page actions each role has on the part of the tree it works on.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["add_page", "change_page"],
}
# Editors and moderators both add and change images and documents; translators only choose them.
MEDIA_EDITING = [
    f"{action}_{kind}" for kind in ("image", "document") for action in ("add", "change", "choose")
]
COLLECTION_PERMISSIONS = {
    EDITORS: MEDIA_EDITING,
    MODERATORS: MEDIA_EDITING,
    TRANSLATORS: ["choose_image", "choose_document"],
}
# What each role may do with those snippets. Saving makes a draft; only publishing (or
# deleting, which takes a snippet off the site) changes what visitors see, so only
# moderators hold those. Editors and translators save drafts and submit them for approval.
SNIPPET_PERMISSIONS = {
    EDITORS: ["add", "change", "lock", "unlock"],
    MODERATORS: ["add", "change", "delete", "publish", "lock", "unlock"],
    TRANSLATORS: ["change"],
}

# Promotions and synonyms change search results the moment they are saved (they have no drafts),
# so, like publishing, they are the moderators'; editors read the synonym lists and the search
# terms report, to propose what a moderator should add.
SEARCH_STEERING_PERMISSIONS = {
    EDITORS: ["home.view_searchsynonymgroup", "home.view_searchtermdailyhits"],
    MODERATORS: [
        *(f"home.{action}_searchsynonymgroup" for action in ("add", "change", "delete", "view")),
        "home.view_searchtermdailyhits",
        *(
            f"wagtailsearchpromotions.{action}_searchpromotion"
            for action in ("add", "change", "delete")
        ),
    ],
}


def _permission(app_label_model_codename: str) -> Permission:
    app_label, codename = app_label_model_codename.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def moderated_snippet_models() -> list[type[ModeratedSnippet]]:
    """The snippets visitors read, in every installed app; translators may change their translations."""
    return [model for model in apps.get_models() if issubclass(model, ModeratedSnippet)]


def _snippet_permissions(actions: list[str]) -> list[Permission]:
    permissions = []
    for snippet_model in moderated_snippet_models():
        content_type = ContentType.objects.get_for_model(snippet_model)
        model = snippet_model._meta.model_name
        permissions += list(
            Permission.objects.filter(
                content_type=content_type, codename__in=[f"{action}_{model}" for action in actions]
            )
        )
    return permissions


def _set_snippet_permissions(group: Group, actions: list[str]) -> None:
    """Grant exactly `actions` on the visitor-facing snippets, withdrawing any other."""
    # Earlier versions let editors delete (and saving published at once); rerunning
    # setup_roles on an existing site must take away what the role no longer has.
    granted = set(_snippet_permissions(actions))
    every = set(_snippet_permissions(["add", "change", "delete", "publish", "lock", "unlock"]))
    group.permissions.remove(*(every - granted))
    group.permissions.add(*granted)


def _assign_workflow_to_snippets(workflow: Workflow) -> None:
    """Snippet drafts go to the same moderators' approval as pages."""
    for snippet_model in moderated_snippet_models():
        content_type = ContentType.objects.get_for_model(snippet_model)
        # Keep a workflow an administrator has chosen for this snippet type.
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(f"wagtailcore.{codename}")
        )


def _grant_collections(group: Group, codenames: list[str]) -> None:
    root_collection = Collection.get_first_root_node()
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=_permission(f"{app_label}.{codename}"),
        )


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or complete the groups and the moderation workflow; safe to run again."""
    root = Page.get_first_root_node()
    admin_access = _permission("wagtailadmin.access_admin")
    submit_translation = _permission("wagtail_localize.submit_translation")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}

    for name in (EDITORS, MODERATORS):
        group = groups[name]
        group.permissions.add(admin_access, submit_translation)
        _grant_pages(group, root, PAGE_PERMISSIONS[name])
        _grant_collections(group, COLLECTION_PERMISSIONS[name])

    translators = groups[TRANSLATORS]
    translators.permissions.add(admin_access, submit_translation)
    for name, actions in SNIPPET_PERMISSIONS.items():
        _set_snippet_permissions(groups[name], actions)
    for name, codenames in SEARCH_STEERING_PERMISSIONS.items():
        groups[name].permissions.add(*(_permission(codename) for codename in codenames))
    _grant_collections(translators, COLLECTION_PERMISSIONS[TRANSLATORS])
    # Translators work on each translated language's tree only, never on the English source.
    for home in Page.objects.filter(depth=2, locale__in=translated_locales()):
        _grant_pages(translators, home, PAGE_PERMISSIONS[TRANSLATORS])

    workflow = _ensure_moderation_workflow(root=root, moderators=groups[MODERATORS])
    _assign_workflow_to_snippets(workflow)
    for team in app_teams():
        groups[team.name] = team.ensure()
    return groups


def _ensure_moderation_workflow(*, root: Page, moderators: Group) -> Workflow:
    """Every page change goes to the moderators for approval before it is published."""
    existing = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if existing is not None:
        return existing.workflow
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{MODERATORS} approval")
    task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(name=f"{MODERATORS} approval")
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)
    return workflow
