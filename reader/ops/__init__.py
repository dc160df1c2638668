"""GUI-free use cases: what a user does to the library, called alike by the CLI and the window.

Each operation does its work through the store and returns a Changes record saying what it
touched, so the window refreshes exactly that through one funnel (reader.ui.changes) and the
CLI can report it. Nothing here imports Qt.
"""
