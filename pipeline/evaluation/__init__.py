"""Evaluations of the extraction against gold data (plain Python, no Dagster)."""
