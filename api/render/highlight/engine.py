"""A state-machine lexer that steps as Rouge's ``RegexLexer`` steps.

A lexer class declares named states, each an ordered list of rules (a pattern and what to do
when it matches at the current position) and mixins (another state's rules, tried in place).
Lexing tries the rules of the state on top of the stack in order; the first that matches
emits tokens and may push, pop or replace states. When none matches, one character is an
``err`` token. Like Rouge, a rule matching nothing more than five times in a row fails, and
inside a mixin a failure goes on with the rules after the mixin.

Tokens are Rouge's short CSS class names (``"nf"``, ``"s2"``), the empty string for plain text.
States are compiled once per lexer class, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeAlias

from .patterns import Match, Matcher, combine, translate_rule

Token: TypeAlias = str
Emit: TypeAlias = Callable[[Token, str], None]
Callback: TypeAlias = Callable[[Any, Match], None]

POP = "#pop"
PUSH = "#push"
_MAX_NULL_STEPS = 5


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as declared: a pattern with its flags, and tokens or a callback."""

    pattern: str
    token: Token | tuple[Token, ...] | None = None
    next: str | None = None
    callback: Callback | None = None
    flags: str = ""


@dataclass(frozen=True, slots=True)
class Mixin:
    state: str


Definition: TypeAlias = Sequence[Rule | Mixin]


def rule(
    pattern: str,
    token: Token | tuple[Token, ...] | Callback,
    next: str | None = None,
    flags: str = "",
) -> Rule:
    """A rule: a token (or one token per group) and an optional next state, or a callback."""
    if callable(token):
        return Rule(pattern, callback=token, flags=flags)
    return Rule(pattern, token, next, flags=flags)


def mixin(state: str) -> Mixin:
    return Mixin(state)


class Compiled:
    """A rule ready to run: ``skip`` is where the enclosing state goes on when it fails."""

    __slots__ = ("callback", "groups", "match", "next", "pattern", "skip", "token")

    def __init__(self, declared: Rule, skip: int) -> None:
        self.pattern = translate_rule(declared.pattern, declared.flags)
        # Compiled on first use: most rules only ever run inside their state's alternation.
        self.match: Matcher = self._first_match
        self.callback = declared.callback
        self.groups = declared.token if isinstance(declared.token, tuple) else None
        self.token = declared.token if isinstance(declared.token, str) else None
        self.next = declared.next
        self.skip = skip

    def _first_match(self, text: str, pos: int) -> Match | None:
        self.match = self.pattern.compile()
        return self.match(text, pos)


Segment: TypeAlias = tuple[Matcher, tuple[int, ...] | None, int]


class State:
    """A state's rules, mixins expanded, and the same rules as few matchers as possible:
    runs of rules become one alternation, which finds the first rule that matches in one
    call (the index of the outer group that matched names the rule)."""

    __slots__ = ("name", "rules", "segments")

    def __init__(self, name: str, rules: list[Compiled]) -> None:
        self.name = name
        self.rules = rules
        self.segments: list[Segment] = []
        run: list[int] = []
        for index, compiled in enumerate(rules):
            if run and not self._joins(rules[run[0]], compiled):
                self._close(run)
                run = []
            run.append(index)
        if run:
            self._close(run)

    @staticmethod
    def _joins(first: Compiled, other: Compiled) -> bool:
        return (
            first.pattern.combinable
            and other.pattern.combinable
            and first.pattern.needs_regex == other.pattern.needs_regex
        )

    def _close(self, run: list[int]) -> None:
        if len(run) == 1:
            compiled = self.rules[run[0]]
            self.segments.append((compiled.pattern.compile(), None, run[0]))
            return
        matcher, groups = combine([self.rules[index].pattern for index in run])
        # The rule each outer group stands for, by group number.
        by_group = [-1] * (max(groups.values()) + 1)
        for name, number in groups.items():
            by_group[number] = run[int(name[1:])]
        self.segments.append((matcher, tuple(by_group), run[0]))


def _flatten(
    name: str, definitions: dict[str, Definition], end: list[int], out: list[tuple[Rule, int]]
) -> None:
    """Append the state's rules, mixins expanded; each remembers where its mixin ends."""
    slot = len(end)
    end.append(0)
    for item in definitions[name]:
        if isinstance(item, Mixin):
            _flatten(item.state, definitions, end, out)
        else:
            out.append((item, slot))
    end[slot] = len(out)


def build_state(name: str, definitions: dict[str, Definition]) -> State:
    flat: list[tuple[Rule, int]] = []
    end: list[int] = []
    _flatten(name, definitions, end, flat)
    rules = []
    for declared, slot in flat:
        # A failure at the top level fails the step; inside a mixin it resumes after the mixin.
        skip = end[slot] if slot else -1
        rules.append(Compiled(declared, skip))
    return State(name, rules)


class _Whole:
    """The default of ``token``'s value: the whole match."""


WHOLE = _Whole()


class Lexer:
    """The protocol every lexer follows: ``lex`` starts afresh, ``continue_lex`` goes on."""

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        self.options = dict(options or {})

    def reset(self) -> None:
        return None

    def lex(self, text: str, emit: Emit) -> None:
        self.reset()
        self.continue_lex(text, emit)

    def continue_lex(self, text: str, emit: Emit) -> None:
        raise NotImplementedError


class RegexLexer(Lexer):
    """Rouge's regex lexer: subclasses define ``states()`` and may override ``start()``."""

    _compiled: ClassVar[dict[str, State]]
    _definitions: ClassVar[dict[str, Definition]]

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self.stack: list[State] = []
        self.text = ""
        self.match: Match | None = None
        self.emit: Emit = _discard
        self.null_steps = 0

    # -- declaring states ------------------------------------------------------------------

    @classmethod
    def states(cls) -> dict[str, Definition]:
        raise NotImplementedError

    @classmethod
    def state_named(cls, name: str) -> State:
        compiled = cls.__dict__.get("_compiled")
        if compiled is None:
            compiled = {}
            cls._compiled = compiled
            cls._definitions = cls.states()
        found = compiled.get(name)
        if found is None:
            found = compiled[name] = build_state(name, cls._definitions)
        return found

    # -- the protocol ----------------------------------------------------------------------

    def reset(self) -> None:
        self.stack = [self.state_named("root")]
        self.null_steps = 0
        self.start()

    def start(self) -> None:
        """Run at every fresh lex (Rouge's ``start`` blocks)."""

    def lex(self, text: str, emit: Emit) -> None:
        self.reset()
        self.continue_lex(text, emit)

    def continue_lex(self, text: str, emit: Emit) -> None:
        if not self.stack:
            # A lexer that was never reset starts at its root, without its start hooks.
            self.stack = [self.state_named("root")]
        saved = self.text, self.emit, self.match
        self.text, self.emit = text, emit
        try:
            self._run(text)
        finally:
            self.text, self.emit, self.match = saved

    def _run(self, text: str) -> None:
        pos, size = 0, len(text)
        while pos < size:
            moved = self._step(self.stack[-1], text, pos)
            if moved < 0:
                self.emit("err", text[pos])
                pos += 1
            else:
                pos = moved

    def _step(self, state: State, text: str, pos: int) -> int:
        """Where the first rule of ``state`` that matches at ``pos`` leaves the scan, or -1."""
        rules = state.rules
        for matcher, by_group, first in state.segments:
            found = matcher(text, pos)
            if found is None:
                continue
            index = first
            if by_group is not None:
                index = by_group[found.lastindex or 0]
                found = rules[index].match(text, pos)
                assert found is not None
            moved = self._apply(rules[index], found, pos)
            if moved >= 0:
                return moved
            return self._step_from(rules, rules[index].skip, text, pos)
        return -1

    def _step_from(self, rules: list[Compiled], index: int, text: str, pos: int) -> int:
        """Rule by rule from ``index``: how a state goes on after a rule that failed."""
        while 0 <= index < len(rules):
            compiled = rules[index]
            found = compiled.match(text, pos)
            if found is None:
                index += 1
                continue
            moved = self._apply(compiled, found, pos)
            if moved >= 0:
                return moved
            index = compiled.skip
        return -1

    def _apply(self, compiled: Compiled, found: Match, pos: int) -> int:
        """Run a rule that matched: its end, or -1 when it matched nothing once too often."""
        self.match = found
        callback = compiled.callback
        if callback is not None:
            callback(self, found)
        else:
            emit = self.emit
            groups = compiled.groups
            if groups is None:
                value = found.group()
                if value:
                    emit(compiled.token or "", value)
            else:
                for number, kind in enumerate(groups, 1):
                    value = found.group(number)
                    if value:
                        emit(kind, value)
            target = compiled.next
            if target is not None:
                if target == POP:
                    self.stack.pop()
                elif target == PUSH:
                    self.stack.append(self.stack[-1])
                else:
                    self.stack.append(self.state_named(target))
        end = found.end()
        if end == pos:
            self.null_steps += 1
            if self.null_steps > _MAX_NULL_STEPS:
                return -1
        else:
            self.null_steps = 0
        return end

    # -- what callbacks do -----------------------------------------------------------------

    def token(self, kind: Token, value: str | _Whole | None = WHOLE) -> None:
        """Emit ``value`` (by default the whole match; ``None``, an unmatched group, is
        nothing) as a token of ``kind``."""
        if isinstance(value, _Whole):
            assert self.match is not None
            text: str | None = self.match.group()
        else:
            text = value
        if text:
            self.emit(kind, text)

    def groups(self, *kinds: Token) -> None:
        assert self.match is not None
        for number, kind in enumerate(kinds, 1):
            value = self.match.group(number)
            if value:
                self.emit(kind, value)

    def push(self, name: str | State | None = None) -> None:
        if name is None:
            self.stack.append(self.stack[-1])
        elif isinstance(name, State):
            self.stack.append(name)
        else:
            self.stack.append(self.state_named(name))

    def pop(self, times: int = 1) -> None:
        del self.stack[len(self.stack) - times :]

    def goto(self, name: str | State) -> None:
        self.stack[-1] = name if isinstance(name, State) else self.state_named(name)

    def reset_stack(self) -> None:
        self.stack[:] = [self.state_named("root")]

    def state_is(self, name: str) -> bool:
        return self.stack[-1].name == name

    def in_state(self, name: str) -> bool:
        return any(state.name == name for state in self.stack)

    def delegate(self, lexer: Lexer, text: str | None = None) -> None:
        """Lex ``text`` (by default the match) with another lexer, which keeps its state."""
        if text is None:
            assert self.match is not None
            text = self.match.group()
        lexer.continue_lex(text, self.emit)

    def recurse(self, text: str | None = None) -> None:
        """Lex ``text`` with a fresh lexer of this class (Rouge's ``recurse``)."""
        if text is None:
            assert self.match is not None
            text = self.match.group()
        type(self)(self.options).lex(text, self.emit)


def _discard(kind: Token, value: str) -> None:
    return None


def dynamic_state(name: str, definitions: dict[str, Definition], key: str | None = None) -> State:
    """A state built at lex time (Rouge's ``push do ... end``), compiled once per ``key``."""
    cache_key = key or name
    found = _DYNAMIC.get(cache_key)
    if found is None:
        found = _DYNAMIC[cache_key] = build_state(name, definitions)
    return found


_DYNAMIC: dict[str, State] = {}


def wordset(text: str) -> frozenset[str]:
    """The words of a string separated by white space."""
    return frozenset(text.split())


def words(items: str | Iterable[str]) -> str:
    """An alternation of the words (a list, or a string of words separated by white space)
    in the order given, for the order is part of the pattern."""
    if isinstance(items, str):
        items = items.split()
    return "|".join(re.escape(item) for item in items)


def _apply(lexer: RegexLexer, moves: tuple[str, ...]) -> None:
    for move in moves:
        if move == POP:
            lexer.pop()
        elif move.startswith("goto:"):
            lexer.goto(move[5:])
        else:
            lexer.push(move)


def then(token: Token, *moves: str) -> Callback:
    """A callback: the match as ``token``, then each move (a state to push, ``POP``, or
    ``goto:name`` to replace the top state)."""

    def act(lexer: RegexLexer, m: Match) -> None:
        lexer.token(token)
        _apply(lexer, moves)

    return act


def groups_then(tokens: tuple[Token, ...], *moves: str) -> Callback:
    """A callback: one token per group, then each move."""

    def act(lexer: RegexLexer, m: Match) -> None:
        lexer.groups(*tokens)
        _apply(lexer, moves)

    return act


def moves(*moves: str) -> Callback:
    """A callback that only moves (for patterns that match nothing)."""

    def act(lexer: RegexLexer, m: Match) -> None:
        _apply(lexer, moves)

    return act
