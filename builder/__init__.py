"""digest: build a curated daily news digest into a static website with feeds."""

__version__ = "0.1.0"
