"""bandit checks that mostly flag safe code, lowered to severity "info" by default.

Measured with benchmarks/accuracy (the labelled corpus, not the held-aside part): precision is
the share of a check's findings that land in a test case labelled vulnerable. A check is listed
when the semgrep pack covers the same weakness with a rule that follows the data (taint) or the
dangerous argument, and either
- its precision is at most 0.60 (it mostly flags safe code), or
- merged with the pack it adds no true positive on the corpus but does add false positives (its
  every true finding is already reported by the pack's rule; "adds n FP" counts its findings in
  safe look-alikes the pack leaves quiet).
Lowering these loses nothing the merged result needs and makes it more accurate than either tool
alone. `scanners.bandit.all-checks = true` restores bandit's own severities.

Re-measure after changing the corpus:
    bandit -r benchmarks/accuracy/corpus -f json -o bandit.json
and count, per test_id, the results in files whose row in expected-corpus.csv says vulnerable.
"""

from __future__ import annotations

DOWNRANKED: dict[str, str] = {
    "B102": "exec_used flags every exec(), constant or not: precision 0.60 (3/5); "
    "secsdlc.python.injection.code-injection follows request data into exec",
    "B105": "hardcoded_password_string flags names like PASSWORD_FIELD = 'password': "
    "precision 0.60 (3/5); secsdlc.python.auth.hardcoded-credentials skips field names",
    "B301": "pickle: precision 0.75 (3/4) but adds no true positive over the pack and 1 FP "
    "(unpickling a local file); secsdlc.python.integrity.insecure-deserialization",
    "B307": "eval flags every eval(), including constant and allow-listed input: precision 0.54 "
    "(7/13); secsdlc.python.injection.code-injection follows request data into eval",
    "B308": "mark_safe: adds no true positive over secsdlc.python.injection.xss and 1 FP "
    "(constant markup); precision 0.75 (3/4)",
    "B311": "random: flags every use, also shuffles and jitter: adds no true positive over "
    "secsdlc.python.crypto.insecure-random and 2 FP; precision 0.71 (5/7)",
    "B317": "xml.sax parse flags parsing with external entities off too: precision 0.57 (4/7); "
    "secsdlc.python.misconfiguration.xxe checks the parser's entity features",
    "B324": "hashlib md5/sha1: each of its corpus findings (5/5) is also one of "
    "secsdlc.python.crypto.weak-hash, which reports the same calls at high only where the digest "
    "protects a password, signature, token or key; on six mature projects (bench_noise.py) it "
    "made 15 findings high, 12 of them cache keys, ETags, checksums or HTTP Digest",
    "B403": "import of pickle is not a use of it: precision 0.44 (8/18); "
    "secsdlc.python.integrity.insecure-deserialization follows input into pickle/yaml/marshal",
    "B404": "import of subprocess is not a use of it: precision 0.47 (17/36); "
    "secsdlc.python.injection.command-injection follows input into the command",
    "B406": "import of xml.sax is not a use of it: precision 0.50 (9/18); "
    "secsdlc.python.misconfiguration.xxe",
    "B413": "import of pycrypto is not a weak cipher: adds no true positive over "
    "secsdlc.python.crypto.weak-cipher and 2 FP (AES-GCM, ChaCha20); precision 0.75 (6/8)",
    "B602": "shell=True flags constant and shlex.quote()d commands alike: precision 0.41 (7/17); "
    "secsdlc.python.injection.command-injection",
    "B603": "subprocess without a shell is the recommended form: precision 0.33 (3/9)",
    "B607": "a partial executable path (['ping', ...]) is rarely exploitable: precision 0.33 (3/9)",
    "B605": "os.system with a shell flags constant and int()-cast commands: adds no true positive "
    "over secsdlc.python.injection.command-injection and 3 FP; precision 0.70 (7/10)",
    "B608": "SQL built from strings flags int()-cast and allow-listed values: adds no true "
    "positive over secsdlc.python.injection.sql-injection and 4 FP; precision 0.70 (14/20)",
    "B703": "django mark_safe: adds no true positive over secsdlc.python.injection.xss and 1 FP; "
    "precision 0.75 (3/4)",
    "B704": "markupsafe.Markup flags Markup(constant).format(value), which escapes: precision 0.60 "
    "(3/5); secsdlc.python.injection.xss follows input into Markup",
}
