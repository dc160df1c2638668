"""Reading: the panes, the link between two panes, scroll sync, selection mirroring, find, layers."""
