"""The demo's pages that show what an app holds (« Nos décisions et positions », « Documents
du collectif », « Observatoire de l'utilité sociale »): a title, an introduction and maybe
other fields, under the home page in French and in English."""


def in_both_languages(command, page_class, home, english, texts, introduction,
                      fields=lambda text: {}):
    """The `page_class` page under `home`, and its English version, made if missing from
    `texts` ({"fr": {title, slug, introduction}, "en": {…}}); `introduction(text)` shapes
    the introduction's text, `fields(text)` gives the page's other fields (a dict)."""
    page = page_class.objects.filter(locale=home.locale).first()
    if page is None:
        text = texts["fr"]
        page = page_class(title=text["title"], slug=text["slug"],
                          introduction=introduction(text["introduction"]), **fields(text))
        home.add_child(instance=page)
        page.save_revision().publish()
        command.created += 1
    if page.get_translation_or_none(english) is None \
            and home.get_translation_or_none(english) is not None:
        text = texts["en"]
        page_en = page.copy_for_translation(english)
        page_en.title, page_en.slug = text["title"], text["slug"]
        page_en.introduction = introduction(text["introduction"])
        for name, value in fields(text).items():
            setattr(page_en, name, value)
        page_en.save_revision().publish()
        command.created += 1
    return page
