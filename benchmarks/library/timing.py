"""Timing whole pages with Django's test client, counting their queries, and how steady the
machine is meanwhile."""

import os
import statistics
import time

ROUNDS = 15


def p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]


def figures(values):
    return f"p50 {statistics.median(values):6.1f} ms, p95 {p95(values):6.1f} ms"


def noise():
    """A fixed piece of pure Python work timed 15 times: how steady the machine is now (its
    spread is the spread any figure here may have)."""
    values = []
    for _round in range(15):
        started = time.perf_counter()
        sum(n * n for n in range(300_000))
        values.append((time.perf_counter() - started) * 1000)
    return statistics.median(values), p95(values), os.getloadavg()[0]


def timed_get(client, url, params, rounds):
    """The GET's durations over `rounds` (after one not counted) and its queries."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # DEBUG keeps the last 9,000 queries: a full log counts none
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)

    values = []
    for _round in range(rounds):
        started = time.perf_counter()
        client.get(url, params)
        values.append((time.perf_counter() - started) * 1000)
    return values, len(queries)


def time_pages(client, pages, rounds):
    """Each page timed and printed; (all the durations, the most queries of a page)."""
    all_values, most_queries = [], 0
    for label, (url, params) in pages.items():
        values, queries = timed_get(client, url, params, rounds)
        all_values += values
        most_queries = max(most_queries, queries)
        print(f"  {label}\n    {figures(values)}, {queries:2d} queries")
    return all_values, most_queries


def found(member, params):
    """How many documents the search finds for the member."""
    from extranet.documents import search
    from extranet.documents.forms import SearchForm

    results = search.find(member, SearchForm(params, user=member))
    return results.count()


def title_body_index(connection):
    """Whether PostgreSQL has the index of documents' migration 0002 (shown with the figures,
    to compare runs with and without it)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailsearch_indexentry")
    return "wagtailsearch_indexentry_title_body_gin" in constraints
