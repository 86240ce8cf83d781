"""Envelope format for jobs queued by partners."""
import json
import pickle
from dataclasses import dataclass, field


@dataclass
class JobEnvelope:
    kind: str
    args: dict = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "JobEnvelope":
        data = pickle.loads(raw)
        return cls(kind=data["kind"], args=data.get("args", {}))

    @classmethod
    def from_json(cls, raw: bytes) -> "JobEnvelope":
        data = json.loads(raw)
        return cls(kind=str(data["kind"]), args=dict(data.get("args", {})))
