"""The dock widgets around the reader: library, outline, search, targets, tasks, annotations."""
