"""The version of de_an06 (single source, read by the build backend)."""

__version__ = "0.2.0.dev0"
