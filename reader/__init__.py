"""Report Reader: read, compare and annotate Government Work Reports."""

__version__ = "0.1.0"
