"""The editorial roles and the review workflow ("relecture") of the public site.

- Rédacteurs (volunteer editors) create pages, edit the pages they created, upload images and
  documents, and submit their pages for review; they cannot publish, and cannot edit, move or
  delete other people's pages (nothing they did not write can be lost through them).
- Coordinateurs (coordinators) review, publish, manage menus and site settings.
Every page of every language goes through the "Relecture" workflow before it is published.

`setup_editorial_roles()` is idempotent: it runs after each deploy
(`manage.py setup_site`, see portal/site_setup.py) and from `seed_demo`.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Rédacteurs"
COORDINATORS = "Coordinateurs"
WORKFLOW = "Relecture"
REVIEW_TASK = "Relecture par un coordinateur"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page"],
    COORDINATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_image", "choose_image", "add_document", "choose_document"],
    COORDINATORS: [
        "add_image", "change_image", "delete_image", "choose_image",
        "add_document", "change_document", "delete_document", "choose_document",
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        # Events: an editor picks a theme and a venue, and may add a venue.
        ("events", "view_theme"),
        ("events", "view_venue"),
        ("events", "add_venue"),
        # Campaigns: an editor picks the officials a campaign addresses, and may add one.
        ("campaigns", "view_electedofficial"),
        ("campaigns", "add_electedofficial"),
    ],
    COORDINATORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("portal", "add_menu"),
        ("portal", "change_menu"),
        ("portal", "delete_menu"),
        ("portal", "change_sitesettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        # The directory: associations are unpublished, never deleted; reference data is read.
        ("directory", "add_association"),
        ("directory", "change_association"),
        ("directory", "view_association"),
        ("directory", "view_commune"),
        ("directory", "view_sector"),
        ("directory", "view_rnaimport"),
        ("directory", "view_associationchangerequest"),
        # Events: themes and venues (one that an event uses cannot be deleted).
        ("events", "add_theme"),
        ("events", "change_theme"),
        ("events", "delete_theme"),
        ("events", "view_theme"),
        ("events", "add_venue"),
        ("events", "change_venue"),
        ("events", "delete_venue"),
        ("events", "view_venue"),
        # Registrations to events: seen, exported, attendance noted; never added or deleted.
        ("events", "view_registration"),
        ("events", "change_registration"),
        # Campaigns: the officials (one that a campaign addresses is kept, out of office).
        ("campaigns", "add_electedofficial"),
        ("campaigns", "change_electedofficial"),
        ("campaigns", "delete_electedofficial"),
        ("campaigns", "view_electedofficial"),
        # Signatures: seen, exported, counted per day, comments moderated; never added or
        # deleted, what the signer typed never changed. Letters sent: read only.
        ("campaigns", "view_signature"),
        ("campaigns", "change_signature"),
        ("campaigns", "view_letter"),
        # The charter: its versions read (written by publishing the page); signatures added
        # by hand when an association signs on paper, never changed nor deleted.
        ("charter", "view_charterversion"),
        ("charter", "view_chartersignature"),
        ("charter", "add_chartersignature"),
        # Joining: requests accepted or declined on their review screen; adhesions read.
        ("joining", "view_joinrequest"),
        ("joining", "moderate_joinrequest"),
        ("joining", "view_collectivemembership"),
        # The observatory of social utility: the hourly value of volunteering, year by year
        # (changed when it is wrong, never deleted: past years' euro figures rest on it).
        ("impact", "add_hourlyvalue"),
        ("impact", "change_hourlyvalue"),
        ("impact", "view_hourlyvalue"),
        # Dues: the scale of each year, with its brackets (changed when it is wrong, never
        # deleted: the dues of past years were computed with it).
        ("dues", "add_duesscale"),
        ("dues", "change_duesscale"),
        ("dues", "view_duesscale"),
    ],
}


class MissingRootPage(RuntimeError):
    """The database was not migrated: Wagtail's root page and collection are missing."""


@dataclass
class EditorialRoles:
    editors: Group
    coordinators: Group
    workflow: Workflow


@transaction.atomic
def setup_editorial_roles():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, COORDINATORS)}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        raise MissingRootPage(
            "The database has no Wagtail root page: run `manage.py migrate` first."
        )

    # The roles are exactly what is listed above: what was granted by an older version goes.
    for name, codenames in PAGE_PERMISSIONS.items():
        wanted = [
            Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for codename in codenames
        ]
        GroupPagePermission.objects.filter(group=groups[name], page=root_page).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root_page, permission=permission
            )
    for name, codenames in COLLECTION_PERMISSIONS.items():
        wanted = [
            Permission.objects.get(
                content_type__app_label="wagtailimages" if codename.endswith("_image")
                else "wagtaildocs",
                codename=codename,
            )
            for codename in codenames
        ]
        GroupCollectionPermission.objects.filter(
            group=groups[name], collection=root_collection
        ).exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in permissions
            ]
        )

    task, _created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    task.groups.set([groups[COORDINATORS]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return EditorialRoles(groups[EDITORS], groups[COORDINATORS], workflow)
