from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.accounts import permissions as account_permissions
from extranet.documents.forms import LibraryDocumentsField
from extranet.groups.models import WorkingGroup
from extranet.news import attachments, permissions
from extranet.news.models import Category, Comment, Post
from portal.uploads import MultipleFileField, check_each


class PostForm(forms.ModelForm):
    """A post, written by `user`: the groups they may post to, the associations they act
    for, pinning for coordinators only (a forged `pinned` from anybody else is ignored: the
    field is not there), new attachments (attachments.check) and documents of the library
    they read (saved by services.publish and services.update_post)."""

    attachments = MultipleFileField(label=_("Pièces jointes"), required=False)

    class Meta:
        model = Post
        fields = ["title", "body", "category", "group", "association", "pinned"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        post = self.instance
        self.fields["attachments"].help_text = _(
            "%(count)s fichiers au plus par actualité, de %(size)s Mo chacun au plus. "
            "Formats acceptés : %(formats)s."
        ) % {
            "count": attachments.MAX_ATTACHMENTS,
            "size": attachments.MAX_ATTACHMENT_BYTES // (1024 * 1024),
            "formats": attachments.accepted_formats(),
        }
        self.fields["category"].empty_label = _("Sans catégorie")
        self.fields["category"].queryset = Category.objects.all()
        allowed = [group.pk for group in WorkingGroup.objects.active()
                   if permissions.can_post_news(user, group)]
        group = self.fields["group"]
        group.queryset = WorkingGroup.objects.filter(Q(pk__in=allowed) | Q(pk=post.group_id))
        group.empty_label = _("Tout le réseau")
        group.help_text = _("Tout le réseau, ou un groupe de travail auquel vous participez.")
        if post.pk and post.author_id != user.pk:
            # A coordinator changing somebody else's post does not speak for them.
            del self.fields["association"]
        else:
            ids = account_permissions.association_ids(user) | {post.association_id}
            association = self.fields["association"]
            association.queryset = Association.objects.filter(pk__in=ids).order_by("name")
            association.required = True
            association.empty_label = None
            memberships = account_permissions.current_memberships(user)
            if not self.initial.get("association") and memberships:
                self.initial["association"] = memberships[0].association_id
        if not permissions.can_pin_news(user):
            del self.fields["pinned"]
        self.fields["library_documents"] = LibraryDocumentsField(user=user)
        if post.pk:
            self.initial.setdefault("library_documents", list(
                post.library_documents.values_list("pk", flat=True)))

    def clean_attachments(self):
        uploads = self.cleaned_data["attachments"]
        already = self.instance.attachments.count() if self.instance.pk else 0
        if already + len(uploads) > attachments.MAX_ATTACHMENTS:
            if already:
                message = _("Une actualité porte au plus %(count)s pièces jointes ; celle-ci en "
                            "a déjà %(already)s.")
            else:
                message = _("Une actualité porte au plus %(count)s pièces jointes.")
            raise ValidationError(
                message % {"count": attachments.MAX_ATTACHMENTS, "already": already},
                code="too_many_attachments",
            )
        return check_each(uploads)


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Votre commentaire")}
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class NewsFilterForm(forms.Form):
    """The feed's filters, in the address (?categorie=slug&groupe=slug)."""

    categorie = forms.ModelChoiceField(
        label=_("Catégorie"), queryset=Category.objects.all(), to_field_name="slug",
        required=False, empty_label=_("Toutes"),
    )
    groupe = forms.ModelChoiceField(
        label=_("Groupe de travail"), queryset=WorkingGroup.objects.all(), to_field_name="slug",
        required=False, empty_label=_("Tous"),
    )

    def filter(self, posts):
        """The posts the valid filters keep (a filter that names nothing is ignored, and
        its error shown)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("categorie"):
            posts = posts.filter(category=data["categorie"])
        if data.get("groupe"):
            posts = posts.filter(group=data["groupe"])
        return posts

    def query_string(self):
        """The filters, for the pagination's links."""
        data = getattr(self, "cleaned_data", {})
        return urlencode({name: data[name].slug for name in ("categorie", "groupe")
                          if data.get(name)})
