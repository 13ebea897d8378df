"""kramdown's block parsers, one per module, each a markdown-it block rule."""
