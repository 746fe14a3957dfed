"""The load: visitors working at once, what they were answered, and the people they sign for."""

import threading
import time

from demo.volumes.campaigns import COMMENTS, FIRST_NAMES, LAST_NAMES, TYPED_ASSOCIATIONS

POSTCODES = ["77000", "77100", "77124", "77200", "77300", "77400", "77500", "77600", "75011",
             "93100"]


class Results:
    """What the visitors of one phase were answered: latencies, statuses, the keys accepted,
    the errors."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = {}
        self.accepted = []
        self.errors = []

    def add(self, started, status, key=None, accepted=False):
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if accepted:
                self.accepted.append(key)

    def failed(self, key, error):
        with self.lock:
            self.errors.append((key, repr(error)))
            self.statuses["exception"] = self.statuses.get("exception", 0) + 1


def run_concurrently(visitors, jobs, work):
    """`work(visitor, job)` for every job, by every visitor at once; returns the seconds from
    the first start to the last end."""
    jobs = iter(jobs)
    lock = threading.Lock()

    def loop(visitor):
        while True:
            with lock:
                job = next(jobs, None)
            if job is None:
                return
            work(visitor, job)

    threads = [threading.Thread(target=loop, args=(visitor,)) for visitor in visitors]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)] if values else 0.0


def person(rng, number, run):
    """The form a new person fills in: a unique address, a few with an association or a
    comment, about half shown publicly."""
    draw = rng.random()
    fields = {
        "first_name": rng.choice(FIRST_NAMES), "last_name": rng.choice(LAST_NAMES),
        "email": f"bench-{run}-{number}@example.org", "postcode": rng.choice(POSTCODES),
        "association_name": rng.choice(TYPED_ASSOCIATIONS) if draw < 0.3 else "",
        "comment": rng.choice(COMMENTS) if draw < 0.1 else "",
        "consent": "on", "website": "",
    }
    if rng.random() < 0.55:
        fields["show_publicly"] = "on"
    return fields
