"""The guide for elected officials: numbered chapters and their table of contents, questions
and answers, live figures, contacts and the printable version."""

import pytest
from wagtail.rich_text import RichText

from home.guide import GuidePage
from tests.factories import AssociationFactory, GuidePageFactory

pytestmark = pytest.mark.django_db


def chapter(title, *blocks):
    return ("chapter", {"title": title, "body": list(blocks)})


def paragraph(html):
    return ("paragraph", RichText(html))


def faq(*pairs):
    return ("accordion", {"title": "", "items": [
        {"question": question, "answer": RichText(answer)} for question, answer in pairs]})


def contact(**fields):
    value = {"name": "", "role": "", "organisation": "", "email": "", "phone": ""}
    return ("contact", {**value, **fields})


def live_figures(*keys):
    return ("live_figures", {"title": "Les associations du département", "figures": [
        {"figure": key, "label": ""} for key in keys]})


@pytest.fixture
def guide(home_page):
    return GuidePageFactory(parent=home_page, chapters=[
        chapter("Qu'est-ce qu'une association ?", paragraph("<p>Au moins deux personnes.</p>")),
        chapter("Ce que les associations apportent",
                live_figures("directory.associations", "directory.members")),
        chapter("Questions fréquentes",
                faq(("Comment soutenir sans appel à projets ?", "<p>Une CPO.</p>"))),
        chapter("Contacts", contact(name="Coordination du collectif", role="accueil des élus",
                                    email="contact@example.org", phone="01 60 00 00 00")),
    ])


def test_the_table_of_contents_numbers_the_chapters_in_order(guide):
    toc = guide.table_of_contents()

    assert [(entry["number"], entry["title"]) for entry in toc] == [
        (1, "Qu'est-ce qu'une association ?"), (2, "Ce que les associations apportent"),
        (3, "Questions fréquentes"), (4, "Contacts")]


def test_each_entry_of_the_table_of_contents_links_to_its_chapter(client, guide):
    response = client.get(guide.url)

    assert response.status_code == 200
    for entry in guide.table_of_contents():
        assert f'href="#{entry["anchor"]}"' in response.text
        assert f'id="{entry["anchor"]}"' in response.text


def test_chapters_are_shown_with_their_numbers(client, guide):
    response = client.get(guide.url)

    assert '<span class="guide-chapter__number">2.</span> Ce que les associations' in (
        response.text)


def test_questions_and_answers_are_linked_from_the_table_of_contents(client, guide):
    response = client.get(guide.url)

    assert 'href="#questions-frequentes"' in response.text
    assert 'id="questions-frequentes"' in response.text
    assert "<summary>Comment soutenir sans appel à projets ?</summary>" in response.text


def test_a_guide_without_questions_has_no_faq_link(client, home_page):
    guide = GuidePageFactory(parent=home_page, chapters=[
        chapter("Un seul chapitre", paragraph("<p>Texte.</p>"))])

    response = client.get(guide.url)

    assert "questions-frequentes" not in response.text


def test_live_figures_show_the_directory_numbers_of_now(client, guide):
    AssociationFactory.create_batch(2)
    AssociationFactory(is_member=True)

    response = client.get(guide.url)

    assert '<dd class="figure__value">3</dd>' in response.text
    assert '<dd class="figure__value">1</dd>' in response.text
    assert "associations membres du collectif" in response.text


def test_contacts_show_their_means_of_contact_as_links(client, guide):
    response = client.get(guide.url)

    assert "Coordination du collectif" in response.text
    assert 'href="mailto:contact@example.org"' in response.text
    assert 'href="tel:0160000000"' in response.text


def test_a_contact_without_email_nor_phone_is_refused():
    from wagtail.blocks import StructBlockValidationError

    from portal.blocks import ContactBlock

    block = ContactBlock()
    value = block.to_python({"name": "Quelqu'un", "role": "", "organisation": "",
                             "email": "", "phone": ""})

    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_the_guide_offers_a_print_button_and_a_printable_version(client, guide):
    response = client.get(guide.url)

    assert "data-print hidden" in response.text
    assert f'href="{guide.url}imprimer/"' in response.text


def test_the_printable_version_holds_every_chapter_with_answers_open(client, guide):
    response = client.get(guide.url + "imprimer/")

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.text
    for entry in guide.table_of_contents():
        assert f'id="{entry["anchor"]}"' in response.text
    assert "<details" not in response.text
    assert "Une CPO." in response.text
    assert guide.full_url in response.text


def test_an_unknown_route_under_the_guide_is_not_found(client, guide):
    assert client.get(guide.url + "nimporte-quoi/").status_code == 404


def test_the_guide_is_created_under_the_home_page_only_as_a_leaf(home_page):
    assert GuidePage.can_create_at(home_page)
    assert GuidePage.subpage_types == []
