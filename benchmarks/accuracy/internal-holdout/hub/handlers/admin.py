"""Staff-facing endpoints of the hub: delivery log, directory sync, e-mail previews."""
import logging
import re
from pathlib import Path

import jinja2
from aiohttp import web
from ldap.filter import filter_format
from ldap3.utils.conv import escape_filter_chars
from lxml import etree

from hub import config
from hub.lib import feeds, mailer, store
from hub.lib.directory import Directory
from hub.lib.partners import PartnerClient

log = logging.getLogger("hub.admin")

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
SKU_RE = re.compile(r"[A-Z0-9-]{4,20}")


def setup_routes(app, directory, client):
    routes = web.RouteTableDef()

    @routes.get("/deliveries")
    async def deliveries(request):
        vendor = request.query.get("vendor", "")
        rows = await store.query(
            "SELECT id, vendor, status, created FROM deliveries WHERE vendor = '" + vendor + "' ORDER BY id DESC LIMIT 100")
        return web.json_response([list(r) for r in rows])

    @routes.get("/deliveries/failed")
    async def failed_deliveries(request):
        vendor = request.query.get("vendor", "")
        rows = await store.query(
            "SELECT id, vendor, status, created FROM deliveries WHERE status = 'failed' AND vendor = ? ORDER BY id DESC", (vendor,))
        return web.json_response([list(r) for r in rows])

    @routes.get("/deliveries/{id}/note")
    async def delivery_note(request):
        note = request.query.get("note", "")
        text = "<div class='note'>Delivery %s: %s</div>" % (request.match_info["id"], note)
        return web.Response(text=text, content_type="text/html")

    @routes.get("/deliveries/{id}/summary")
    async def delivery_summary(request):
        note = request.query.get("note", "")
        return web.json_response({"delivery": request.match_info["id"], "note": note})

    @routes.get("/attachments/{name:.+}")
    async def attachment(request):
        return web.FileResponse(config.ATTACHMENT_DIR / request.match_info["name"])

    @routes.get("/attachments-inline/{name}")
    async def attachment_inline(request):
        name = Path(request.match_info["name"]).name
        if not name.endswith((".pdf", ".png")):
            raise web.HTTPNotFound()
        return web.FileResponse(config.ATTACHMENT_DIR / name)

    @routes.get("/feeds/fetch")
    async def fetch_feed(request):
        url = request.query.get("url") or config.FEEDS["acme-stock"]
        data = await client.get(url)
        return web.json_response({"bytes": len(data)})

    @routes.get("/feeds/{feed}")
    async def fetch_named_feed(request):
        url = config.FEEDS.get(request.match_info["feed"])
        if url is None:
            raise web.HTTPNotFound()
        data = await client.get(url)
        return web.json_response({"bytes": len(data)})

    @routes.post("/mail/partner-notice")
    async def partner_notice(request):
        form = await request.post()
        body = mailer.env.from_string(form.get("template", "")).render(partner=form.get("partner"))
        mailer.send(form.get("to", ""), "Partner notice", body)
        return web.json_response({"sent": True})

    @routes.post("/mail/partner-notice-fixed")
    async def partner_notice_fixed(request):
        form = await request.post()
        body = mailer.env.get_template("partner_notice.txt").render(partner=form.get("partner"), message=form.get("template", ""))
        mailer.send(form.get("to", ""), "Partner notice", body)
        return web.json_response({"sent": True})

    @routes.post("/mail/preview")
    async def mail_preview(request):
        form = await request.post()
        subject = form.get("subject", "")
        text = jinja2.Template("Hello {{ name }}, " + subject).render(name=form.get("name", ""))
        return web.json_response({"preview": text})

    @routes.post("/mail/preview-v2")
    async def mail_preview_v2(request):
        form = await request.post()
        subject = form.get("subject", "")
        text = jinja2.Template("Hello {{ name }}, {{ subject }}").render(name=form.get("name", ""), subject=subject)
        return web.json_response({"preview": text})

    @routes.post("/ldap/sync-group")
    async def sync_group(request):
        group = request.query.get("group", "")
        entries = directory.search(config.LDAP_BASE, f"(&(objectClass=groupOfNames)(cn={group}))", ["member"])
        return web.json_response({"members": sum(len(e.get("member", [])) for e in entries)})

    @routes.post("/ldap/sync-team")
    async def sync_team(request):
        team = request.query.get("team", "")
        entries = directory.search(config.LDAP_BASE, f"(&(objectClass=groupOfNames)(cn={escape_filter_chars(team)}))", ["member"])
        return web.json_response({"members": sum(len(e.get("member", [])) for e in entries)})

    @routes.get("/ldap/member")
    async def member_by_mail(request):
        email = request.query.get("email", "")
        if "@" not in email:
            raise web.HTTPBadRequest(text="email required")
        entries = directory.search(config.LDAP_PEOPLE, "(mail=%s)" % email, ["uid", "cn"])
        return web.json_response(entries)

    @routes.get("/ldap/member-v2")
    async def member_by_mail_v2(request):
        email = request.query.get("email", "")
        if not EMAIL_RE.fullmatch(email):
            raise web.HTTPBadRequest(text="email required")
        entries = directory.search(config.LDAP_PEOPLE, "(mail=%s)" % email, ["uid", "cn"])
        return web.json_response(entries)

    @routes.get("/ldap/people")
    async def search_people(request):
        q = request.query.get("q", "").replace("*", "")
        entries = directory.search(config.LDAP_PEOPLE, "(|(cn=%s*)(sn=%s*))" % (q, q), ["uid", "cn", "mail"])
        return web.json_response(entries[:50])

    @routes.get("/ldap/people-v2")
    async def search_people_v2(request):
        q = request.query.get("q", "")
        entries = directory.search(config.LDAP_PEOPLE, filter_format("(|(cn=%s*)(sn=%s*))", [q, q]), ["uid", "cn", "mail"])
        return web.json_response(entries[:50])

    @routes.post("/catalog/item")
    async def catalog_item(request):
        form = await request.post()
        root = feeds.parse_orders_strict(form["feed"].file.read())
        find = etree.XPath(f"//item[@sku='{form.get('sku', '')}']/@price")
        return web.json_response({"price": [str(p) for p in find(root)]})

    @routes.post("/catalog/item-v2")
    async def catalog_item_v2(request):
        form = await request.post()
        sku = form.get("sku", "")
        if not SKU_RE.fullmatch(sku):
            raise web.HTTPBadRequest(text="invalid sku")
        root = feeds.parse_orders_strict(form["feed"].file.read())
        find = etree.XPath(f"//item[@sku='{sku}']/@price")
        return web.json_response({"price": [str(p) for p in find(root)]})

    @routes.post("/routing/test")
    async def routing_test(request):
        data = await request.json()
        rule = re.compile(data.get("match", ""))
        subjects = [s for s in data.get("subjects", []) if rule.search(s)]
        return web.json_response({"matched": subjects})

    @routes.post("/routing/test-prefix")
    async def routing_test_prefix(request):
        data = await request.json()
        rule = re.compile("^" + re.escape(data.get("prefix", "")))
        subjects = [s for s in data.get("subjects", []) if rule.search(s)]
        return web.json_response({"matched": subjects})

    app.add_routes(routes)
    return routes


def create_app(bind_dn: str, password: str, session) -> web.Application:
    app = web.Application()
    setup_routes(app, Directory(bind_dn, password), PartnerClient(session))
    log.info("hub admin ready (%s)", config.LDAP_URL)
    return app
