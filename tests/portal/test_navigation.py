"""Main and footer menus built by editors, and the language switcher."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.models import Menu
from portal.navigation import navigation_changed
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def make_menu(location, locale, pages=(), urls=()):
    items = [("link", {"page": page, "url": "", "label": ""}) for page in pages]
    items += [("link", {"page": None, "url": url, "label": label}) for url, label in urls]
    return Menu.objects.create(location=location, locale=locale, items=items)


def main_nav(response):
    html = response.text
    start = html.index('class="main-nav"')
    return html[start:html.index("</nav>", start)]


def test_main_menu_shows_the_pages_editors_chose_in_their_order(client, home_page):
    charter = StandardPageFactory(parent=home_page, title="La charte")
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    make_menu("main", home_page.locale, pages=[about, charter])

    nav = main_nav(client.get("/"))

    assert nav.index("Le collectif") < nav.index("La charte")


def test_main_menu_marks_the_current_page(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    make_menu("main", home_page.locale, pages=[about])

    nav = main_nav(client.get(about.url))

    assert f'<a href="{about.url}" aria-current="page">Le collectif</a>' in nav


def test_main_menu_hides_a_page_that_was_unpublished(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    draft = StandardPageFactory(parent=home_page, title="Page retirée")
    make_menu("main", home_page.locale, pages=[about, draft])
    draft.unpublish()

    nav = main_nav(client.get("/"))

    assert "Page retirée" not in nav


def test_main_menu_can_link_to_another_site(client, home_page):
    make_menu(
        "main", home_page.locale, urls=[("https://www.associations.gouv.fr/", "Service public")]
    )

    nav = main_nav(client.get("/"))

    assert '<a href="https://www.associations.gouv.fr/">Service public</a>' in nav


def test_english_visitors_follow_menu_links_to_the_english_pages(client, home_page, english_home):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    about_en = about.copy_for_translation(english_home.locale)
    about_en.title = "The collective"
    about_en.slug = "the-collective"
    about_en.save_revision().publish()
    make_menu("main", home_page.locale, pages=[about])

    nav = main_nav(client.get("/en/"))

    assert '<a href="/en/the-collective/">The collective</a>' in nav


def menu_queries(client):
    """Queries of a visit whose navigation is not cached yet (what building the menus costs)."""
    client.get("/")
    navigation_changed()
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    return len(queries)


def test_menu_queries_do_not_grow_with_its_links(client, home_page):
    pages = [StandardPageFactory(parent=home_page) for _ in range(7)]
    menu = make_menu("main", home_page.locale, pages=pages[:1])
    with_one = menu_queries(client)

    menu.items = [("link", {"page": page, "url": "", "label": ""}) for page in pages]
    menu.save()
    with_seven = menu_queries(client)

    assert with_one == with_seven


def test_the_navigation_is_built_once_for_every_visitor(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    page = StandardPageFactory(parent=about, title="Notre histoire")
    make_menu("main", home_page.locale, pages=[about])
    make_menu("footer", home_page.locale, pages=[about])
    client.get(page.url)

    with CaptureQueriesContext(connection) as warm:
        response = Client().get(page.url)
    navigation_changed()
    with CaptureQueriesContext(connection) as cold:
        Client().get(page.url)

    assert "Le collectif" in main_nav(response)
    assert not any('FROM "portal_menu"' in query["sql"] for query in warm)
    # two menus, breadcrumbs, the page's translations, the home pages, the legal links
    assert len(cold) - len(warm) >= 5


def test_the_navigation_is_not_kept_in_a_cache_each_worker_has_its_own(client, home_page,
                                                                        settings):
    settings.CACHE_SHARED_BY_PROCESSES = False
    make_menu("main", home_page.locale, pages=[StandardPageFactory(parent=home_page)])
    client.get("/")

    with CaptureQueriesContext(connection) as warm:
        client.get("/")

    assert any('FROM "portal_menu"' in query["sql"] for query in warm)


def test_a_saved_menu_shows_at_the_next_visit(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    charter = StandardPageFactory(parent=home_page, title="La charte")
    menu = make_menu("main", home_page.locale, pages=[about])
    client.get("/")

    menu.items = [("link", {"page": page, "url": "", "label": ""}) for page in (about, charter)]
    menu.save()

    assert "La charte" in main_nav(client.get("/"))


def test_a_renamed_section_shows_in_the_breadcrumbs_at_the_next_visit(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le collectif")
    page = StandardPageFactory(parent=section, title="Notre histoire")
    client.get(page.url)

    section.title = "Qui sommes-nous"
    section.save_revision().publish()

    assert "Qui sommes-nous" in client.get(page.url).text


def test_an_unpublished_translation_leaves_the_language_switcher_at_once(client, home_page,
                                                                         english_home):
    about = StandardPageFactory(parent=home_page, title="Le collectif")
    about_en = about.copy_for_translation(english_home.locale)
    about_en.slug = "the-collective"
    about_en.save_revision().publish()
    assert "/en/the-collective/" in client.get(about.url).text

    about_en.refresh_from_db()
    about_en.unpublish()

    assert "/en/the-collective/" not in client.get(about.url).text


def test_a_menu_refuses_more_than_seven_links_in_the_main_menu(home_page):
    from django.core.exceptions import ValidationError

    menu = Menu(
        location="main", locale=home_page.locale,
        items=[("link", {"page": None, "url": f"https://example.org/{n}", "label": str(n)})
               for n in range(8)],
    )

    with pytest.raises(ValidationError):
        menu.full_clean()


def test_only_one_menu_per_location_and_language(home_page):
    from django.db import IntegrityError

    make_menu("footer", home_page.locale)

    with pytest.raises(IntegrityError):
        make_menu("footer", home_page.locale)


def test_the_language_switcher_links_a_page_to_its_translation(client, home_page, english_home):
    response = client.get("/")

    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in response.text
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in response.text
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/">' in response.text


def test_an_untranslated_page_offers_the_english_home_page(client, home_page, english_home):
    page = StandardPageFactory(parent=home_page, title="Page pas encore traduite")

    response = client.get(page.url)

    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in response.text


def test_the_english_home_page_is_served_in_english(client, home_page, english_home):
    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Together, associations are heard" in response.text
    assert '<a href="/" hreflang="fr" lang="fr">Français</a>' in response.text


def test_the_search_page_switches_language_and_keeps_the_query(client, home_page, english_home):
    response = client.get("/search/", {"q": "charte"})

    assert '<a href="/en/search/?q=charte" hreflang="en" lang="en">English</a>' in response.text


def test_a_missing_page_offers_the_home_page_of_the_other_language(client, home_page,
                                                                    english_home):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in response.text


def test_a_menu_link_to_a_page_not_yet_translated_says_it_is_in_french(client, home_page,
                                                                        english_home):
    page = StandardPageFactory(parent=home_page, title="Notre histoire")
    make_menu("main", home_page.locale, pages=[page])

    nav = main_nav(client.get("/en/"))

    assert f'<a href="{page.url}" lang="fr">Notre histoire</a>' in nav


def test_a_translated_menu_link_needs_no_language_mark(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Notre histoire")
    make_menu("main", home_page.locale, pages=[page])

    nav = main_nav(client.get("/"))

    assert f'<a href="{page.url}">Notre histoire</a>' in nav


def test_the_admin_refuses_a_second_menu_for_the_same_place_and_language(admin_client,
                                                                        home_page):
    make_menu("main", home_page.locale)

    response = admin_client.post(
        "/admin/snippets/portal/menu/add/?locale=fr",
        {"location": "main", "items-count": "0"},
    )

    assert response.status_code == 200
    assert "Cette langue a déjà un menu à cet emplacement" in response.text
    assert Menu.objects.filter(location="main").count() == 1


def test_hreflang_alternates_list_only_real_translations(client, home_page, english_home):
    page = StandardPageFactory(parent=home_page, title="Page pas encore traduite")

    response = client.get(page.url)

    assert 'hreflang="en" href=' not in response.text.split("<body")[0]
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{page.url}">' in (
        response.text
    )


def test_a_translated_page_names_french_as_the_default_version(client, home_page,
                                                               english_home):
    response = client.get("/en/")

    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in (
        response.text
    )


def test_breadcrumbs_leave_out_an_unpublished_section(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Rubrique retirée")
    page = StandardPageFactory(parent=section, title="Notre histoire")
    section.unpublish()

    response = client.get(page.url)

    assert "Rubrique retirée" not in response.text
