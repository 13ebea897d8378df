"""Liquid as Jekyll runs it before markdown: python-liquid 2 with Jekyll's tags and filters."""

from __future__ import annotations

from .engine import LiquidEngine

__all__ = ["LiquidEngine"]
