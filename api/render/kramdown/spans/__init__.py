"""kramdown's span parsers, one per module, each a rule of the kramdown inline parser."""
