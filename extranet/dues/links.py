"""The addresses of the dues' pages, as the emails link to them."""

from django.urls import reverse

from portal.emails import absolute_url


def dues_home_url():
    """The absolute address of the associations' dues page (declare, see how to pay)."""
    return absolute_url(reverse("extranet:dues_home"))
