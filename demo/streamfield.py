"""The demo content's compact blocks turned into StreamField data (pages, events, campaigns)."""

from wagtail.rich_text import RichText

from demo import photos


def stream(blocks):
    """Turn the demo content's compact blocks (demo/content.py) into StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            data.append(("paragraph", RichText(value)))
        elif block_type == "quote":
            quote, attribution = value
            data.append(("quote", {"quote": quote, "attribution": attribution}))
        elif block_type == "key_figures":
            title, figures = value
            data.append(("key_figures", {"title": title, "figures": [
                key_figure(figure) for figure in figures
            ]}))
        elif block_type == "photo":  # a demo photo, with its credit
            data.append(("image", photos.block(value)))
        elif block_type == "accordion":
            items = [{"question": q, "answer": RichText(a)} for q, a in value]
            data.append(("accordion", {"title": "", "items": items}))
        else:
            data.append((block_type, value))
    return data


def key_figure(figure):
    """A key figure's data: typed, from [value, label, source], or counted by the site, from
    {live = key, label = "…"} (the label is optional: by default, the live figure's)."""
    if isinstance(figure, dict):
        return {"value": "", "live": figure["live"], "label": figure.get("label", ""),
                "source": figure.get("source", "")}
    value, label, source = figure
    return {"value": value, "live": "", "label": label, "source": source}


def demands(items):
    """A campaign's demands as StreamField data, from (title, detail) pairs."""
    return [("demand", {"title": title, "detail": detail}) for title, detail in items]
