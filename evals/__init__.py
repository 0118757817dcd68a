"""Evals: cases as data, metrics as pure functions, a runner that gates on thresholds."""
