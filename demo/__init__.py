"""Demo content and benchmark volumes, apart from the production apps.

`manage.py seed_demo` loads the demo site from data/ (its text, read by content.py),
charter.py, guide.py and joining.py; `manage.py seed_benchmark` makes large volumes with the
generators of volumes/ (one module per app). Nothing outside demo/, tests/ and benchmarks/
imports this package.
"""
