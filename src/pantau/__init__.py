"""Pantau: monitor how the news covers ASEAN and Malaysia's foreign affairs."""
