"""Advocacy campaigns, petitions and signatures (to come)."""
