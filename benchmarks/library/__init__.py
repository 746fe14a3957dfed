"""The parts of benchmarks/documents.py: the library made at volume (volumes.py), the pages
timed (timing.py), documents added as members add them (adding.py)."""
