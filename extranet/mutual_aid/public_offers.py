"""What the public page of mutual aid (MutualAidPage) shows: the current offers that their
associations chose to show (`Post.objects.public()`), by category (`?categorie=`), twenty to a
page. Each offer says what, where, when and which association, never who: no person's name,
email address or phone number is read for it. An association is linked to its page in the
directory when the directory publishes it. Members answer through the extranet.

The queries do not grow with the offers: the associations and communes come with the offers
(select_related), the directory's page is looked up once."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import resolve_url

from directory.models import DirectoryPage, MembersPage
from extranet.mutual_aid.filters import CategoryFilterForm
from extranet.mutual_aid.links import list_url, post_url
from extranet.mutual_aid.models.posts import Post

OFFERS_PER_PAGE = 20


def public_offers(form):
    return form.filter(Post.objects.public()).select_related("association", "commune")


def join_link(page):
    """The page where an association asks to join the collective, as the list of the member
    associations names it (in the reader's language), or None."""
    members = MembersPage.objects.live().public().filter(join_page__isnull=False).order_by("pk")
    chosen = members.filter(locale_id=page.locale_id).first() or members.first()
    return chosen.join_link() if chosen else None


def offers_context(page, request):
    form = CategoryFilterForm(request.GET)
    paginator = Paginator(public_offers(form), OFFERS_PER_PAGE)
    page_of_offers = paginator.get_page(request.GET.get("page"))
    directory = DirectoryPage.of_language(page.locale_id) if page_of_offers else None
    directory_url = directory.get_url(request) if directory else None
    return {
        "form": form,
        "offers": [(offer, offer.association.page_url(directory_url), post_url(offer.pk))
                   for offer in page_of_offers],
        "page_of_offers": page_of_offers,
        "paginator": paginator,
        "query_string": form.query_string(),
        "filtered": bool(form.query_string()),
        "login_url": f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': list_url()})}",
        "join_page": join_link(page),
    }
