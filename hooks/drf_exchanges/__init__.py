"""A small DRF project whose real responses the site shows (see run.py and docs/exchanges.yml)."""
