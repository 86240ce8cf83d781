"""CWE -> OWASP Top 10 (2025 and 2021) categories.

Derived from the CWE lists OWASP publishes for each category. A CWE that OWASP did not place in a
2021 category (most of A10:2025, new that year) maps to no 2021 id rather than a guessed one.
"""

from __future__ import annotations

from collections.abc import Iterable

TITLES_2025 = {
    "A01:2025": "Broken Access Control",
    "A02:2025": "Security Misconfiguration",
    "A03:2025": "Software Supply Chain Failures",
    "A04:2025": "Cryptographic Failures",
    "A05:2025": "Injection",
    "A06:2025": "Insecure Design",
    "A07:2025": "Authentication Failures",
    "A08:2025": "Software or Data Integrity Failures",
    "A09:2025": "Security Logging and Alerting Failures",
    "A10:2025": "Mishandling of Exceptional Conditions",
}
TITLES_2021 = {
    "A01:2021": "Broken Access Control",
    "A02:2021": "Cryptographic Failures",
    "A03:2021": "Injection",
    "A04:2021": "Insecure Design",
    "A05:2021": "Security Misconfiguration",
    "A06:2021": "Vulnerable and Outdated Components",
    "A07:2021": "Identification and Authentication Failures",
    "A08:2021": "Software and Data Integrity Failures",
    "A09:2021": "Security Logging and Monitoring Failures",
    "A10:2021": "Server-Side Request Forgery",
}

# (2025 category, 2021 category or None) -> CWE ids
_GROUPS: list[tuple[str, str | None, tuple[int, ...]]] = [
    ("A01:2025", "A01:2021", (22, 23, 35, 59, 200, 201, 219, 264, 275, 276, 284, 285, 352,
                              359, 377, 402, 425, 441, 497, 538, 540, 548, 552, 566, 601, 639,
                              651, 668, 706, 732, 862, 863, 913, 922, 1275)),
    ("A01:2025", "A10:2021", (918,)),
    ("A02:2025", "A05:2021", (2, 11, 13, 15, 16, 260, 315, 489, 520, 526, 537, 541, 547, 605,
                              611, 614, 756, 776, 942, 1004, 1032, 1174)),
    ("A03:2025", "A06:2021", (937, 1035, 1104, 1352, 1395)),
    ("A04:2025", "A02:2021", (261, 296, 310, 319, 321, 322, 323, 324, 325, 326, 327, 328, 329,
                              330, 331, 335, 336, 337, 338, 340, 347, 523, 720, 757, 759, 760,
                              780, 818, 916)),
    ("A04:2025", "A07:2021", (295, 297)),
    ("A05:2025", "A03:2021", (20, 74, 75, 77, 78, 79, 80, 83, 87, 88, 89, 90, 91, 93, 94, 95,
                              96, 97, 98, 99, 113, 116, 138, 184, 470, 471, 564, 610, 643, 644,
                              652, 838, 917, 1336)),
    ("A06:2025", "A04:2021", (73, 183, 209, 213, 235, 256, 257, 266, 269, 280, 311, 312, 313,
                              316, 419, 430, 434, 444, 451, 472, 501, 522, 525, 539, 579, 598,
                              602, 642, 646, 650, 653, 656, 657, 799, 807, 840, 841, 927, 1021,
                              1173)),
    ("A07:2025", "A07:2021", (255, 259, 287, 288, 290, 294, 300, 302, 304, 306, 307, 346, 384,
                              521, 613, 620, 640, 798, 940, 1216)),
    ("A08:2025", "A08:2021", (345, 353, 426, 494, 502, 565, 784, 829, 830, 915)),
    ("A09:2025", "A09:2021", (117, 223, 532, 778)),
    ("A10:2025", None, (234, 248, 252, 274, 390, 391, 392, 394, 396, 397, 400, 460, 476, 478,
                        484, 550, 617, 636, 703, 754, 755)),
]

_TABLE: dict[int, tuple[str, str | None]] = {
    cwe: (cat25, cat21) for cat25, cat21, cwes in _GROUPS for cwe in cwes
}


def categories(cwes: Iterable[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The OWASP 2025 and 2021 ids for these CWEs, each sorted and without duplicates."""
    y2025: set[str] = set()
    y2021: set[str] = set()
    for cwe in cwes:
        entry = _TABLE.get(cwe)
        if entry is None:
            continue
        y2025.add(entry[0])
        if entry[1] is not None:
            y2021.add(entry[1])
    return tuple(sorted(y2025)), tuple(sorted(y2021))


def tag(category: str) -> str:
    """`A05:2025` -> `owasp-a05-2025`, a SARIF tag GitHub shows as a filter."""
    return "owasp-" + category.lower().replace(":", "-")
