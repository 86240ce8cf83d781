"""Statistics pages; the ORM gets awkward for these so they are plain SQL."""
from django.db import connection
from django.http import JsonResponse
from django.utils.html import escape


def _rows(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cols = [c[0] for c in cursor.description]
        return [dict(zip(cols, row)) for row in cursor.fetchall()]


def views_by_owner(request):
    owner = escape(request.GET.get("owner", "0"))
    sql = (
        "SELECT a.title, SUM(p.views) AS views FROM pixelshelf_photo p "
        "JOIN pixelshelf_album a ON a.id = p.album_id "
        f"WHERE a.owner_id = {owner} GROUP BY a.title ORDER BY views DESC"
    )
    return JsonResponse({"albums": _rows(sql)})


def uploads_per_day(request):
    days = int(request.GET.get("days", "30"))
    sql = (
        "SELECT date(p.taken_at) AS day, COUNT(*) AS n FROM pixelshelf_photo p "
        f"WHERE p.taken_at >= now() - interval '{days} days' GROUP BY day ORDER BY day"
    )
    return JsonResponse({"days": _rows(sql)})


def camera_breakdown(request):
    clauses = ["p.camera <> ''"]
    params = []
    album = request.GET.get("album")
    if album and album.isdigit():
        clauses.append("p.album_id = %s")
        params.append(int(album))
    maker = request.GET.get("maker")
    if maker:
        clauses.append("p.camera LIKE '" + maker + "%%'")
    sql = "SELECT p.camera, COUNT(*) AS n FROM pixelshelf_photo p WHERE " + " AND ".join(clauses) + " GROUP BY p.camera"
    return JsonResponse({"cameras": _rows(sql, params)})


def lens_breakdown(request):
    clauses = ["p.camera <> ''"]
    params = []
    album = request.GET.get("album")
    if album and album.isdigit():
        clauses.append("p.album_id = %s")
        params.append(int(album))
    maker = request.GET.get("maker")
    if maker:
        clauses.append("p.camera LIKE %s")
        params.append(maker + "%")
    sql = "SELECT p.camera, COUNT(*) AS n FROM pixelshelf_photo p WHERE " + " AND ".join(clauses) + " GROUP BY p.camera"
    return JsonResponse({"cameras": _rows(sql, params)})
