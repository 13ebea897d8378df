"""C# with Rouge's rules: keywords, interpolated and verbatim strings, namespaces and
classes."""

from __future__ import annotations

from ..engine import POP, Definition, RegexLexer, mixin, rule, words

ID = r"(?i:@?[_a-z]\w*)"
_KEYWORDS = words(
    """
    abstract as base break case catch checked const continue default delegate do else enum
    event explicit extern false finally fixed for foreach goto if implicit in interface
    internal is lock new null operator out override params private protected public readonly
    ref return sealed sizeof stackalloc static switch this throw true try typeof unchecked
    unsafe virtual void volatile while add alias async await get global partial remove set
    value where yield nameof ascending by descending equals from group in into join let on
    orderby select
    """
)
_TYPES = words(
    "bool byte char decimal double dynamic float int long object sbyte short string uint ulong "
    "ushort var"
)
_PREPROCESSOR = words("if endif else elif define undef line error warning region endregion pragma")


class CSharp(RegexLexer):
    @classmethod
    def states(cls) -> dict[str, Definition]:
        return {
            "whitespace": [
                rule(r"\s+", "", flags="m"),
                rule(r"//.*?$", "c1"),
                rule(r"/[*].*?[*]/", "cm", flags="m"),
            ],
            "nest": [rule(r"{", "p", "nest"), rule(r"}", "p", POP), mixin("root")],
            "splice_string": [
                rule(r"\\.", "s"),
                rule(r"{", "p", "nest"),
                rule(r'"|\n', "s", POP),
                rule(r".", "s"),
            ],
            "splice_literal": [
                rule(r'""', "s"),
                rule(r"{", "p", "nest"),
                rule(r'"', "s", POP),
                rule(r".", "s"),
            ],
            "root": [
                mixin("whitespace"),
                rule(r'[$]\s*"', "s", "splice_string"),
                rule(r'[$]@\s*"', "s", "splice_literal"),
                rule(rf"(<\[)\s*({ID}:)?", "k"),
                rule(r"\]>", "k"),
                rule(r"[~!%^&*()+=|\[\]{}:;,.<>\/?-]", "p"),
                rule(r'@"(""|[^"])*"', "s", flags="m"),
                rule(r'"(\\.|.)*?["\n]', "s"),
                rule(r"'(\\.|.)'", "sc"),
                rule(r"0x[0-9a-f]+[lu]?", "m", flags="i"),
                rule(r"[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", "m", flags="i"),
                rule(r"\b(?:class|struct|interface)\b", "k", "class"),
                rule(r"\b(?:namespace|using)\b", "k", "namespace"),
                rule(rf"^#[ \t]*({_PREPROCESSOR})\b.*?\n", "cp"),
                rule(rf"\b({_KEYWORDS})\b", "k"),
                rule(rf"\b({_TYPES})\b", "kt"),
                rule(rf"{ID}(?=\s*[(])", "nf"),
                rule(ID, "n"),
            ],
            "class": [mixin("whitespace"), rule(ID, "nc", POP)],
            "namespace": [
                mixin("whitespace"),
                rule(r"(?=[(])", "", POP),
                rule(rf"({ID}|[.])+", "nn", POP),
            ],
        }
