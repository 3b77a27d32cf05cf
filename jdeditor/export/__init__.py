"""Renderers: each turns an ``Outline`` into one output format."""
