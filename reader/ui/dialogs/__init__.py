"""Dialogs: notes, tags and the tag manager."""
