"""Code shown on the guide page (docs/guide.md, docs/guide.en.md), run by tests/test_guide.py."""
