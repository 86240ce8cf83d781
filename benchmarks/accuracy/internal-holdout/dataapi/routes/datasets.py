"""Dataset export, upload, remote mirrors and report rendering."""
from __future__ import annotations

import hashlib
import html
import logging
import re
import uuid
from pathlib import Path
from urllib.parse import urlparse

import jinja2
from fastapi import APIRouter, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, HttpUrl

from dataapi.config import settings
from dataapi.lib import remote, shell, warehouse

router = APIRouter(prefix="/datasets", tags=["datasets"])
templates = Jinja2Templates(directory="dataapi/templates")
log = logging.getLogger("dataapi.datasets")

NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
REV_RE = re.compile(r"[0-9a-f]{7,40}")


class RemoteDataset(BaseModel):
    url: HttpUrl
    name: str


class ReportSpec(BaseModel):
    title_template: str
    dataset: str


class SharePassword(BaseModel):
    fingerprint: str
    password: str


def _export_path(name: str) -> Path:
    return settings.export_dir / f"{name}.csv"


@router.post("/{name}/compress")
def compress_export(name: str):
    path = _export_path(name)
    shell.sh(f"gzip -kf '{path}'")
    return {"file": path.name + ".gz"}


@router.post("/{name}/checksum")
def checksum_export(name: str):
    if not NAME_RE.fullmatch(name):
        raise HTTPException(400, "invalid dataset name")
    path = _export_path(name)
    out = shell.sh(f"sha256sum '{path}'")
    return {"sha256": out.split()[0]}


@router.get("/definitions/{path:path}")
def definition_at(path: str, rev: str = "HEAD"):
    out = shell.sh(f"git -C {settings.repo_dir} show {rev}:definitions/{path}")
    return {"definition": out}


@router.get("/definitions-pinned/{name}")
def definition_pinned(name: str, rev: str):
    if not REV_RE.fullmatch(rev) or not NAME_RE.fullmatch(name):
        raise HTTPException(400, "invalid revision")
    out = shell.call(["git", "-C", str(settings.repo_dir), "show", f"{rev}:definitions/{name}.yaml"])
    return {"definition": out}


@router.get("/exports/{filename:path}")
def download_export(filename: str):
    path = settings.export_dir / filename
    if not path.is_file():
        raise HTTPException(404)
    return FileResponse(path)


@router.get("/archive/{filename:path}")
def download_archive(filename: str):
    path = (settings.export_dir / "archive" / Path(filename).name).resolve()
    if not path.is_relative_to(settings.export_dir / "archive") or not path.is_file():
        raise HTTPException(404)
    return FileResponse(path)


@router.post("/uploads")
async def upload_dataset(file: UploadFile):
    target = settings.upload_dir / (file.filename or "upload.csv")
    with open(target, "wb") as fh:
        fh.write(await file.read())
    return {"stored": target.name}


@router.post("/uploads/staged")
async def upload_staged(file: UploadFile):
    stored = f"{uuid.uuid4().hex}.csv"
    target = settings.upload_dir / stored
    with open(target, "wb") as fh:
        fh.write(await file.read())
    warehouse.run("INSERT INTO uploads (stored, original) VALUES (:s, :o)", {"s": stored, "o": file.filename})
    return {"stored": stored}


@router.post("/mirror")
def mirror_remote(body: RemoteDataset):
    frame = remote.read_csv_url(str(body.url))
    return {"name": body.name, "rows": len(frame)}


@router.post("/mirror/approved")
def mirror_approved(body: RemoteDataset):
    host = urlparse(str(body.url)).hostname
    if host not in settings.data_hosts:
        raise HTTPException(400, "host not allowed")
    frame = remote.read_csv_url(str(body.url))
    return {"name": body.name, "rows": len(frame)}


@router.get("/buckets/{bucket}/{key:path}")
def bucket_object(bucket: str, key: str):
    frame = remote.read_csv_url(f"https://{bucket}.minio.corp.example/{key}")
    return frame.head(50).to_dict(orient="records")


@router.get("/team-buckets/{bucket}/{key:path}")
def team_bucket_object(bucket: str, key: str):
    if not re.fullmatch(r"[a-z0-9-]{3,63}", bucket):
        raise HTTPException(400, "invalid bucket")
    frame = remote.read_csv_url(f"https://{bucket}.minio.corp.example/{key}")
    return frame.head(50).to_dict(orient="records")


@router.get("/{name}/preview", response_class=HTMLResponse)
def preview_dataset(name: str, request: Request):
    rows = warehouse.run("SELECT * FROM dataset_samples WHERE dataset = :d LIMIT 20", {"d": name})
    cells = "".join("<tr>%s</tr>" % "".join(f"<td>{html.escape(str(v))}</td>" for v in r.values()) for r in rows)
    return HTMLResponse(f"<h1>{name}</h1><table>{cells}</table>")


@router.get("/{name}/overview", response_class=HTMLResponse)
def overview_dataset(name: str, request: Request):
    rows = warehouse.run("SELECT * FROM dataset_samples WHERE dataset = :d LIMIT 20", {"d": name})
    return templates.TemplateResponse(request, "overview.html", {"name": name, "rows": rows})


@router.post("/reports/render")
def render_report(spec: ReportSpec):
    rows = warehouse.run("SELECT * FROM dataset_samples WHERE dataset = :d LIMIT 20", {"d": spec.dataset})
    title = jinja2.Template(spec.title_template).render(dataset=spec.dataset, count=len(rows))
    return {"title": title, "rows": rows}


@router.post("/reports/render-sandboxed")
def render_report_sandboxed(spec: ReportSpec):
    rows = warehouse.run("SELECT * FROM dataset_samples WHERE dataset = :d LIMIT 20", {"d": spec.dataset})
    title = SandboxedEnvironment().from_string(spec.title_template).render(dataset=spec.dataset, count=len(rows))
    return {"title": title, "rows": rows}


@router.post("/share-password")
def set_share_password(body: SharePassword):
    digest = hashlib.md5(body.password.encode("utf-8")).hexdigest()
    warehouse.run("UPDATE shared_results SET password_md5 = :p WHERE fingerprint = :f", {"p": digest, "f": body.fingerprint})
    return {"ok": True}
