"""What changed between two versions of the charter, for readers who are not developers.

Article by article (matched by their number), the preamble and the title: each text is read
without its markup, compared word by word (difflib), and shown with <del> and <ins> around
what was removed and added, each with a label that screen readers read ("Texte supprimé :")
since colour and strike-through alone say nothing to them. Every piece of text is escaped:
nothing from the versions is put in the page as HTML.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BLOCK_END = re.compile(r"</(p|li|h[1-6]|ol|ul|blockquote)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")

ADDED, REMOVED, CHANGED, UNCHANGED = "added", "removed", "changed", "unchanged"


def plain_text(source):
    """The words of a rich text (as stored), one line per paragraph or list item."""
    text = BLOCK_END.sub("\n", source or "")
    text = html.unescape(TAG.sub("", text)).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def word_diff(old, new):
    """(HTML of `new` with what changed since `old` marked, True if anything changed).
    `old` and `new` are plain texts; the result is escaped HTML, safe to show."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    parts, changed = [], False
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = "".join(old_tokens[old_start:old_end])
        added = "".join(new_tokens[new_start:new_end])
        if operation == "equal":
            parts.append(escape(added))
            continue
        changed = True
        if removed:
            parts.append(format_html(
                '<del class="diff__del"><span class="visually-hidden">{} </span>{}'
                '<span class="visually-hidden"> {}</span></del>',
                _("[Texte supprimé :"), removed, _("fin du texte supprimé]"),
            ))
        if added:
            parts.append(format_html(
                '<ins class="diff__ins"><span class="visually-hidden">{} </span>{}'
                '<span class="visually-hidden"> {}</span></ins>',
                _("[Texte ajouté :"), added, _("fin du texte ajouté]"),
            ))
    return mark_safe("".join(str(part) for part in parts)), changed  # noqa: S308 (escaped)


@dataclass
class TextDiff:
    html: str
    changed: bool


@dataclass
class ArticleDiff:
    number: int
    status: str
    part: str
    title: TextDiff
    text: TextDiff


@dataclass
class VersionDiff:
    old: object
    new: object
    title: TextDiff
    preamble: TextDiff
    articles: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for article in self.articles if article.status == status)

    @property
    def added(self):
        return self.count(ADDED)

    @property
    def removed(self):
        return self.count(REMOVED)

    @property
    def changed(self):
        return self.count(CHANGED)

    @property
    def unchanged(self):
        return self.count(UNCHANGED)

    @property
    def identical(self):
        return not (self.title.changed or self.preamble.changed or self.added or self.removed
                    or self.changed)


def text_diff(old, new):
    return TextDiff(*word_diff(old, new))


def numbered_articles(chapters):
    """{number: (part title, article)} of a version's parts."""
    return {
        article["number"]: (part.get("title", ""), article)
        for part in chapters for article in part.get("articles", [])
    }


def diff_versions(old, new):
    """What changed from version `old` to version `new` (CharterVersion objects)."""
    old_articles, new_articles = numbered_articles(old.chapters), numbered_articles(new.chapters)
    articles = []
    for number in sorted(set(old_articles) | set(new_articles)):
        old_part, old_article = old_articles.get(number, ("", None))
        new_part, new_article = new_articles.get(number, ("", None))
        old_title = (old_article or {}).get("title", "")
        new_title = (new_article or {}).get("title", "")
        old_text = plain_text((old_article or {}).get("text", ""))
        new_text = plain_text((new_article or {}).get("text", ""))
        if old_article is None:
            status = ADDED
            title, text = text_diff(new_title, new_title), text_diff("", new_text)
        elif new_article is None:
            status = REMOVED
            title, text = text_diff(old_title, old_title), text_diff(old_text, "")
        else:
            title, text = text_diff(old_title, new_title), text_diff(old_text, new_text)
            status = CHANGED if (title.changed or text.changed) else UNCHANGED
        articles.append(ArticleDiff(number=number, status=status, part=new_part or old_part,
                                    title=title, text=text))
    return VersionDiff(
        old=old, new=new, title=text_diff(old.title, new.title),
        preamble=text_diff(plain_text(old.preamble), plain_text(new.preamble)),
        articles=articles,
    )
