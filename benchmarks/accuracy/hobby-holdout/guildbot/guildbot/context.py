from dataclasses import dataclass, field
from typing import Any, Dict, List


@dataclass
class Attachment:
    filename: str
    content: bytes


@dataclass
class Context:
    """What a command gets: who said it, where, and the raw text."""

    guild_id: int
    channel: str
    author: str
    text: str
    attachments: List[Attachment] = field(default_factory=list)
    replies: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)

    def reply(self, msg: str) -> None:
        self.replies.append(msg)
