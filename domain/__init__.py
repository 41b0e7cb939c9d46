"""Aggregates, their rules, and the application service that appends events."""
