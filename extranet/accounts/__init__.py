"""People of the extranet: their memberships of associations, roles and profile."""
