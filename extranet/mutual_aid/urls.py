"""The pages of the extranet's part `mutual_aid` (included by extranet/urls.py; each is in the
access matrix of tests/extranet/test_access_matrix.py)."""

urlpatterns = []
