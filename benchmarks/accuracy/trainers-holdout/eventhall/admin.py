"""Organizer back office, written as class-based views."""

from __future__ import annotations

import json
import logging
import re
import secrets

from aiohttp import web
from aiohttp_session import get_session

from . import dao, render, settings

log = logging.getLogger("eventhall.admin")
routes = web.RouteTableDef()

ATTENDEE_SQL = "SELECT id, name, email, checked_in FROM attendees WHERE event_id = ?"


class OrganizerBase(web.View):
    async def organizer(self) -> str:
        session = await get_session(self.request)
        organizer = session.get("organizer_id")
        if organizer is None:
            raise web.HTTPUnauthorized()
        return str(organizer)


@routes.view(r"/admin/events/{event_id:\d+}/attendees")
class AttendeeView(OrganizerBase):
    async def get(self) -> web.Response:
        await self.organizer()
        event_id = int(self.request.match_info["event_id"])
        sql = ATTENDEE_SQL
        name = self.request.query.get("name")
        if name:
            sql += " AND name LIKE '%" + name + "%'"
        sql += " ORDER BY name"
        async with self.request.app["db"].execute(sql, (event_id,)) as cursor:
            rows = [dict(r) for r in await cursor.fetchall()]
        return web.json_response(rows)

    async def post(self) -> web.Response:
        await self.organizer()
        form = await self.request.post()
        params: list[object] = [int(self.request.match_info["event_id"])]
        sql = ATTENDEE_SQL
        email = form.get("email")
        if email:
            sql += " AND email = ?"
            params.append(str(email))
        sql += " ORDER BY name"
        async with self.request.app["db"].execute(sql, params) as cursor:
            rows = [dict(r) for r in await cursor.fetchall()]
        return web.json_response(rows)


@routes.view("/admin/mail/preview")
class MailPreviewView(OrganizerBase):
    async def post(self) -> web.Response:
        await self.organizer()
        data = await self.request.json()
        text = render.from_text(data.get("body", ""), name="Ada", event="Sample night", note="")
        return web.json_response({"preview": text})

    async def get(self) -> web.Response:
        await self.organizer()
        kind = self.request.query.get("kind", "confirmation")
        template_text = render.STOCK_MESSAGES.get(kind, render.STOCK_MESSAGES["confirmation"])
        note = self.request.query.get("note", "")
        text = render.from_text(template_text, name="Ada", event="Sample night", note=note)
        return web.json_response({"preview": text})


@routes.view(r"/admin/orders/{order_id:\d+}/receipt")
class ReceiptView(OrganizerBase):
    async def get(self) -> web.Response:
        await self.organizer()
        order = await dao.order(self.request.app["db"], int(self.request.match_info["order_id"]))
        footer = self.request.query.get("footer", "Thank you!")
        env = render.environment()
        body = env.from_string("<footer>" + footer + "</footer>").render(order=order)
        return web.Response(text=body, content_type="text/html")


@routes.view(r"/admin/orders/{order_id:\d+}/receipt/print")
class ReceiptPrintView(OrganizerBase):
    async def get(self) -> web.Response:
        await self.organizer()
        order = await dao.order(self.request.app["db"], int(self.request.match_info["order_id"]))
        footer = self.request.query.get("footer", "Thank you!")
        env = render.environment()
        body = env.from_string("<footer>{{ footer }}</footer>").render(order=order, footer=footer)
        return web.Response(text=body, content_type="text/html")


@routes.view("/admin/login")
class StaffLoginView(web.View):
    async def post(self) -> web.Response:
        form = await self.request.post()
        username = str(form.get("username", ""))
        if not await self.request.app["auth"].check(username, str(form.get("password", ""))):
            log.warning("rejected back-office login for %s", username)
            raise web.HTTPUnauthorized()
        return web.json_response({"token": await self.request.app["auth"].issue(username)})


@routes.view("/boxoffice/login")
class BoxOfficeLoginView(web.View):
    async def post(self) -> web.Response:
        form = await self.request.post()
        username = str(form.get("username", ""))
        if not await self.request.app["auth"].check(username, str(form.get("password", ""))):
            shown = username.replace("\r", "\\r").replace("\n", "\\n")
            log.warning("rejected back-office login for %s", shown)
            raise web.HTTPUnauthorized()
        return web.json_response({"token": await self.request.app["auth"].issue(username)})


@routes.view(r"/admin/orders/{order_id:\d+}/refund")
class RefundView(OrganizerBase):
    async def post(self) -> web.Response:
        organizer = await self.organizer()
        data = await self.request.json()
        entry = {"order": int(self.request.match_info["order_id"]), "reason": data.get("reason", "")}
        entry["by"] = organizer
        log.info("refund requested for order %(order)s by %(by)s: %(reason)s", entry)
        return web.json_response({"queued": True}, status=202)


@routes.view(r"/admin/orders/{order_id:\d+}/chargeback")
class ChargebackView(OrganizerBase):
    async def post(self) -> web.Response:
        organizer = await self.organizer()
        data = await self.request.json()
        entry = {"order": int(self.request.match_info["order_id"]), "reason": data.get("reason", "")}
        entry["by"] = organizer
        log.info("refund requested: %s", json.dumps(entry))
        return web.json_response({"queued": True}, status=202)


@routes.view("/admin/act-as")
class ActAsView(OrganizerBase):
    async def post(self) -> web.Response:
        await self.organizer()
        form = await self.request.post()
        session = await get_session(self.request)
        session["organizer_id"] = form.get("organizer_id")
        raise web.HTTPFound("/admin")


@routes.view("/admin/currency")
class CurrencyView(OrganizerBase):
    async def post(self) -> web.Response:
        await self.organizer()
        form = await self.request.post()
        currency = str(form.get("currency", "EUR")).upper()
        session = await get_session(self.request)
        session["currency"] = currency if currency in settings.CURRENCIES else "EUR"
        raise web.HTTPFound("/admin")


@routes.view("/admin/halls/search")
class HallSearchView(OrganizerBase):
    async def get(self) -> web.Response:
        await self.organizer()
        pattern = self.request.query.get("q", "")
        names = await dao.halls(self.request.app["db"])
        return web.json_response([n for n in names if re.search(pattern, n)])


@routes.view("/admin/halls/find")
class HallFindView(OrganizerBase):
    async def get(self) -> web.Response:
        await self.organizer()
        term = self.request.query.get("q", "")
        pattern = term if settings.SEARCH_MODE == "regex" else re.escape(term)
        names = await dao.halls(self.request.app["db"])
        return web.json_response([n for n in names if re.search(pattern, n, re.IGNORECASE)])


@routes.view("/kiosk/pair")
class KioskPairView(web.View):
    async def post(self) -> web.Response:
        form = await self.request.post()
        kiosk = await dao.kiosk_for_pairing(self.request.app["db"], str(form.get("code", "")))
        if kiosk is None:
            raise web.HTTPForbidden()
        response = web.json_response({"kiosk": kiosk})
        response.set_cookie("eh_kiosk", secrets.token_urlsafe(32), max_age=12 * 3600)
        return response


@routes.view("/displays/pair")
class DisplayPairView(web.View):
    async def post(self) -> web.Response:
        form = await self.request.post()
        kiosk = await dao.kiosk_for_pairing(self.request.app["db"], str(form.get("code", "")))
        if kiosk is None:
            raise web.HTTPForbidden()
        response = web.json_response({"kiosk": kiosk})
        response.set_cookie(
            "eh_display", secrets.token_urlsafe(32), max_age=12 * 3600, secure=True, httponly=True, samesite="Strict"
        )
        return response
