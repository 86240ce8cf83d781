"""Directory lookups used by reviewers."""
from __future__ import annotations

import html
import re
from dataclasses import asdict

from aiohttp import web
from ldap3.utils.conv import escape_filter_chars

from ..directory import DirectoryClient, Person

routes = web.RouteTableDef()

DEPARTMENTS = frozenset({"engineering", "finance", "legal", "people", "sales", "security"})


def _directory(request: web.Request) -> DirectoryClient:
    return request.app["directory"]


def _people_json(people: list[Person]) -> web.Response:
    return web.json_response([asdict(p) for p in people])


@routes.get("/people/by-uid")
async def find_person(request: web.Request) -> web.Response:
    uid = request.query.get("uid", "")
    people = _directory(request).search("ou=people", f"(&(objectClass=person)(uid={uid}))")
    return _people_json(people)


@routes.get("/people/by-uid/exact")
async def find_person_exact(request: web.Request) -> web.Response:
    uid = escape_filter_chars(request.query.get("uid", ""))
    people = _directory(request).search("ou=people", f"(&(objectClass=person)(uid={uid}))")
    return _people_json(people)


@routes.get("/groups/{group}/members")
async def group_members(request: web.Request) -> web.Response:
    group = request.match_info["group"]
    if not re.match(r"[\w-]+", group):
        raise web.HTTPBadRequest(text="invalid group name")
    directory = _directory(request)
    ldap_filter = f"(&(objectClass=person)(memberOf=cn={group},ou=groups,{directory.base_dn}))"
    return _people_json(directory.search("ou=people", ldap_filter))


@routes.get("/groups/{group}/owners")
async def group_owners(request: web.Request) -> web.Response:
    group = request.match_info["group"]
    if not re.fullmatch(r"[\w-]+", group):
        raise web.HTTPBadRequest(text="invalid group name")
    directory = _directory(request)
    ldap_filter = f"(&(objectClass=person)(ownerOf=cn={group},ou=groups,{directory.base_dn}))"
    return _people_json(directory.search("ou=people", ldap_filter))


@routes.get("/people/by-mail")
async def find_by_mail(request: web.Request) -> web.Response:
    mail = html.escape(request.query.get("mail", ""))
    people = _directory(request).search("ou=people", "(mail=" + mail + ")")
    return _people_json(people)


@routes.get("/people/by-employee/{employee_id}")
async def find_by_employee_number(request: web.Request) -> web.Response:
    try:
        employee_id = int(request.match_info["employee_id"])
    except ValueError:
        raise web.HTTPNotFound()
    people = _directory(request).search("ou=people", "(employeeNumber=" + str(employee_id) + ")")
    return _people_json(people)


@routes.post("/departments/people")
async def department_people(request: web.Request) -> web.Response:
    form = await request.post()
    parts = ["(&", "(objectClass=person)"]
    parts.append("(department=%s)" % form.get("department", ""))
    if form.get("active_only"):
        parts.append("(!(accountStatus=disabled))")
    parts.append(")")
    return _people_json(_directory(request).search("ou=people", "".join(parts)))


@routes.post("/departments/managers")
async def department_managers(request: web.Request) -> web.Response:
    form = await request.post()
    department = str(form.get("department", ""))
    if department not in DEPARTMENTS:
        raise web.HTTPBadRequest(text="unknown department")
    parts = ["(&", "(objectClass=person)", "(isManager=TRUE)"]
    parts.append("(department=%s)" % department)
    parts.append(")")
    return _people_json(_directory(request).search("ou=people", "".join(parts)))


@routes.get("/departments")
async def list_departments(request: web.Request) -> web.Response:
    return web.json_response(sorted(DEPARTMENTS))
