"""Hardcoded credentials: provider tokens, private keys, credentials in URLs and assignments.

The found value is never put in a finding. It only travels in ScannerOutput.redact, in memory, so
the engine can scrub it from what other tools say about the same line (bandit quotes passwords in
its messages). Detection is a set of anchored, high-signal patterns checked with a cheap substring
pre-filter, so that scanning a large tree costs seconds, not minutes.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from secsdlc import __version__, precision
from secsdlc.model import (
    Confidence,
    Finding,
    Location,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
    Severity,
)
from secsdlc.owasp import categories
from secsdlc.redaction import redact_text
from secsdlc.scanners.interface import OptionType, ScannerOutput, ScanRequest

NAME = ScannerName("secrets")
_MIN_GLOBAL_REDACTION = 8
_CWE = (798,)
_OWASP_2025, _OWASP_2021 = categories(_CWE)


@dataclass(frozen=True, kw_only=True)
class SecretPattern:
    id: str
    title: str
    regex: re.Pattern[str]
    # substrings one of which must occur in a file before the regex is tried at all
    needles: tuple[str, ...]
    severity: Severity = Severity.HIGH
    # group holding the secret (0: the whole match)
    group: int = 0
    min_entropy: float = 0.0
    # lower-case words one of which must be on a line for the regex to be tried on that line:
    # a case-insensitive pattern run over whole files costs seconds on a large tree, a search for
    # plain words in the lowered text costs milliseconds
    line_keywords: tuple[str, ...] = ()


def _p(id: str, title: str, regex: str, needles: tuple[str, ...], **kw: object) -> SecretPattern:
    return SecretPattern(id=f"secsdlc.secrets.{id}", title=title, regex=re.compile(regex),
                         needles=needles, **kw)  # type: ignore[arg-type]


_QUOTED = r"""(?P<q>["'])(?P<value>[^"'\s]{8,200})(?P=q)"""
_KEYWORDS = (r"(?i)(?:password|passwd|pwd|secret|secret_key|api_?key|access_?key|auth_?token|"
             r"access_?token|private_?key|client_?secret|credentials?|token)")

PATTERNS: tuple[SecretPattern, ...] = (
    _p("private-key", "Private key", r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"
       r"[\s\S]{20,}?-----END (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----",
       ("PRIVATE KEY",), severity=Severity.CRITICAL),
    _p("aws-access-key-id", "AWS access key id", r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b",
       ("AKIA", "ASIA", "ABIA", "ACCA")),
    _p("aws-secret-access-key", "AWS secret access key",
       r"(?i)aws_?secret_?(?:access_?)?key\s*[:=]\s*[\"']?([A-Za-z0-9/+=]{40})\b",
       ("ecret",), group=1, severity=Severity.CRITICAL),
    _p("github-token", "GitHub token", r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|"
       r"github_pat_[A-Za-z0-9_]{22,255})\b", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_",
                                                 "github_pat_")),
    _p("gitlab-token", "GitLab personal access token", r"\bglpat-[A-Za-z0-9_-]{20,}\b",
       ("glpat-",)),
    _p("slack-token", "Slack token", r"\bxox[abposr]-[A-Za-z0-9-]{10,250}\b", ("xox",)),
    _p("slack-webhook", "Slack webhook URL",
       r"https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+",
       ("hooks.slack.com",)),
    _p("stripe-key", "Stripe secret key", r"\b(?:sk|rk)_live_[A-Za-z0-9]{20,99}\b", ("_live_",),
       severity=Severity.CRITICAL),
    _p("google-api-key", "Google API key", r"\bAIza[0-9A-Za-z_-]{35}\b", ("AIza",)),
    _p("openai-api-key", "OpenAI API key",
       r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b",
       ("T3BlbkFJ",)),
    _p("anthropic-api-key", "Anthropic API key", r"\bsk-ant-[a-z0-9]+-[A-Za-z0-9_-]{80,}\b",
       ("sk-ant-",)),
    _p("sendgrid-api-key", "SendGrid API key", r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b",
       ("SG.",)),
    _p("twilio-api-key", "Twilio API key", r"\bSK[0-9a-f]{32}\b", ("SK",), min_entropy=3.0),
    _p("npm-token", "npm access token", r"\bnpm_[A-Za-z0-9]{36}\b", ("npm_",)),
    _p("pypi-token", "PyPI upload token", r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}\b",
       ("pypi-AgEI",)),
    _p("azure-storage-key", "Azure storage account key",
       r"AccountKey=([A-Za-z0-9+/=]{86,88})", ("AccountKey=",), group=1),
    _p("jwt", "JSON Web Token",
       r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}",
       ("eyJ",), severity=Severity.MEDIUM),
    _p("url-credentials", "Password in a URL",
       r"\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@\"'`]{1,64}:(?P<value>[^\s:/@\"'`{}$<>]{6,128})@"
       r"[A-Za-z0-9.-]+", ("://",), line_keywords=("://",)),
    _p("hardcoded-credential", "Hardcoded password or secret in an assignment",
       # `=` or `:` (assignment, keyword, dict entry), never `==`: comparing a token with a
       # literal (`token == "#bygroup"` in a lexer) names no credential
       _KEYWORDS + r"[A-Za-z0-9_]*[\"']?\]?\s*(?::\s*str\s*)?(?:=|:)\s*" + _QUOTED,
       ("ass", "ecret", "wd", "oken", "ey", "redential", "ASS", "ECRET", "WD", "OKEN", "EY",
        "REDENTIAL"),
       min_entropy=2.5,
       line_keywords=("pass", "pwd", "secret", "apikey", "api_key", "access_key", "accesskey",
                      "private_key", "privatekey", "credential", "token")),
)

# Values that are obviously not real secrets: templates and references, masks, and values made
# only of placeholder words (`your-api-key-here`, `changeme`, `example_password_123`). The whole
# value is judged, so a word inside a real value (`latest-9f8e7d6c5b4a`) does not hide it.
_TEMPLATE = re.compile(r"^(?:x+|\*+|\.+|-+|<[^>]*>|\$\{?[A-Za-z_][^}]*\}?|\{\{.*\}\}|%\(?\w*\)?s)$",
                       re.IGNORECASE)
_PLACEHOLDER_WORDS = frozenset({
    "change", "changeme", "changeit", "example", "examples", "placeholder", "your", "yours", "my",
    "dummy", "redacted", "sample", "not", "a", "an", "the", "secret", "replace", "replaceme",
    "todo", "fixme", "test", "testing", "fake", "key", "api", "apikey", "token", "password",
    "passwd", "pass", "pwd", "here", "value", "default", "insert", "put", "enter", "xxx", "foo",
    "bar", "baz", "none", "null", "me", "goes", "this", "is", "access", "private", "client",
    "auth", "db", "database", "user", "username", "admin", "sk", "pk", "mock", "demo", "some",
    "secret_key", "xxxx", "abc", "new", "old", "random", "string", "str", "id",
})
# Example credentials every tutorial uses (Oracle's scott/tiger and its kin): documentation, not
# leaks.
_EXAMPLE_VALUES = frozenset({"tiger", "hunter2", "correcthorsebatterystaple", "swordfish",
                             "letmein", "p@ssw0rd", "passw0rd", "s3cr3t", "s3cret", "topsecret",
                             "supersecret", "opensesame"})
_NOT_SECRET_NAMES = ("_name", "_field", "_label", "_param", "_header", "_env", "_var", "_file",
                     "_path", "_url", "_uri", "_id", "_type", "_prefix", "_suffix", "_pattern",
                     "_regex", "_template", "_format", "_length", "_len", "_message", "_msg",
                     "_help", "_prompt", "_hint", "_setting")
# A URL without user information is an address (`TOKEN_URL = "https://..."`), not a secret; one
# with a password is the url-credentials pattern's.
_PLAIN_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^@\s]*$", re.IGNORECASE)
# Below this entropy (bits per character) what is left of a value once its placeholder words are
# removed is filler (`123`, `xxx`), not key material.
_FILLER_ENTROPY = 3.0


def is_placeholder(value: str) -> bool:
    if _TEMPLATE.match(value) or value.lower() in _EXAMPLE_VALUES:
        return True
    words = [w for w in re.split(r"[^A-Za-z0-9]+", value) if w]
    # `password1`, `token2`: a placeholder word numbered
    rest = "".join(w for w in words if w.lower().rstrip("0123456789") not in _PLACEHOLDER_WORDS)
    if not rest:
        return True
    has_word = len(rest) < sum(len(w) for w in words)
    return has_word and (len(rest) <= 4 or shannon_entropy(rest) < _FILLER_ENTROPY)


def shannon_entropy(value: str) -> float:
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _rule(pattern: SecretPattern) -> Rule:
    text = (f"{pattern.title} committed to source. Remove it, rotate it (it must be considered "
            f"leaked), and load it at run time from the environment or a secrets manager.")
    return Rule(
        id=RuleId(pattern.id),
        name=pattern.id.rsplit(".", 1)[-1],
        short_description=f"{pattern.title} in source code",
        full_description=text,
        help_text=text,
        help_uri="https://cwe.mitre.org/data/definitions/798.html",
        severity=pattern.severity,
        cwe=_CWE,
        owasp_2025=_OWASP_2025,
        owasp_2021=_OWASP_2021,
        precision=precision.measured("secrets", pattern.id),
    )


class SecretsScanner:
    name = "secrets"
    information_uri = "https://github.com/secsdlc/secsdlc"
    options: Mapping[str, OptionType] = {
        "exclude-rules": list,
        "timeout": (int, float),
        # rules of low measured precision whose findings keep their full severity
        "full-severity": list,
    }

    def version(self) -> str:
        return __version__

    reads_binaries = True  # a key is leaked in any file, whatever else it holds

    def applies_to(self, path: str) -> bool:
        return True  # any file can hold a credential

    def cache_context(self, options: Mapping[str, object]) -> str:
        # cached entries hold redacted findings only, never the value (see secsdlc.cache); the
        # patterns and filters are this module, so its text keys the cache, with the precision
        # that may cap what they find
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + precision.digest()

    def scan(self, request: ScanRequest) -> ScannerOutput:
        excluded = request.options.get("exclude-rules")
        disabled = {str(r) for r in excluded} if isinstance(excluded, list) else set()
        patterns = [p for p in PATTERNS if p.id not in disabled]
        full = request.options.get("full-severity")
        keep = frozenset(str(r) for r in full) if isinstance(full, list) else frozenset()
        findings: list[Finding] = []
        rules: dict[RuleId, Rule] = {}
        notes: list[Notification] = []
        redact: set[str] = set()
        for rel in request.files:
            try:
                text = _text_of((request.root / rel).read_bytes())
            except (OSError, UnicodeDecodeError) as e:
                notes.append(Notification(kind=NotificationKind.SKIPPED_FILE, scanner=NAME,
                                          path=rel, message=f"{rel}: cannot read: {e}"))
                continue
            python = rel.endswith((".py", ".pyw"))
            for pattern, value, start, end, severity in _matches(text, patterns, python):
                # scrubbed from every output of every scanner; a short value would also erase
                # ordinary words elsewhere, so it is masked only on its own finding's line
                if len(value) >= _MIN_GLOBAL_REDACTION:
                    redact.add(value)
                # a multi-line secret (a key block) can be quoted line by line elsewhere
                redact.update(part.strip() for part in value.splitlines()
                              if len(part.strip()) >= _MIN_GLOBAL_REDACTION)
                rule = rules.setdefault(RuleId(pattern.id), _rule(pattern))
                findings.append(precision.cap(
                    _finding(pattern, rel, text, value, start, end, severity), rule.precision,
                    full_severity=keep, option="scanners.secrets.full-severity"))
        return ScannerOutput(findings=tuple(findings), rules=rules, notifications=tuple(notes),
                             redact=frozenset(redact))


def _text_of(data: bytes) -> str:
    """A text file's text (UTF-8, lines as Python reads them); a binary's bytes one for one, so
    that a key among them is found on the line it is on."""
    if b"\0" in data[:8192]:
        return data.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def _matches(
    text: str, patterns: list[SecretPattern], python: bool = False
) -> list[tuple[SecretPattern, str, int, int, Severity]]:
    found: list[tuple[SecretPattern, str, int, int, Severity]] = []
    spans: set[tuple[int, int]] = set()
    lowered: str | None = None
    docs: list[tuple[int, int]] | None = None
    for pattern in patterns:
        if not any(n in text for n in pattern.needles):
            continue
        candidates: Iterable[re.Match[str]]
        if pattern.line_keywords:
            lowered = text.lower() if lowered is None else lowered
            candidates = (m for start, end in _lines_with(text, lowered, pattern.line_keywords)
                          for m in pattern.regex.finditer(text, start, end))
        else:
            candidates = pattern.regex.finditer(text)
        for m in candidates:
            group: int | str = "value" if "value" in pattern.regex.groupindex else pattern.group
            value = m.group(group)
            if not value:
                continue
            if pattern.min_entropy and shannon_entropy(value) < pattern.min_entropy:
                continue
            generic = pattern.id.endswith(("hardcoded-credential", "url-credentials"))
            if generic and (is_placeholder(value) or _is_reference(value)
                            or _PLAIN_URL.match(value) or _names_no_secret(m.group(0))):
                continue
            span = (m.start(group), m.end(group))
            # the generic patterns come last: a value a specific pattern named is not repeated
            if any(a <= span[0] < b or span[0] <= a < span[1] for a, b in spans):
                continue
            spans.add(span)
            severity = pattern.severity
            if generic and python:
                docs = _documentation_spans(text) if docs is None else docs
                if any(a <= span[0] < b for a, b in docs):
                    severity = Severity.LOW
            found.append((pattern, value, *span, severity))
    return found


def _names_no_secret(match: str) -> bool:
    """`password_field_name = "password1"`, `SECRET_KEY_PREFIX = "django-insecure-"`: the name
    says the value is the name of a field, a prefix or an address, not the credential itself."""
    name = re.match(r"\w*", match)
    return bool(name) and name.group(0).lower().endswith(_NOT_SECRET_NAMES)  # type: ignore[union-attr]


def _lines_with(text: str, lowered: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` holding one of `words`, in order, each once."""
    starts: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = lowered.find(word, at + len(word))
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append((start, len(text) if end == -1 else end))
    return lines


def _is_reference(value: str) -> bool:
    """Dotted names (`settings.SECRET_KEY`, an entry point `pkg.mod:Class`) are references to a
    secret, not one; every segment must be an identifier, so `Summer.2024` still counts."""
    return bool(re.fullmatch(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?::[A-Za-z_][\w.]*)?", value))


def _documentation_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the comments and docstrings of Python source: where a generic password or URL
    credential is an example in prose (`scott:tiger@host`), not a value the program uses."""
    starts = [0]
    for line in io.StringIO(text).readlines():  # the lines tokenize numbers
        starts.append(starts[-1] + len(line))

    def offset(pos: tuple[int, int]) -> int:
        return starts[pos[0] - 1] + pos[1] if pos[0] - 1 < len(starts) else len(text)

    spans: list[tuple[int, int]] = []
    statement_start = True
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return spans
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.COMMENT:
            spans.append((offset(tok.start), offset(tok.end)))
        elif tok.type == tokenize.STRING and statement_start:
            after = tokens[i + 1].type if i + 1 < len(tokens) else tokenize.ENDMARKER
            if after in (tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.COMMENT):
                spans.append((offset(tok.start), offset(tok.end)))
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            statement_start = tok.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    return spans


def _finding(
    pattern: SecretPattern, rel: str, text: str, value: str, start: int, end: int,
    severity: Severity,
) -> Finding:
    line = text.count("\n", 0, start) + 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_text = text[line_start: line_end if line_end != -1 else len(text)]
    snippet = redact_text(line_text, {value})
    if len(snippet) > 300:
        snippet = snippet[:300] + "..."
    end_line = text.count("\n", 0, end) + 1
    return Finding(
        rule_id=RuleId(pattern.id),
        scanners=(NAME,),
        message=(f"{pattern.title} in a comment or docstring (value redacted): if it is a real "
                 f"credential, not an example, remove it and rotate it."
                 if severity is not pattern.severity else
                 f"{pattern.title} found in source code (value redacted). Remove it, rotate it, "
                 f"and load it from the environment or a secrets manager."),
        severity=severity,
        confidence=Confidence.HIGH if pattern.min_entropy == 0 else Confidence.MEDIUM,
        location=Location(path=rel, start_line=line, start_column=start - line_start + 1,
                          end_line=end_line),
        cwe=_CWE,
        owasp_2025=_OWASP_2025,
        owasp_2021=_OWASP_2021,
        snippet=snippet,
        help_uri="https://cwe.mitre.org/data/definitions/798.html",
        fix_hint="Rotate the credential, then read it from the environment or a secrets manager.",
    )
