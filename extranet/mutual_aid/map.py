"""The map of the current offers by commune (extranet): how many offers each commune holds
today, optionally in one category, as rows for the page's table and as GeoJSON for its map.

One query whatever the number of offers: the offers are counted by commune in the database.
Each commune is placed at its centre (`Commune.latitude`/`longitude`, from
`manage.py load_commune_centres`); the offers of a commune without a centre are counted as
unplaced, and stay in the table. The payload is a GeoJSON FeatureCollection (RFC 7946) with
foreign members, like the directory's (directory/map.py):

    {"type": "FeatureCollection",
     "total": 12,      # current offers
     "placed": 11,     # of which on the map
     "unplaced": 1,    # of which in a commune without a known centre
     "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"name": "Melun", "count": 3,
                        "url": "/extranet/entraide/?kind=offer&commune=77288"}}]}
"""

from django.db.models import Count

from directory.map import point
from extranet.mutual_aid.links import list_url
from extranet.mutual_aid.models.posts import Kind, Post


def current_offers():
    return Post.objects.current().filter(kind=Kind.OFFER)


def by_commune(offers, category=""):
    """The communes of `offers` (a queryset), by name: dicts of code, name, latitude,
    longitude (None without a centre), count and url (the members' list of the commune's
    offers, in `category` if one is given). One query."""
    rows = (
        offers.order_by()
        .values("commune__code", "commune__name", "commune__latitude", "commune__longitude")
        .annotate(count=Count("pk"))
        .order_by("commune__name", "commune__code")
    )
    return [
        {
            "code": row["commune__code"],
            "name": row["commune__name"],
            "latitude": row["commune__latitude"],
            "longitude": row["commune__longitude"],
            "count": row["count"],
            "url": list_url(kind=Kind.OFFER, category=category,
                            commune=row["commune__code"]),
        }
        for row in rows
    ]


def is_placed(commune):
    return commune["latitude"] is not None and commune["longitude"] is not None


def map_data(communes):
    """The GeoJSON dict of the rows of `by_commune`: one feature per placed commune."""
    placed = [commune for commune in communes if is_placed(commune)]
    total = sum(commune["count"] for commune in communes)
    placed_count = sum(commune["count"] for commune in placed)
    return {
        "type": "FeatureCollection",
        "total": total,
        "placed": placed_count,
        "unplaced": total - placed_count,
        "features": [
            point(commune["longitude"], commune["latitude"], {
                "name": commune["name"], "count": commune["count"], "url": commune["url"],
            })
            for commune in placed
        ],
    }
