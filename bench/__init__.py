"""Benchmarks: each part measures against a baseline run in the same session."""
