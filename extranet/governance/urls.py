"""The governance's pages under /extranet/ (added to the extranet's URLs by extranet/urls.py,
in its namespace: every one of them needs its line in tests/extranet/test_access_matrix.py).
Grouped by what they are about."""

urlpatterns = [
]
