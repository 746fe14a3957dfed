"""The demo's photos (`seed_demo`): free photographs kept in demo/data/photos, each with its
author and licence, made Wagtail images once (found again by title) and shown with their
credit. Their origin is in demo/data/photos/CREDITS.md."""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

FOLDER = Path(__file__).resolve().parent / "data" / "photos"

# name: (the image's title in the library, its credit as the site shows it)
PHOTOS = {
    "pissenlits": ("Pissenlits en graines dans une prairie",
                   "Clemens Engelhardt, CC0 1.0"),
    "pinceaux": ("Pinceaux d'un atelier de peinture",
                 "Trevor « Freespace », CC BY 4.0"),
    "horloge": ("Horloge murale",
                "Peter Nerlich, CC BY-SA 4.0"),
    "chemin": ("Un chemin de montagne vers les sommets",
               "Aitzol Berasategi, CC BY 4.0"),
}


def photo(name):
    """The Wagtail image of a demo photo, made from its file the first time."""
    title, _credit = PHOTOS[name]
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        with (FOLDER / f"{name}.jpg").open("rb") as file:
            image.file = ImageFile(file, name=f"demo-{name}.jpg")
            image.save()
    return image


def block(name, caption=""):
    """An image block of a page's body: a decorative demo photo with its credit."""
    return {"image": photo(name), "alt_text": "", "decorative": True,
            "caption": caption, "credit": PHOTOS[name][1]}
