"""Liquid as Jekyll runs it before markdown: python-liquid 2 with Jekyll's tags and filters
(``engine.LiquidEngine``). Nothing is imported here, so the values Liquid sees (``dates``)
can be made without loading the engine."""
