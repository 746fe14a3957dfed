"""Addresses outside a page's own URL that act for the page (a form's POST, its thanks
page, a link from an email) answer as the page itself would to this visitor.

Wagtail checks a page's view restrictions (PageViewRestriction: a password, signing in, some
groups) in the chain of `on_serve_page` hooks around `page.serve()`: a password form, or a
redirect to the sign-in page. `serve_as_page()` runs the same chain around another view, so
that such an address is no back door into a private page, and answers exactly as the page.
"""

from wagtail import hooks


def serve_as_page(page, request, view, *args, **kwargs):
    """`view(request, *args, **kwargs)`, behind the hooks Wagtail runs to serve `page`."""

    def serve(page, request, serve_args, serve_kwargs):
        return view(request, *serve_args, **serve_kwargs)

    chain = serve
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    return chain(page, request, args, kwargs)
