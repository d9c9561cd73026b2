"""backtui: a daily practice companion for lower back pain."""

__version__ = "0.1.0"
