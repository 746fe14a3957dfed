"""Security headers that Django does not set by itself.

- Content-Security-Policy: a strict policy on public and extranet pages (no inline script,
  no third-party origin) and a looser one on the Wagtail and Django admins, which need
  inline scripts. Both policies are settings (CONTENT_SECURITY_POLICY*).
  When the directory's map has a tile server (DIRECTORY_MAP_TILES), the public policy lets
  images come from its origin too.
- Permissions-Policy: turns off browser features the site never uses.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def serialize_policy(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def tile_source(url):
    """The CSP source of a tile URL template: its origin, with a `{s}` subdomain as `*`.
    None when the tiles come from the site itself (a path) or there are none."""
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"  # https://{s}.tiles.example.org/… → https://*.tiles.example.org
    host = ".".join(labels)
    if parts.scheme not in ("https", "http") or "{" in host or "}" in host:
        raise ImproperlyConfigured(
            f"MAP_TILES_URL must be an http(s) address whose host has a placeholder only as "
            f"its first label, like https://{{s}}.tiles.example.org/{{z}}/{{x}}/{{y}}.png: {url}"
        )
    return f"{parts.scheme}://{host}"


def public_policy():
    """CONTENT_SECURITY_POLICY, with the map's tile server among the image sources."""
    policy = {directive: list(sources)
              for directive, sources in settings.CONTENT_SECURITY_POLICY.items()}
    tiles = getattr(settings, "DIRECTORY_MAP_TILES", {}) or {}
    source = tile_source(tiles.get("url", ""))
    if source and source not in policy.setdefault("img-src", []):
        policy["img-src"].append(source)
    return policy


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = serialize_policy(public_policy())
        self.admin_policy = serialize_policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.admin_prefixes = tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefixes):
            # Always, even over a policy already set: a preview renders a public page through
            # this middleware inside the admin's response, which the admin shows in a frame.
            response["Content-Security-Policy"] = self.admin_policy
        elif "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.public_policy
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
