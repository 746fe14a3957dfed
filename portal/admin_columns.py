"""Columns the admin's lists share."""

from wagtail.admin.ui.tables import Column

from portal.people import person_name


def person_column(model, field_name):
    """A column showing the person of `field_name` as everywhere else (`person_name()`: their
    names, or « Personne sans nom »), where a plain column would show their user name."""
    return Column(
        field_name,
        label=model._meta.get_field(field_name).verbose_name,
        accessor=lambda instance: person_name(getattr(instance, field_name)),
    )
