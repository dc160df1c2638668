"""Comparing two documents (two years' reports): alignment, word changes, targets, terms.

Everything runs on the Simplified fold of each text, so a Traditional report compares with a
Simplified one, and reports offsets in each document's own text. `compare(a, b)` is the entry
point; the model is in reader.core.compare.model, the Link for two linked panes in
reader.core.compare.link.
"""
