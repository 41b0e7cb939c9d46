"""Benchmarks and the generator of realistic histories they run on (not installed)."""
