"""Thematic events, venues and registrations (to come)."""
