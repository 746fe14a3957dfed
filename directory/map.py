"""The directory's map data: the associations of a result list as GeoJSON.

Each association is placed at its own coordinates (given by the association), else at the
centre of its commune (`manage.py load_commune_centres`); one with neither is counted as
unplaced. The response stays small whatever the volume: up to `max_points` placed
associations, one point each; beyond, one point per commune with its count (and, for the rare
associations with coordinates but no commune, one per cell of a tenth of a degree). Always
four queries or fewer, reading only the columns it needs.

The payload is a GeoJSON FeatureCollection (RFC 7946) with foreign members:

    {"type": "FeatureCollection",
     "grouped": false,          # true: one feature per commune (or cell), not per association
     "total": 12,               # associations in the list
     "placed": 11,              # of which on the map
     "unplaced": 1,             # of which without any position
     "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"kind": "association", "name": "…", "url": "/annuaire/…/",
                        "commune": "Melun"}},
        {"type": "Feature", "geometry": …,
         "properties": {"kind": "commune", "name": "Melun", "count": 42,
                        "url": "/annuaire/?commune=77288&…"}},
        {"type": "Feature", "geometry": …, "properties": {"kind": "area", "count": 3}}]}
"""

from django.db.models import Avg, Count, DecimalField, F, Q
from django.db.models.functions import Round

OWN_POSITION = Q(latitude__isnull=False, longitude__isnull=False)
COMMUNE_POSITION = Q(commune__latitude__isnull=False, commune__longitude__isnull=False)
DIGITS = 5  # about a metre: enough for a map, and a shorter payload
CELL_DIGITS = 1  # cells of a tenth of a degree for grouped associations without a commune


def point(longitude, latitude, properties):
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(float(longitude), DIGITS), round(float(latitude), DIGITS)],
        },
        "properties": properties,
    }


def counts(associations):
    """(total, placed) in one query."""
    figures = associations.order_by().aggregate(
        total=Count("pk", distinct=True),
        placed=Count("pk", distinct=True, filter=OWN_POSITION | COMMUNE_POSITION),
    )
    return figures["total"], figures["placed"]


def association_features(associations, url_of_slug, limit):
    rows = (
        associations.filter(OWN_POSITION | COMMUNE_POSITION)
        .order_by("name", "pk")
        .values_list(
            "name", "slug", "latitude", "longitude",
            "commune__name", "commune__latitude", "commune__longitude",
        )[:limit]
    )
    features = []
    for name, slug, latitude, longitude, commune, commune_lat, commune_lon in rows:
        if latitude is None or longitude is None:
            latitude, longitude = commune_lat, commune_lon
        features.append(point(longitude, latitude, {
            "kind": "association", "name": name, "url": url_of_slug(slug),
            "commune": commune or "",
        }))
    return features


def grouped_features(associations, url_of_commune):
    """One feature per commune (at its centre, or at the mean position of its associations
    when its centre is unknown), and one per cell for associations with no commune."""
    placed = associations.filter(OWN_POSITION | COMMUNE_POSITION).order_by()
    features = []
    by_commune = (
        placed.filter(commune__isnull=False)
        .values("commune__code", "commune__name", "commune__latitude", "commune__longitude")
        .annotate(count=Count("pk", distinct=True), mean_latitude=Avg("latitude"),
                  mean_longitude=Avg("longitude"))
        .order_by("commune__name")
    )
    for row in by_commune:
        latitude, longitude = row["commune__latitude"], row["commune__longitude"]
        if latitude is None or longitude is None:
            latitude, longitude = row["mean_latitude"], row["mean_longitude"]
        features.append(point(longitude, latitude, {
            "kind": "commune", "name": row["commune__name"], "count": row["count"],
            "url": url_of_commune(row["commune__code"]),
        }))
    cell = DecimalField(max_digits=9, decimal_places=CELL_DIGITS)
    by_cell = (
        placed.filter(commune__isnull=True)
        .annotate(cell_latitude=Round(F("latitude"), CELL_DIGITS, output_field=cell),
                  cell_longitude=Round(F("longitude"), CELL_DIGITS, output_field=cell))
        .values("cell_latitude", "cell_longitude")
        .annotate(count=Count("pk", distinct=True))
        .order_by("cell_latitude", "cell_longitude")
    )
    for row in by_cell:
        features.append(point(row["cell_longitude"], row["cell_latitude"],
                              {"kind": "area", "count": row["count"]}))
    return features


def map_data(associations, url_of_slug, url_of_commune, max_points):
    """The GeoJSON dict of `associations` (a filtered queryset)."""
    total, placed = counts(associations)
    grouped = placed > max_points
    if grouped:
        features = grouped_features(associations, url_of_commune)
    else:
        features = association_features(associations, url_of_slug, max_points)
    return {
        "type": "FeatureCollection",
        "grouped": grouped,
        "total": total,
        "placed": placed,
        "unplaced": total - placed,
        "features": features,
    }
