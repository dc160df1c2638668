"""Timings of the hot paths: `python -m benchmarks` prints JSON."""
