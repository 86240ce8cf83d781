"""The access-policy document: one XML file maintained by the security team."""
from __future__ import annotations

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


class PolicyDocument:
    def __init__(self, path: str) -> None:
        self.path = path
        self._tree: etree._ElementTree | None = None

    @property
    def tree(self) -> etree._ElementTree:
        if self._tree is None:
            self._tree = etree.parse(self.path, _PARSER)
        return self._tree

    def summary(self, policy: etree._Element) -> dict[str, object]:
        return {
            "id": policy.get("id"),
            "name": policy.get("name"),
            "owner": policy.findtext("owner"),
            "roles": [r.text for r in policy.iterfind("roles/role")],
        }
