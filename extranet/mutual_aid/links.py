"""The addresses of the members' pages of mutual aid, as the map, the public page and the
emails link to them."""

from urllib.parse import urlencode

from django.urls import reverse


def post_url(post_id):
    """Where a signed-in member reads a post and answers it."""
    return reverse("extranet:aid_post_detail", args=[post_id])


def list_url(**filters):
    """The members' list of the current posts, filtered (`commune` is a commune's INSEE
    code, `category` a category)."""
    query = urlencode({key: value for key, value in filters.items() if value})
    path = reverse("extranet:aid_list")
    return f"{path}?{query}" if query else path
