"""Reading a Jekyll-style site: config, collections, defaults, permalinks and the snapshot."""
