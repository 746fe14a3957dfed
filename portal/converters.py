"""The project's path converter for the integers of its addresses: `<id:page_id>`.

Django's `int` converter takes any number of digits, and a number beyond 64 bits reaches the
database: SQLite refuses it (OverflowError, a 500) and a lookup through a parent link is not
guarded by Django. `id` takes only what a database id can be, 0 to 2**63 - 1, so any other
number in an address answers 404 before a view runs. Registered when the portal's app config
is imported (portal.apps), before any model: the routes of routable pages are read when their
class is defined. Every integer route of the project uses it (tests/portal/test_int_routes.py).
"""

from django.urls import register_converter
from django.urls.converters import IntConverter

# The largest value of a signed 64-bit integer: PostgreSQL's bigint, SQLite's INTEGER.
MAX_ID = 2**63 - 1


class IdConverter(IntConverter):
    # At most 19 digits: longer numbers do not even match.
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is beyond a database id")
        return number


register_converter(IdConverter, "id")
