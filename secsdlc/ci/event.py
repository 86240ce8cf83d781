"""The GitHub Actions run context: environment variables and the event payload.

Only what secsdlc needs is read. A payload that is not what its event name promises is an error
naming the file and the key: guessing a diff base would silently change what blocks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secsdlc.errors import SecsdlcError

# Events whose payload names the commit the change is compared with.
PULL_REQUEST_EVENTS = frozenset({"pull_request", "pull_request_target", "merge_group"})


class EventError(SecsdlcError):
    """The GitHub environment or event payload cannot be used (exit 2)."""


@dataclass(frozen=True, kw_only=True)
class GitHubContext:
    event_name: str
    workspace: Path
    server_url: str = "https://github.com"
    repository: str = ""  # owner/name
    sha: str = ""  # GITHUB_SHA: for a pull request, the merge commit
    step_summary: Path | None = None
    output: Path | None = None
    # From the payload of a pull-request-like event:
    base_sha: str = ""
    base_ref: str = ""
    head_sha: str = ""
    pr_number: int | None = None

    @property
    def is_pull_request(self) -> bool:
        return self.event_name in PULL_REQUEST_EVENTS

    @property
    def link_sha(self) -> str:
        """The commit links point at: the PR head (what the author wrote), else the run's."""
        return self.head_sha or self.sha

    def blob_url(self, path: str, line: int) -> str:
        if not (self.server_url and self.repository and self.link_sha):
            return ""
        from urllib.parse import quote

        return (f"{self.server_url.rstrip('/')}/{self.repository}/blob/{self.link_sha}/"
                f"{quote(path, safe='/-._~')}#L{line}")

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GitHubContext:
        name = env.get("GITHUB_EVENT_NAME", "").strip()
        if not name:
            raise EventError("GITHUB_EVENT_NAME is not set: `secsdlc ci github` runs inside a "
                             "GitHub Actions job")
        workspace = Path(env.get("GITHUB_WORKSPACE") or ".").resolve()
        fields: dict[str, Any] = {}
        if name in PULL_REQUEST_EVENTS:
            fields = _pull_request_fields(name, env.get("GITHUB_EVENT_PATH", ""))
        return cls(
            event_name=name,
            workspace=workspace,
            server_url=env.get("GITHUB_SERVER_URL", "https://github.com"),
            repository=env.get("GITHUB_REPOSITORY", ""),
            sha=env.get("GITHUB_SHA", ""),
            step_summary=_path(env.get("GITHUB_STEP_SUMMARY")),
            output=_path(env.get("GITHUB_OUTPUT")),
            **fields,
        )


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _pull_request_fields(name: str, event_path: str) -> dict[str, Any]:
    if not event_path:
        raise EventError(f"GITHUB_EVENT_PATH is not set for a {name} event: the diff base "
                         f"comes from its payload")
    payload = _load(Path(event_path))

    def get(obj: Any, dotted: str) -> Any:
        for part in dotted.split("."):
            if not isinstance(obj, dict) or part not in obj:
                raise EventError(f"{event_path}: {dotted}: missing from the {name} payload")
            obj = obj[part]
        return obj

    def sha(dotted: str) -> str:
        value = get(payload, dotted)
        if not (isinstance(value, str) and len(value) in (40, 64)
                and all(c in "0123456789abcdef" for c in value.lower())):
            raise EventError(f"{event_path}: {dotted}: not a commit SHA: {value!r}")
        return value.lower()

    if name == "merge_group":
        return {"base_sha": sha("merge_group.base_sha"),
                "base_ref": str(get(payload, "merge_group.base_ref")),
                "head_sha": sha("merge_group.head_sha")}
    number = get(payload, "pull_request.number")
    if not isinstance(number, int) or isinstance(number, bool):
        raise EventError(f"{event_path}: pull_request.number: not an integer: {number!r}")
    base_ref = get(payload, "pull_request.base.ref")
    if not isinstance(base_ref, str):
        raise EventError(f"{event_path}: pull_request.base.ref: not a string: {base_ref!r}")
    return {"base_sha": sha("pull_request.base.sha"), "base_ref": base_ref,
            "head_sha": sha("pull_request.head.sha"), "pr_number": number}


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise EventError(f"{path}: cannot read the event payload: {e}") from e
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as e:
        raise EventError(f"{path}: event payload is not JSON (line {e.lineno}, column "
                         f"{e.colno}): {e.msg}") from e
    if not isinstance(payload, dict):
        raise EventError(f"{path}: event payload is not a JSON object")
    return payload
