"""The addresses of the members' pages of mutual aid, as the map, the public page and the
emails link to them."""

from urllib.parse import urlencode

LIST_PATH = "/extranet/entraide/"


def post_url(post_id):
    """Where a signed-in member reads a post and answers it (the route `aid_post_detail`,
    extranet/mutual_aid/urls.py)."""
    return f"{LIST_PATH}{post_id}/"


def list_url(**filters):
    """The members' list of posts, filtered (`commune` is a commune's INSEE code): the route
    `aid_list`, extranet/mutual_aid/urls.py."""
    query = urlencode({key: value for key, value in filters.items() if value})
    return f"{LIST_PATH}?{query}" if query else LIST_PATH
