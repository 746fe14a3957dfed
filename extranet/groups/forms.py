"""The forms of the working groups' pages. The rules are the models' (`clean()`,
constraints); these forms choose which fields a person sees and which records they may pick:
member associations, people acting for them today."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.forms import https_by_default
from directory.models import Association
from extranet.accounts.models import Membership
from extranet.groups.models import Meeting, Task, WorkingGroup
from portal.people import person_name


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeLocalInput(forms.DateTimeInput):
    """`<input type="datetime-local">`: the browser sends "2026-03-29T10:00", which the form
    field reads in the current time zone, the project's (Europe/Paris)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def member_associations(keep=None):
    """The member associations, by name, and `keep` (the current value) even if it has left."""
    condition = Q(pk__in=Association.objects.members().values("pk"))
    if keep:
        condition |= Q(pk=keep)
    return Association.objects.filter(condition).order_by("name").only("pk", "name")


class WorkingGroupForm(forms.ModelForm):
    """Coordinators create a group and change it (archiving it too). The address (slug) is
    made from the name once, and stays."""

    class Meta:
        model = WorkingGroup
        fields = ["name", "description", "lead_association", "archived_on"]
        widgets = {"archived_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_association"].queryset = member_associations(
            self.instance.lead_association_id
        )
        if self.instance.pk is None:
            del self.fields["archived_on"]


class AssigneeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class TaskForm(forms.ModelForm):
    """Every field of a task, for the group's managers. The people to put in charge are
    listed under the association they act for; `Task.clean()` refuses one who does not act
    for the responsible association. A new task starts "to do"."""

    class Meta:
        model = Task
        fields = ["title", "description", "responsible_association", "assignee", "due_on",
                  "status"]
        field_classes = {"assignee": AssigneeField}
        widgets = {"due_on": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        task = self.instance
        self.fields["responsible_association"].queryset = member_associations(
            task.responsible_association_id
        )
        memberships = (
            Membership.objects.current().filter(association__in=Association.objects.members())
            .select_related("person", "association")
            .order_by("association__name", "person__last_name", "person__first_name", "pk")
        )
        assignee = self.fields["assignee"]
        assignee.queryset = get_user_model().objects.filter(
            Q(pk__in=Membership.objects.current().values("person")) | Q(pk=task.assignee_id)
        )
        by_association = {}
        for membership in memberships:
            by_association.setdefault(membership.association.name, []).append(
                (membership.person_id, person_name(membership.person))
            )
        choices = [("", _("— personne pour l'instant —"))]
        if task.assignee_id and not any(
            person_id == task.assignee_id
            for people in by_association.values() for person_id, _name in people
        ):
            choices.append((task.assignee_id, person_name(task.assignee)))
        assignee.choices = choices + list(by_association.items())
        if task.pk is None:
            del self.fields["status"]


class TaskStatusForm(forms.ModelForm):
    """The status alone, for the responsible association's people and the person in charge:
    whatever else a request carries is ignored."""

    class Meta:
        model = Task
        fields = ["status"]


class MeetingForm(forms.ModelForm):
    """A meeting's date and times are typed in Paris time, whatever the season."""

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url", "agenda"]
        formfield_callback = https_by_default
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }
