"""The code an authenticator app would show now, for tests that pass the second factor.

The site accepts the code of the current 30-second period only (no tolerance): a code read
in the last seconds of a period would be refused if the form reaches the site in the next
one. `current_code` waits for a fresh period rather than risk it."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

SAFETY_SECONDS = 8


def current_code(secret):
    now = time.time()
    left = app_settings.TOTP_PERIOD - now % app_settings.TOTP_PERIOD
    if left < SAFETY_SECONDS:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
