"""The members' map of the current offers by commune: the page (the map, and always the table
of the offers by commune, which says it all without JavaScript or tiles) and its GeoJSON.
Both are filtered by category (`?categorie=`)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from extranet.accounts.permissions import member_required
from extranet.mutual_aid import map as offer_map
from extranet.mutual_aid.filters import CategoryFilterForm
from extranet.mutual_aid.links import list_url


def communes_of(request):
    form = CategoryFilterForm(request.GET)
    return form, offer_map.by_commune(form.filter(offer_map.current_offers()),
                                      form.category())


@member_required
def aid_map(request):
    form, communes = communes_of(request)
    query = form.query_string()
    data_url = reverse("extranet:aid_map_data")
    return render(request, "extranet/mutual_aid/map.html", {
        "form": form,
        "communes": communes,
        "figures": offer_map.map_data(communes),
        "data_url": f"{data_url}?{query}" if query else data_url,
        "list_url": list_url(),
        "filtered": bool(query),
        "map_tiles": settings.DIRECTORY_MAP_TILES,
    })


@member_required
def aid_map_data(request):
    _form, communes = communes_of(request)
    return JsonResponse(offer_map.map_data(communes), content_type="application/geo+json",
                        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
