"""relnotes: release notes in every language, with the translation state of every block visible."""

__version__ = "0.1.0"
