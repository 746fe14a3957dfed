"""Running work in several threads at the same instant, for the tests of what happens when
requests race (on PostgreSQL: SQLite takes one writer at a time). Each thread has its own
database connection (Django's are per thread), closed at its end."""

import threading

from django.db import connection


def at_once(work, arguments):
    """`work(argument)` in one thread per argument, all released together; returns the
    results, in order, and raises the first error a thread met."""
    barrier = threading.Barrier(len(arguments), timeout=30)
    results = [None] * len(arguments)
    errors = []

    def run(index, argument):
        try:
            barrier.wait()
            results[index] = work(argument)
        except Exception as error:  # re-raised below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, argument))
               for index, argument in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]
    return results
