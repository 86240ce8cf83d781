"""The two modes a scan runs in.

Advisory (a developer's machine, pre-commit): the repository's configuration is taken as it is,
and a file that could not be scanned is a warning. Enforce (CI, a correspondent trust root, or
`--enforce`): what a developer's commit can change must not lower the verdict, and a file that
could not be scanned fails the gate.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping, Sequence

ENFORCE_ENV = "SECSDLC_ENFORCE"
TRUST_ROOT_ENV = "SECSDLC_TRUST_ROOT"

# The variable each CI system documents as set in every job. Several never set CI (Jenkins, Azure
# Pipelines, TeamCity, AWS CodeBuild, Bamboo), and a step may override CI where GitHub forbids
# overriding GITHUB_*: each system is recognised by its own variable too.
CI_VARIABLES: Mapping[str, str] = {
    "CI": "CI",
    "GITHUB_ACTIONS": "GitHub Actions",
    "GITLAB_CI": "GitLab CI/CD",
    "JENKINS_URL": "Jenkins",
    "JENKINS_HOME": "Jenkins",
    "BUILD_ID": "Jenkins",
    "TF_BUILD": "Azure Pipelines",
    "BUILDKITE": "Buildkite",
    "CIRCLECI": "CircleCI",
    "TEAMCITY_VERSION": "TeamCity",
    "CODEBUILD_BUILD_ID": "AWS CodeBuild",
    "BITBUCKET_BUILD_NUMBER": "Bitbucket Pipelines",
    "bamboo_buildKey": "Bamboo",
}
_FALSE = ("", "0", "false", "no", "off")


class Mode(enum.Enum):
    ADVISORY = "advisory"
    ENFORCE = "enforce"

    @property
    def enforce(self) -> bool:
        return self is Mode.ENFORCE


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def trust_roots(given: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """--trust-root, else $SECSDLC_TRUST_ROOT (comma or space separated): the fingerprints as
    given, parsed by `secsdlc.signoff.facade.trust_root`."""
    if given:
        return tuple(given)
    env = os.environ if env is None else env
    return tuple(env.get(TRUST_ROOT_ENV, "").replace(",", " ").split())


def ci_system(env: Mapping[str, str] | None = None) -> str | None:
    """The CI system this process runs in, by the variables its vendor documents; None on a
    machine where none is set. A value counts unless it is empty or says false (`CI=woodpecker`
    is CI)."""
    env = os.environ if env is None else env
    for name, system in CI_VARIABLES.items():
        if env.get(name, "").strip().lower() not in _FALSE:
            return system
    return None


def detect(*, enforce_flag: bool = False, trust_root: Sequence[str] = (),
           env: Mapping[str, str] | None = None) -> Mode:
    """Enforce when asked to, when a trust root is given, or when running in a CI job
    (`ci_system`: CI, or the variable its vendor documents, so a job that never sets CI or sets
    `CI: false` for its other tools still enforces)."""
    if enforce_flag or any(t.strip() for t in trust_root) or trust_roots((), env):
        return Mode.ENFORCE
    env = os.environ if env is None else env
    if _truthy(env.get(ENFORCE_ENV)) or ci_system(env) is not None:
        return Mode.ENFORCE
    return Mode.ADVISORY
