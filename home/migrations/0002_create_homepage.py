"""Replace Wagtail's placeholder welcome page with the portal's French home page."""

import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    welcome = Page.objects.filter(content_type=page_type, slug="home", depth=2, numchild=0).first()
    if welcome is None:
        return  # Someone already built a site here: leave it alone.
    path = welcome.path
    Site.objects.filter(root_page=welcome).delete()
    welcome.delete()

    locale, _created = Locale.objects.get_or_create(language_code="fr")
    homepage = HomePage.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=ContentType.objects.get_or_create(app_label="home", model="homepage")[0],
        path=path,
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=homepage, is_default_site=True,
        site_name="Collectif des associations",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
