"""Associations, sectors and communes: the one record of each association (to come)."""
