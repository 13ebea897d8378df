"""Lexers that reproduce Rouge's, one module per language family."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..engine import Lexer
from .clike import C, Cpp, Go, Java
from .config import Apache, Docker, Ini, Nginx, Toml
from .console import Console, Irb
from .csharp import CSharp
from .css import Css, Scss
from .diff import Diff
from .erb import Erb
from .javascript import Javascript, Jsx, Tsx, Typescript
from .json import Json
from .liquid import Liquid
from .markdown import Markdown
from .markup import Html, Xml
from .plaintext import PlainText
from .python import Python
from .ruby import Ruby
from .shell import Shell
from .sql import Sql
from .yaml import Yaml

LEXERS: dict[str, Callable[[dict[str, Any]], Lexer]] = {
    "plaintext": PlainText,
    "ruby": Ruby,
    "shell": Shell,
    "console": Console,
    "irb": Irb,
    "python": Python,
    "javascript": Javascript,
    "typescript": Typescript,
    "jsx": Jsx,
    "tsx": Tsx,
    "json": Json,
    "yaml": Yaml,
    "css": Css,
    "scss": Scss,
    "html": Html,
    "xml": Xml,
    "erb": Erb,
    "sql": Sql,
    "diff": Diff,
    "c": C,
    "cpp": Cpp,
    "go": Go,
    "java": Java,
    "csharp": CSharp,
    "liquid": Liquid,
    "docker": Docker,
    "toml": Toml,
    "ini": Ini,
    "nginx": Nginx,
    "apache": Apache,
    "markdown": Markdown,
}
