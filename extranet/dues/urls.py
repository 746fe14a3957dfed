"""The pages of the extranet's part `dues` (included by extranet/urls.py; each is in the
access matrix of tests/extranet/test_access_matrix.py)."""

urlpatterns = []
