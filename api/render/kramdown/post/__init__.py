"""Core rules that finish the tree after parsing, in the order kramdown does it."""
