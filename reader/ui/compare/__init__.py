"""Comparing two documents in the window: linked panes joined by the year-to-year alignment,
the link map between them, change markers, and the Targets and Terms docks."""
