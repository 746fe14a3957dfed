"""The working groups' pages: the groups, one group (its people, tasks and meetings), and
the meetings to come. Who may do what is extranet/groups/permissions.py's; the changes are
extranet.groups.services'."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts.models import Membership
from extranet.accounts.permissions import member_required
from extranet.groups import services
from extranet.groups.forms import MeetingForm, TaskForm, TaskStatusForm, WorkingGroupForm
from extranet.groups.models import OPEN_STATUSES, Meeting, Task, WorkingGroup
from extranet.groups.permissions import (
    can_join_group,
    can_leave_group,
    can_manage_group,
    can_manage_groups,
    can_manage_meeting,
    can_manage_network_meetings,
    can_update_task,
    group_ids,
)

PAST_MEETINGS = 5
UPCOMING_MEETINGS = 20  # On a group's page; the list of meetings has pages of this size.


def _group(group_slug):
    return get_object_or_404(WorkingGroup.objects.select_related("lead_association"),
                             slug=group_slug)


@member_required
def group_list(request):
    """The groups at work (mine marked), then the archived ones."""
    groups = list(WorkingGroup.objects.with_figures())
    return render(request, "extranet/groups/group_list.html", {
        "active_groups": [group for group in groups if not group.is_archived],
        "archived_groups": [group for group in groups if group.is_archived],
        "my_group_ids": group_ids(request.user),
    })


@member_required
def group_detail(request, group_slug):
    """A group's mission, people, tasks and meetings."""
    group = _group(group_slug)
    participants = (
        group.members.current().select_related("person")
        .prefetch_related(Prefetch(
            "person__memberships",
            queryset=Membership.objects.current().select_related("association")
            .order_by("association__name"),
            to_attr="current_memberships",
        ))
        .order_by("person__last_name", "person__first_name", "pk")
    )
    tasks = group.tasks.select_related("responsible_association", "assignee").order_by(
        Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1)),
        *Task._meta.ordering,
    )
    return render(request, "extranet/groups/group_detail.html", {
        "group": group,
        "participants": participants,
        "tasks": tasks,
        "upcoming_meetings": group.meetings.upcoming()[:UPCOMING_MEETINGS],
        "past_meetings": group.meetings.past()[:PAST_MEETINGS],
    })


@member_required
def group_create(request):
    if not can_manage_groups(request.user):
        raise PermissionDenied
    return _group_form(request, WorkingGroup(), _("Le groupe « %(name)s » est créé."))


@member_required
def group_edit(request, group_slug):
    group = _group(group_slug)
    if not can_manage_groups(request.user):
        raise PermissionDenied
    return _group_form(request, group, _("Le groupe « %(name)s » est enregistré."))


def _group_form(request, group, done):
    name = group.name  # The page's heading, whatever the form holds.
    form = WorkingGroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.save_group(form.instance, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done % {"name": group.name})
            return redirect("extranet:group_detail", group_slug=group.slug)
    return render(request, "extranet/groups/group_form.html", {
        "form": form, "group": group if group.pk else None, "name": name,
    })


@member_required
@require_POST
def group_join(request, group_slug):
    return _take_part(request, group_slug, can_join_group, services.join_group,
                      _("Vous participez désormais au groupe « %(name)s »."))


@member_required
@require_POST
def group_leave(request, group_slug):
    return _take_part(request, group_slug, can_leave_group, services.leave_group,
                      _("Vous avez quitté le groupe « %(name)s »."))


def _take_part(request, group_slug, allowed, change, done):
    """Join or leave (`change`) the group if `allowed`; back to the group's page."""
    group = _group(group_slug)
    if not allowed(request.user, group):
        raise PermissionDenied
    try:
        change(group, by=request.user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, done % {"name": group.name})
    return redirect("extranet:group_detail", group_slug=group.slug)


@member_required
def task_create(request, group_slug):
    group = _group(group_slug)
    if not can_manage_group(request.user, group):
        raise PermissionDenied
    task = Task(group=group, responsible_association=group.lead_association)
    form = TaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_task(form.instance, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La tâche est ajoutée."))
            return redirect("extranet:group_detail", group_slug=group.slug)
    return render(request, "extranet/groups/task_form.html", {"form": form, "group": group})


@member_required
def task_edit(request, task_id):
    """The group's managers change every field of a task; the responsible association's
    people and the person in charge move its status only (the form has no other field, so
    nothing else a request carries is read)."""
    task = get_object_or_404(
        Task.objects.select_related("group__lead_association", "responsible_association",
                                    "assignee"),
        pk=task_id,
    )
    if can_manage_group(request.user, task.group):
        form_class = TaskForm
    elif can_update_task(request.user, task):
        form_class = TaskStatusForm
    else:
        raise PermissionDenied
    title = task.title  # The page's heading, whatever the form holds.
    form = form_class(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            if form_class is TaskForm:
                services.save_task(form.instance, by=request.user)
            else:
                services.update_task_status(task, form.cleaned_data["status"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La tâche est enregistrée."))
            return redirect("extranet:group_detail", group_slug=task.group.slug)
    return render(request, "extranet/groups/task_form.html", {
        "form": form, "group": task.group, "task": task, "title": title,
        "status_only": form_class is TaskStatusForm,
    })


@member_required
def meeting_list(request):
    """The meetings to come, of the network and of every group (mine marked), by date."""
    meetings = Meeting.objects.of_groups().upcoming().select_related("group__lead_association")
    page = Paginator(meetings, UPCOMING_MEETINGS).get_page(request.GET.get("page"))
    return render(request, "extranet/groups/meeting_list.html", {
        "meetings": page, "my_group_ids": group_ids(request.user),
    })


@member_required
def network_meeting_create(request):
    """A meeting of the whole network (no group): coordinators call it."""
    if not can_manage_network_meetings(request.user):
        raise PermissionDenied
    return _meeting_form(request, Meeting(), _("La réunion est programmée."))


@member_required
def meeting_create(request, group_slug):
    group = _group(group_slug)
    if not can_manage_group(request.user, group):
        raise PermissionDenied
    return _meeting_form(request, Meeting(group=group), _("La réunion est programmée."))


@member_required
def meeting_edit(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    if meeting.is_cancelled:
        messages.info(request, _("Cette réunion est annulée : elle ne change plus."))
        return _after_meeting(meeting)
    return _meeting_form(request, meeting, _("La réunion est enregistrée."))


def _meeting(request, meeting_id):
    """The meeting, if the person may change it (403 otherwise). A body's meeting is not
    found here (404): it is moved and cancelled on the governance's pages, which tell the
    associations."""
    meeting = get_object_or_404(
        Meeting.objects.of_groups().select_related("group__lead_association"), pk=meeting_id
    )
    if not can_manage_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


def _after_meeting(meeting):
    if meeting.group is None:
        return redirect("extranet:meeting_list")
    return redirect("extranet:group_detail", group_slug=meeting.group.slug)


def _meeting_form(request, meeting, done):
    title = meeting.title
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_meeting(form.instance, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return _after_meeting(meeting)
    return render(request, "extranet/groups/meeting_form.html", {
        "form": form, "group": meeting.group, "meeting": meeting if meeting.pk else None,
        "title": title,
    })


@member_required
def meeting_cancel(request, meeting_id):
    """GET asks to confirm; POST cancels (the meeting stays, marked cancelled)."""
    meeting = _meeting(request, meeting_id)
    if request.method == "POST":
        try:
            services.cancel_meeting(meeting, by=request.user)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("La réunion « %(title)s » est annulée.")
                             % {"title": meeting.title})
        return _after_meeting(meeting)
    return render(request, "extranet/groups/meeting_cancel.html", {"meeting": meeting})
