"""What a passed check proves about a value.

A check with a regular expression is judged by running it: the probes of a kind are strings that
carry an attack of that kind; a check that lets none of them through clears the kind. This gets
anchoring right without reading the pattern (`re.match("[a-z]+", "a;id")` passes a command, a
`$` lets a trailing newline through) and judges any character class the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PROBES: dict[str, tuple[str, ...]] = {
    "sqli": ("' OR '1'='1", "a' OR 1=1--", "1 OR 1=1", "a;DROP TABLE t", "1) UNION SELECT 1--"),
    "cmdi": ("a;id", ";id", "a|id", "a`id`", "a$(id)", "a&&id", "a\nid", "-oProxyCommand=id"),
    "codeinj": ("__import__('os').system('id')", "a.b()", "1+1", "exec('x')", "a\nb()"),
    "ssti": ("{{7*7}}", "a{{7*7}}", "${7*7}", "<%= 7 %>", "{%print(1)%}"),
    "xss": ("<script>alert(1)</script>", "a<img src=x onerror=alert(1)>", "\"><b>",
            "a'onmouseover='x", "javascript:alert(1)"),
    "pathtraver": ("../etc/passwd", "a/../../etc/passwd", "..", "/etc/passwd", "..\\a",
                   "a/../../b"),
    "ssrf": ("http://169.254.169.254/", "https://evil.example/", "evil.example",
             "127.0.0.1", "a@evil.example", "file:///etc/passwd", "gopher://x"),
    "redirect": ("//evil.example", "https://evil.example", "http://evil.example/a",
                 "/\\evil.example", "javascript:alert(1)"),
    "headeri": ("a\r\nSet-Cookie: x=1", "a\nX: y", "a\rb"),
    "logi": ("a\nFAKE ENTRY", "a\r\nx", "a\rb"),
    "ldapi": ("*)(uid=*", "a)(|(b=*", "*", "a*", "a\\2a"),
    "xpathi": ("' or '1'='1", "a' or 'a'='a", "\"]|//*|a[\"", "a]|//*"),
    "xxe": ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",),
    "deserialization": ("cos\nsystem\n(S'id'\ntR.", "!!python/object/apply:os.system ['id']",
                        "\x80\x04\x95"),
    "regexi": ("(a+)+$", "a(b", ".*", "(x|x)*y", "a{1,99999}"),
    "trustbound": ("admin", "a\nb", "<x>"),
}

Checker = Callable[[str], object]


def kinds_cleared(check: Checker) -> frozenset[str]:
    """The kinds no probe of which passes `check`."""
    cleared = set()
    for kind, probes in PROBES.items():
        try:
            if not any(check(p) for p in probes):
                cleared.add(kind)
        except (re.error, TypeError, ValueError, RecursionError):
            return frozenset()
    return frozenset(cleared)


def regex_check(function: str, pattern: str, flags: int = 0) -> frozenset[str]:
    """Kinds cleared when `re.<function>(pattern, value, flags)` succeeds."""
    if function not in ("match", "fullmatch", "search"):
        return frozenset()
    try:
        compiled = re.compile(pattern, flags)
    except (re.error, TypeError, ValueError, OverflowError):
        return frozenset()
    return kinds_cleared(getattr(compiled, function))



# Characters that carry an attack of each kind: a substitution that leaves none of them in any
# probe makes its output safe for that kind.
DANGEROUS: dict[str, tuple[str, ...]] = {
    "sqli": ("'", '"', ";", "--"),
    "cmdi": (";", "|", "&", "`", "$", "(", ")", "<", ">", "\n"),
    "codeinj": ("(", ")", "'", '"', ";", "\n", "."),
    "ssti": ("{", "}", "$", "%", "<"),
    "xss": ("<", ">", '"', "'"),
    "pathtraver": ("..", "/", "\\"),
    "headeri": ("\r", "\n"),
    "logi": ("\r", "\n"),
    "ldapi": ("*", "(", ")", "\\", "\x00"),
    "xpathi": ("'", '"', "[", "]", "/", "|"),
    "regexi": ("(", ")", "*", "+", "?", "{", "[", "|", ".", "\\"),
}


def substitution_clears(pattern: str, replacement: object, flags: int = 0) -> frozenset[str]:
    """Kinds that `re.sub(pattern, replacement, value)` makes safe."""
    if not isinstance(replacement, str):
        return frozenset()
    try:
        compiled = re.compile(pattern, flags)
        cleared = set()
        for kind, chars in DANGEROUS.items():
            outputs = [compiled.sub(replacement, p) for p in PROBES[kind]]
            if not any(c in out for out in outputs for c in chars):
                cleared.add(kind)
        return frozenset(cleared)
    except (re.error, TypeError, ValueError, IndexError, RecursionError):
        return frozenset()
