"""Security headers that Django does not set by itself.

- Content-Security-Policy: a strict policy on public and extranet pages (no inline script,
  no third-party origin) and a looser one on the Wagtail and Django admins, which need
  inline scripts. Both policies are settings (CONTENT_SECURITY_POLICY*).
- Permissions-Policy: turns off browser features the site never uses.
"""

from django.conf import settings


def serialize_policy(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = serialize_policy(settings.CONTENT_SECURITY_POLICY)
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
