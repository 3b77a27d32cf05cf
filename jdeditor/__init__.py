"""jdeditor: an offline editor for job descriptions with polished Word export."""

__version__ = "0.1.0"
