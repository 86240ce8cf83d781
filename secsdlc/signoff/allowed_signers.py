"""OpenSSH `allowed_signers` files (ssh-keygen(1) ALLOWED SIGNERS): the registry's format.

Each line: `principals [options] keytype base64-key [comment]`. Principals are comma-separated
patterns (`*`, `?`, `!negation`), the only option honoured is `namespaces="a,b"`; any other option
(cert-authority, valid-after...) is refused with the line number instead of being ignored, so that
a line never grants more than it appears to.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from secsdlc.errors import SecsdlcError
from secsdlc.signoff.sshsig import SignatureError, SshPublicKey


class AllowedSignersError(SecsdlcError):
    """The file cannot be parsed; the message names the file and line."""


@dataclass(frozen=True, kw_only=True)
class Signer:
    principals: tuple[str, ...]  # patterns, as written
    key: SshPublicKey
    namespaces: tuple[str, ...] | None = None  # None: every namespace
    line: int = 0

    def matches_principal(self, principal: str) -> bool:
        return _match_pattern_list(principal, self.principals)

    def allows_namespace(self, namespace: str) -> bool:
        return self.namespaces is None or any(
            _glob(namespace, n) for n in self.namespaces
        )


@dataclass(frozen=True)
class AllowedSigners:
    signers: tuple[Signer, ...]
    source: str = ""

    def principals_for(self, key: SshPublicKey, namespace: str) -> tuple[str, ...]:
        """Literal principals that may sign in `namespace` with `key` (as -Y find-principals)."""
        found: list[str] = []
        for s in self.signers:
            if s.key.blob == key.blob and s.allows_namespace(namespace):
                found += [p for p in s.principals if not p.startswith("!")]
        return tuple(dict.fromkeys(found))

    def is_allowed(self, principal: str, key: SshPublicKey, namespace: str) -> bool:
        return any(
            s.key.blob == key.blob and s.allows_namespace(namespace)
            and s.matches_principal(principal)
            for s in self.signers
        )

    def keys(self) -> frozenset[bytes]:
        return frozenset(s.key.blob for s in self.signers)


def parse(text: str, source: str = "allowed_signers") -> AllowedSigners:
    signers: list[Signer] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            signers.append(_parse_line(line, number))
        except (AllowedSignersError, SignatureError) as e:
            raise AllowedSignersError(f"{source}:{number}: {e}") from e
    return AllowedSigners(tuple(signers), source)


def format_line(principal: str, key: SshPublicKey, namespaces: tuple[str, ...] | None = None,
                comment: str = "") -> str:
    if not principal or any(c in principal for c in ' \t",#'):
        raise AllowedSignersError(f"invalid principal {principal!r}")
    opts = f' namespaces="{",".join(namespaces)}"' if namespaces else ""
    tail = f" {comment}" if comment else ""
    return f"{principal}{opts} {key.openssh()}{tail}\n"


def _parse_line(line: str, number: int) -> Signer:
    tokens = _tokens(line)
    if len(tokens) < 3:
        raise AllowedSignersError("expected: principals [options] keytype key")
    principals = tuple(p for p in tokens[0].split(",") if p)
    if not principals:
        raise AllowedSignersError("no principal")
    rest = tokens[1:]
    namespaces: tuple[str, ...] | None = None
    if not _is_key_type(rest[0]):
        for option in _split_options(rest[0]):
            name, _, value = option.partition("=")
            if name.lower() == "namespaces" and value:
                namespaces = tuple(n for n in value.strip('"').split(",") if n)
            else:
                raise AllowedSignersError(f"unsupported option {name!r}")
        rest = rest[1:]
    if len(rest) < 2 or not _is_key_type(rest[0]):
        raise AllowedSignersError("missing key type and key")
    return Signer(principals=principals, key=SshPublicKey.parse(rest[0], rest[1]),
                  namespaces=namespaces, line=number)


def _is_key_type(token: str) -> bool:
    return token.startswith(("ssh-", "ecdsa-", "sk-", "rsa-"))


def _tokens(line: str) -> list[str]:
    """Split on whitespace outside double quotes; a quoted principal loses its quotes."""
    tokens: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch.isspace() and not quoted:
            if current:
                tokens.append("".join(current))
                current = []
        else:
            current.append(ch)
    if quoted:
        raise AllowedSignersError("unterminated quote")
    if current:
        tokens.append("".join(current))
    if tokens and tokens[0].startswith('"') and tokens[0].endswith('"'):
        tokens[0] = tokens[0][1:-1]
    return tokens


def _split_options(text: str) -> list[str]:
    options: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            options.append("".join(current))
            current = []
        else:
            current.append(ch)
    options.append("".join(current))
    return [o for o in options if o]


def _match_pattern_list(name: str, patterns: tuple[str, ...]) -> bool:
    # As OpenSSH match_pattern_list: a matching negated pattern wins over any positive one.
    matched = False
    for pattern in patterns:
        if pattern.startswith("!"):
            if _glob(name, pattern[1:]):
                return False
        elif _glob(name, pattern):
            matched = True
    return matched


def same_principal(a: str, b: str) -> bool:
    """Principals are e-mail addresses: Bob@Example.COM is bob@example.com."""
    return a.casefold() == b.casefold()


def _glob(name: str, pattern: str) -> bool:
    # OpenSSH patterns know only `*` and `?`; fnmatch's `[...]` classes must stay literal.
    # Case-insensitive, as principals are e-mail addresses (see same_principal).
    return fnmatch.fnmatchcase(name.casefold(), pattern.casefold().replace("[", "[[]"))
