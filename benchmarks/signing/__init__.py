"""The parts of the benchmark of signing a petition, run by benchmarks/signatures.py (whose
docstring says what it measures and how to run it): the site served as deployed (server.py),
the visitors of the load and how they run at once (visitor.py, load.py), the CPU and memory
read from /proc (machine.py), the phases measured and checked in the database
(measurement.py, checks.py) and the lines of the report (report.py)."""
