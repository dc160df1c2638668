"""Developer tools that are not part of the application (run with `python -m tools.<name>`)."""
