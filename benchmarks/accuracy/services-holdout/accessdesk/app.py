"""aiohttp application factory."""
from __future__ import annotations

import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from .config import Config
from .directory import DirectoryClient
from .documents import PolicyDocument
from .handlers import people, policies, reports, rules
from .rules import RuleEngine

log = logging.getLogger("accessdesk")


def create_app(config: Config | None = None, facts=None, findings=None) -> web.Application:
    config = config or Config.from_env()
    app = web.Application(client_max_size=4 * 1024 * 1024)
    app["config"] = config
    app["directory"] = DirectoryClient(
        config.ldap_url, config.ldap_bind_dn, config.ldap_password, config.base_dn
    )
    app["policies"] = PolicyDocument(config.policy_document)
    app["rules"] = RuleEngine(config.plugin_dir)
    app["facts"] = facts
    app["findings"] = findings
    setup_session(app, EncryptedCookieStorage(config.session_secret, secure=True, httponly=True))
    aiohttp_jinja2.setup(
        app, loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates"))
    )
    for module in (people, policies, rules, reports):
        app.add_routes(module.routes)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="0.0.0.0", port=8080)
