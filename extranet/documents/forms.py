"""The library's forms: a folder, a document (with its first file), its details, a new
version, and the search with its filters. Every file goes through portal.uploads.check
(kind, size, content) with the library's own size limit, DOCUMENTS_MAX_UPLOAD_BYTES."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.accounts.permissions import association_ids, is_coordinator
from extranet.documents import bodies
from extranet.documents.models import Document, DocumentVersion, Folder
from extranet.documents.permissions import can_add_to, readable_folder_ids
from extranet.documents.search import readable_documents
from extranet.groups.models import WorkingGroup
from portal.forms import DatePicker
from portal.uploads import CONTENT_TYPES, accepted_formats, check, megabytes


def upload_help():
    """Read when the form is shown: in the reader's language, with the limit in force."""
    return _("Formats acceptés : %(formats)s ; %(size)s Mo au plus.") % {
        "formats": accepted_formats(), "size": megabytes(settings.DOCUMENTS_MAX_UPLOAD_BYTES)}


def file_field(label):
    return forms.FileField(
        label=label,
        help_text=lazy(upload_help, str)(),
        widget=forms.ClearableFileInput(attrs={
            "accept": ",".join(f".{extension}" for extension in CONTENT_TYPES)}),
    )


def checked(upload):
    check(upload, max_bytes=settings.DOCUMENTS_MAX_UPLOAD_BYTES)
    return upload


class FolderChoiceField(forms.ModelChoiceField):
    """Folders shown with their place in the tree: « Groupes › Accès aux droits »."""

    def __init__(self, *args, folders=(), **kwargs):
        self.paths = folder_paths(folders)
        super().__init__(*args, **kwargs)

    def label_from_instance(self, folder):
        return self.paths.get(folder.pk, folder.name)


def folder_paths(folders):
    by_pk = {folder.pk: folder for folder in folders}

    def path(folder):
        names = [folder.name]
        while folder.parent_id in by_pk:
            folder = by_pk[folder.parent_id]
            names.append(folder.name)
        return " › ".join(reversed(names))

    return {pk: path(folder) for pk, folder in by_pk.items()}


def sorted_by_path(folders):
    paths = folder_paths(folders)
    return sorted(folders, key=lambda folder: paths[folder.pk].lower())


class ByFolder(ModelChoiceIterator):
    """The documents grouped by folder, one group a folder, in the order of their paths
    (« Instances › Bureau »), by title inside each; read when the widget is drawn."""

    def __iter__(self):
        documents = list(self.queryset)
        paths = folder_paths(Folder.objects.only("pk", "name", "parent_id"))
        groups = {}
        for document in documents:
            groups.setdefault(document.folder_id, []).append(document)
        for folder_id in sorted(groups, key=lambda pk: (paths.get(pk, "").lower(), pk)):
            yield paths.get(folder_id, ""), [
                self.choice(document) for document in
                sorted(groups[folder_id], key=lambda d: (d.title.lower(), d.pk))
            ]


class LibraryDocumentsField(forms.ModelMultipleChoiceField):
    """Documents of the library to link to a page: the live documents `user` reads, in a
    list with one group a folder. Any other id (a folder they do not read, the bin, a typed
    number) is refused like every unknown choice.

    A native <select multiple>, with its folders as <optgroup>s: keyboards and screen
    readers know it, it stays short on the page with hundreds of documents, and browsers
    let one type a title's first letters to reach it; how to choose several is said in
    the help text."""

    iterator = ByFolder

    def __init__(self, *, user, **kwargs):
        kwargs.setdefault("label", _("Documents de la bibliothèque"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _(
            "Les documents des dossiers que vous lisez, rangés par dossier. Pour en choisir "
            "plusieurs, ou pour retirer un document choisi, maintenez la touche Ctrl (Cmd sur "
            "Mac) en cliquant. Chaque lecteur ne verra que ceux de ses dossiers."))
        super().__init__(
            queryset=readable_documents(user).select_related("folder").defer("text").order_by(),
            widget=forms.SelectMultiple(attrs={"size": 12}), **kwargs,
        )

    def label_from_instance(self, document):
        return document.title


class FolderForm(forms.ModelForm):
    body_id = forms.TypedChoiceField(
        label=_("Instance"), required=False, coerce=int, empty_value=None,
        help_text=_("Seulement pour un dossier réservé à une instance."),
    )

    class Meta:
        model = Folder
        fields = ["name", "description", "parent", "audience", "group", "body_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        folders = list(Folder.objects.exclude(pk=self.instance.pk))
        self.fields["parent"] = FolderChoiceField(
            label=_("Dossier parent"), required=False, queryset=Folder.objects.all(),
            folders=folders, empty_label=_("(à la racine)"),
            help_text=Folder._meta.get_field("parent").help_text,
        )
        self.fields["group"].queryset = WorkingGroup.objects.active()
        self.fields["body_id"].choices = [("", "---------"), *bodies.choices()]


class DocumentForm(forms.ModelForm):
    """A new document, with its first file."""

    file = file_field(_("Fichier"))

    class Meta:
        model = Document
        fields = ["folder", "title", "description", "tags", "owner_association"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        folders = [folder for folder in Folder.objects.filter(pk__in=readable_folder_ids(user))
                   if can_add_to(user, folder)]
        self.fields["folder"] = FolderChoiceField(
            label=_("Dossier"), queryset=Folder.objects.filter(pk__in=[f.pk for f in folders]),
            folders=folders,
        )
        associations = Association.objects.members()
        if not is_coordinator(user):
            associations = associations.filter(pk__in=association_ids(user))
        self.fields["owner_association"].queryset = associations.order_by("name")
        if len(ids := association_ids(user)) == 1 and not self.initial.get("owner_association"):
            self.initial["owner_association"] = next(iter(ids))

    def clean_file(self):
        return checked(self.cleaned_data["file"])


class DocumentEditForm(forms.ModelForm):
    """A document's details; moved to another folder its people may fill."""

    class Meta:
        model = Document
        fields = ["folder", "title", "description", "tags"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        folders = [folder for folder in Folder.objects.filter(pk__in=readable_folder_ids(user))
                   if can_add_to(user, folder)]
        self.fields["folder"] = FolderChoiceField(
            label=_("Dossier"), queryset=Folder.objects.filter(pk__in=[f.pk for f in folders]),
            folders=folders,
        )


class VersionForm(forms.ModelForm):
    file = file_field(_("Nouvelle version du fichier"))

    class Meta:
        model = DocumentVersion
        fields = ["note"]

    def clean_file(self):
        return checked(self.cleaned_data["file"])


FORMATS = [
    ("pdf", "PDF"),
    ("opendocument", _("OpenDocument (odt, ods, odp)")),
    ("office", _("Microsoft Office (docx, xlsx, pptx)")),
    ("image", _("Image (png, jpg)")),
    ("text", _("Texte ou tableau (txt, csv)")),
]
FORMAT_EXTENSIONS = {
    "pdf": ["pdf"], "opendocument": ["odt", "ods", "odp"], "office": ["docx", "xlsx", "pptx"],
    "image": ["png", "jpg", "jpeg"], "text": ["txt", "csv"],
}


class SearchForm(forms.Form):
    """The library's search and filters, in the address (?q=statuts&format=pdf…)."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200,
                        help_text=_("Dans les titres, descriptions, mots-clés et le texte des "
                                    "fichiers PDF, OpenDocument et texte."))
    dossier = forms.TypedChoiceField(label=_("Dossier"), required=False, coerce=int,
                                     empty_value=None)
    format = forms.ChoiceField(label=_("Format"), required=False,
                               choices=[("", _("Tous")), *FORMATS])
    association = forms.ModelChoiceField(
        label=_("Association"), required=False, queryset=Association.objects.none(),
        empty_label=_("Toutes"),
    )
    depuis = forms.DateField(label=_("Mis à jour depuis le"), required=False,
                             widget=DatePicker())
    jusqu_au = forms.DateField(label=_("Mis à jour jusqu'au"), required=False,
                               widget=DatePicker())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        folders = list(Folder.objects.filter(pk__in=readable_folder_ids(user)))
        paths = folder_paths(folders)
        self.fields["dossier"].choices = [("", _("Tous")), *sorted(
            paths.items(), key=lambda item: item[1].lower())]
        # The associations owning a live document the person reads: a semi-join (EXISTS),
        # not a DISTINCT over every such document and every column of the association.
        self.fields["association"].queryset = Association.objects.filter(Exists(
            Document.objects.live().filter(owner_association=OuterRef("pk"),
                                           folder__in=[folder.pk for folder in folders])
        )).only("pk", "name").order_by("name")

    @property
    def data_or_empty(self):
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    def is_filtering(self):
        data = self.data_or_empty
        return any(data.get(name) for name in self.fields)

    def filter(self, documents):
        """The documents the valid filters keep (an invalid filter is ignored)."""
        data = self.data_or_empty
        if data.get("dossier"):
            documents = documents.filter(folder_id=data["dossier"])
        if data.get("format"):
            documents = documents.filter(extension__in=FORMAT_EXTENSIONS[data["format"]])
        if data.get("association"):
            documents = documents.filter(owner_association=data["association"])
        if data.get("depuis"):
            documents = documents.filter(updated_at__gte=_start_of(data["depuis"]))
        if data.get("jusqu_au"):
            documents = documents.filter(
                updated_at__lt=_start_of(data["jusqu_au"] + datetime.timedelta(days=1)))
        return documents

    def query_string(self):
        data = self.data_or_empty
        pairs = {name: value for name, value in data.items() if value and name != "association"}
        if data.get("association"):
            pairs["association"] = data["association"].pk
        return urlencode(pairs)


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
