"""The shared StreamField blocks refuse what would make a page broken or inaccessible."""

import pytest
from wagtail.blocks import StructBlockValidationError

from portal import live_figures
from portal.blocks import (
    EmbedValue,
    ImageBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    LinkBlock,
    VideoEmbedBlock,
)
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def link(**value):
    return LinkBlock().to_python({"page": None, "url": "", "label": "", **value})


def test_a_link_needs_a_page_or_an_address():
    with pytest.raises(StructBlockValidationError) as error:
        LinkBlock().clean(link())

    assert "page" in error.value.block_errors


def test_a_link_cannot_have_both_a_page_and_an_address(home_page):
    with pytest.raises(StructBlockValidationError):
        LinkBlock().clean(link(page=home_page.pk, url="https://example.org/"))


def test_an_external_link_needs_a_label():
    with pytest.raises(StructBlockValidationError) as error:
        LinkBlock().clean(link(url="https://example.org/"))

    assert "label" in error.value.block_errors


def test_a_link_to_a_page_takes_the_page_title_by_default(home_page):
    page = StandardPageFactory(parent=home_page, title="Le collectif")

    value = LinkBlock().clean(link(page=page.pk))

    assert value.href() == page.url
    assert value.text() == "Le collectif"


def image_value(image, **value):
    return ImageBlock().to_python(
        {"image": image.pk, "alt_text": "", "decorative": False, "caption": "", "credit": "",
         **value}
    )


def test_an_image_needs_an_alt_text():
    with pytest.raises(StructBlockValidationError) as error:
        ImageBlock().clean(image_value(ImageFactory()))

    assert "alt_text" in error.value.block_errors


def test_an_image_made_only_of_spaces_has_no_alt_text():
    with pytest.raises(StructBlockValidationError):
        ImageBlock().clean(image_value(ImageFactory(), alt_text="   "))


def test_a_decorative_image_needs_no_alt_text():
    value = ImageBlock().clean(image_value(ImageFactory(), decorative=True))

    assert value["decorative"] is True


def test_an_image_with_an_alt_text_renders_it():
    block = ImageBlock()
    value = block.clean(image_value(ImageFactory(), alt_text="Des bénévoles en réunion"))

    html = block.render(value)

    assert 'alt="Des bénévoles en réunion"' in html


class FakeEmbed:
    html = '<iframe src="https://video.example.org/1" title="provider"></iframe>'


def test_an_embedded_frame_carries_the_title_the_editor_gave():
    value = EmbedValue(VideoEmbedBlock(), [("embed", FakeEmbed()), ("title", 'Débat "élus"'),
                                           ("transcript", "")])

    html = value.iframe_html()

    assert html.count("title=") == 1
    assert 'title="Débat &quot;élus&quot;"' in html


def test_a_video_from_a_site_the_policy_does_not_allow_is_refused():
    from django.core.exceptions import ValidationError

    block = VideoEmbedBlock()
    value = block.to_python({"embed": "https://videos.example.org/w/abc", "title": "Débat",
                             "transcript": ""})

    with pytest.raises(ValidationError):
        block.clean(value)


def test_only_the_allowed_video_players_may_be_framed(client, home_page):
    from django.conf import settings

    response = client.get("/")

    frame_src = next(part for part in response["Content-Security-Policy"].split(";")
                     if part.strip().startswith("frame-src"))
    assert frame_src.split()[1:] == ["'self'", *settings.EMBED_FRAME_ORIGINS]


def test_a_call_to_action_towards_an_unpublished_page_loses_its_button(client, home_page):
    from wagtail.rich_text import RichText  # noqa: F401

    target = StandardPageFactory(parent=home_page, title="Page retirée")
    home_page.body = [("call_to_action", {
        "title": "Rejoindre", "text": "", "link": {"page": target, "url": "", "label": ""},
    })]
    home_page.save_revision().publish()
    target.unpublish()

    response = client.get("/")

    assert "Rejoindre" in response.text
    assert target.url not in response.text


@pytest.fixture
def members_figure():
    live_figures.register("test.members", label="associations comptées", compute=lambda: 1234,
                          source="Registre de test")
    yield
    live_figures.unregister("test.members")


def key_figure(**value):
    return KeyFigureBlock().to_python({"value": "", "live": "", "label": "", "source": "",
                                       **value})


def render_key_figures(*figures):
    block = KeyFiguresBlock()
    return block.render(block.to_python({"title": "Le collectif en chiffres",
                                         "figures": list(figures)}))


def test_a_key_figure_needs_a_typed_value_or_a_live_figure():
    with pytest.raises(StructBlockValidationError) as error:
        KeyFigureBlock().clean(key_figure(label="bénévoles"))

    assert "value" in error.value.block_errors


def test_a_key_figure_cannot_have_both_a_typed_value_and_a_live_figure(members_figure):
    with pytest.raises(StructBlockValidationError) as error:
        KeyFigureBlock().clean(key_figure(value="40", live="test.members", label="membres"))

    assert "value" in error.value.block_errors


def test_a_typed_key_figure_needs_a_label():
    with pytest.raises(StructBlockValidationError) as error:
        KeyFigureBlock().clean(key_figure(value="40"))

    assert "label" in error.value.block_errors


def test_a_live_key_figure_needs_no_label(members_figure):
    value = KeyFigureBlock().clean(key_figure(live="test.members"))

    assert value["live"] == "test.members"


def test_a_live_key_figure_shows_the_counted_number_with_its_label_and_source(members_figure):
    html = render_key_figures({"live": "test.members", "label": "", "value": "",
                               "source": ""})

    assert "1,234" in html or "1\N{NO-BREAK SPACE}234" in html
    assert "associations comptées" in html
    assert "Registre de test" in html


def test_the_label_given_by_the_editor_replaces_that_of_the_live_figure(members_figure):
    html = render_key_figures({"live": "test.members", "label": "membres", "value": "",
                               "source": ""})

    assert "membres" in html
    assert "associations comptées" not in html


def test_typed_and_live_key_figures_are_shown_side_by_side(members_figure):
    html = render_key_figures(
        {"value": "12", "label": "communes", "source": "Nos adhésions"},
        {"live": "test.members", "label": "", "value": "", "source": ""},
    )

    assert html.count('class="figure"') == 2
    assert "communes" in html


def test_a_key_figure_stored_before_live_figures_existed_still_shows():
    html = render_key_figures({"value": "35", "label": "associations", "source": ""})

    assert "35" in html
    assert "associations" in html


def test_a_live_key_figure_no_longer_registered_is_left_out(members_figure):
    html = render_key_figures(
        {"value": "12", "label": "communes", "source": ""},
        {"live": "gone.figure", "label": "", "value": "", "source": ""},
    )

    assert html.count('class="figure"') == 1
