"""Gallery views. Mostly function views; the API lives in api.py."""
import json
import logging
import os
import pickle
import shlex
import zipfile
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import F
from django.http import (
    FileResponse, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden,
    JsonResponse, StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView

from . import tools
from .forms import AlbumForm, ArchiveUploadForm, PhotoForm
from .models import Album, Folder, Photo
from .utils import (
    b64decode_cookie, derived_path, file_chunks, new_device_token, owned_album, owned_photo,
    photo_path,
)

log = logging.getLogger("pixelshelf.views")

DEFAULT_LAYOUT = {"columns": 4, "show_captions": True}
DEVICE_COOKIE_AGE = int(timedelta(days=90).total_seconds())


def index(request):
    albums = Album.objects.filter(is_public=True).order_by("-created")[:24]
    return render(request, "pixelshelf/index.html", {"albums": albums})


def album_detail(request, album_id):
    album = get_object_or_404(Album, pk=album_id)
    if not album.is_public and album.pk not in request.session.get("unlocked_albums", []):
        return HttpResponseForbidden("This album is private.")
    return render(request, "pixelshelf/album.html", {"album": album, "photos": album.photos.all()})


class AlbumCreateView(LoginRequiredMixin, CreateView):
    model = Album
    form_class = AlbumForm
    template_name = "pixelshelf/album_form.html"

    def form_valid(self, form):
        form.instance.owner = self.request.user
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("album", kwargs={"album_id": self.object.pk})


class PhotoDetailView(DetailView):
    model = Photo
    template_name = "pixelshelf/photo.html"
    context_object_name = "photo"

    def get_queryset(self):
        return Photo.objects.select_related("album").filter(album__is_public=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        Photo.objects.filter(pk=self.object.pk).update(views=F("views") + 1)
        context["siblings"] = self.object.album.photos.exclude(pk=self.object.pk)[:8]
        return context


def album_json(request, album_id):
    album = get_object_or_404(Album, pk=album_id, is_public=True)
    photos = list(album.photos.values("id", "title", "camera", "taken_at"))
    return JsonResponse({"album": album.title, "photos": photos})


# --- search -------------------------------------------------------------

def search_photos(request):
    q = request.GET.get("q", "").strip()
    photos = Photo.objects.raw(
        "SELECT * FROM pixelshelf_photo WHERE strpos(lower(title), lower('%s')) > 0 ORDER BY taken_at DESC LIMIT 100" % q
    )
    return render(request, "pixelshelf/search.html", {"photos": photos, "q": q})


def search_tags(request):
    tag = request.GET.get("tag", "").strip()
    photos = Photo.objects.raw(
        "SELECT p.* FROM pixelshelf_photo p JOIN pixelshelf_tag t ON t.photo_id = p.id "
        "WHERE t.name = %s ORDER BY p.taken_at DESC LIMIT 100",
        [tag],
    )
    return render(request, "pixelshelf/search.html", {"photos": photos, "q": tag})


# --- editing ------------------------------------------------------------

@login_required
@require_POST
def rotate_photo(request, photo_id):
    photo = owned_photo(request, photo_id)
    angle = request.POST.get("angle", "90")
    tools.run_shell(f"mogrify -rotate {angle} {shlex.quote(photo_path(photo))}")
    return JsonResponse({"ok": True})


@login_required
@require_POST
def resize_photo(request, photo_id):
    photo = owned_photo(request, photo_id)
    try:
        width = int(request.POST.get("width", "1600"))
    except ValueError:
        return HttpResponseBadRequest("width must be a number")
    tools.run_shell(f"mogrify -resize {width}x {shlex.quote(photo_path(photo))}")
    return JsonResponse({"ok": True})


@login_required
@require_POST
def watermark(request, photo_id):
    photo = owned_photo(request, photo_id)
    text = request.POST.get("text", "(c) pixelshelf")
    src = photo_path(photo)
    dst = derived_path(photo, "wm.jpg")
    tools.magick("%s -gravity southeast -annotate +10+10 '%s' %s" % (shlex.quote(src), text, shlex.quote(dst)))
    return JsonResponse({"ok": True, "file": os.path.basename(dst)})


@login_required
@require_POST
def caption_overlay(request, photo_id):
    photo = owned_photo(request, photo_id)
    text = request.POST.get("text", "")
    src = photo_path(photo)
    dst = derived_path(photo, "cap.jpg")
    tools.magick("%s -gravity north -annotate +0+10 %s %s" % (shlex.quote(src), shlex.quote(text), shlex.quote(dst)))
    return JsonResponse({"ok": True, "file": os.path.basename(dst)})


@login_required
def extract_frame(request, photo_id):
    photo = owned_photo(request, photo_id)
    at = request.GET.get("t", "00:00:01")
    out = derived_path(photo, "frame.jpg")
    tools.frame_at(photo_path(photo), at, out)
    return FileResponse(open(out, "rb"), content_type="image/jpeg")


@login_required
def video_poster(request, photo_id):
    photo = owned_photo(request, photo_id)
    at = request.GET.get("t", "00:00:01")
    out = derived_path(photo, "poster.jpg")
    tools.poster_frame(photo_path(photo), at, out)
    return FileResponse(open(out, "rb"), content_type="image/jpeg")


# --- files --------------------------------------------------------------

def download(request):
    name = request.GET.get("file", "")
    full = os.path.join(settings.MEDIA_ROOT, "photos", name)
    if not os.path.exists(full):
        raise Http404
    return FileResponse(open(full, "rb"), as_attachment=True)


def download_original(request):
    name = os.path.basename(request.GET.get("file", ""))
    root = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "photos"))
    full = os.path.realpath(os.path.join(root, name))
    if not full.startswith(root + os.sep) or not os.path.isfile(full):
        raise Http404
    return FileResponse(open(full, "rb"), as_attachment=True)


@login_required
def import_archive(request):
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return render(request, "pixelshelf/import.html", {"form": form})
    album = form.cleaned_data["album"]
    dest = os.path.join(settings.IMPORT_ROOT, str(album.pk))
    with zipfile.ZipFile(form.cleaned_data["archive"]) as zf:
        written = tools.extract_images(zf, dest)
    log.info("imported %d files into album %s", len(written), album.pk)
    return redirect("album", album_id=album.pk)


@login_required
def import_album(request):
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return render(request, "pixelshelf/import.html", {"form": form})
    album = form.cleaned_data["album"]
    dest = os.path.join(settings.IMPORT_ROOT, str(album.pk))
    with zipfile.ZipFile(form.cleaned_data["archive"]) as zf:
        written = tools.extract_images_flat(zf, dest)
    log.info("imported %d files into album %s", len(written), album.pk)
    return redirect("album", album_id=album.pk)


def stream_video(request, name):
    full = os.path.join(settings.VIDEO_ROOT, name)
    if not os.path.isfile(full):
        raise Http404
    return StreamingHttpResponse(file_chunks(full), content_type="video/mp4")


def stream_clip(request, name):
    full = os.path.join(settings.VIDEO_ROOT, "clips", name + ".mp4")
    if not os.path.isfile(full):
        raise Http404
    return StreamingHttpResponse(file_chunks(full), content_type="video/mp4")


# --- html snippets -------------------------------------------------------

def tag_badge(request):
    tag = request.GET.get("tag", "")
    badge = mark_safe(f'<span class="badge">#{tag}</span>')
    return render(request, "pixelshelf/badge.html", {"badge": badge})


def album_badge(request):
    title = request.GET.get("title", "")
    badge = format_html('<span class="badge album">{}</span>', title)
    return render(request, "pixelshelf/badge.html", {"badge": badge})


def embed_snippet(request):
    name = request.GET.get("img", "")
    snippet = "<img src=/media/photos/%s alt=photo loading=lazy>" % escape(name)
    return HttpResponse(snippet)


def share_snippet(request):
    name = request.GET.get("img", "")
    snippet = '<img src="/media/photos/%s" alt="photo" loading="lazy">' % escape(name)
    return HttpResponse(snippet)


def caption_strip(request):
    html = '<ul class="strip">'
    for caption in request.GET.getlist("caption")[:20]:
        html += "<li>%s</li>" % caption
    html += "</ul>"
    return HttpResponse(html)


def album_card(request):
    context = {"title": request.GET.get("title", ""), "count": Album.objects.count()}
    return HttpResponse(render_to_string("pixelshelf/card.html", context, request=request))


# --- preferences ---------------------------------------------------------

def restore_layout(request):
    raw = request.COOKIES.get("pxs_layout")
    layout = dict(DEFAULT_LAYOUT)
    if raw:
        try:
            layout.update(pickle.loads(b64decode_cookie(raw)))
        except Exception:
            log.info("ignoring unreadable layout cookie")
    return JsonResponse({"layout": layout})


def restore_filters(request):
    raw = request.COOKIES.get("pxs_filters")
    filters = {}
    if raw:
        try:
            filters = json.loads(b64decode_cookie(raw))
        except ValueError:
            log.info("ignoring unreadable filters cookie")
    return JsonResponse({"filters": filters if isinstance(filters, dict) else {}})


# --- uploads and redirects ----------------------------------------------

@login_required
def after_upload(request):
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        photo = form.save(commit=False)
        photo.uploaded_by = request.user.pk
        photo.save()
        if "next" in request.GET:
            return redirect(request.GET["next"])
        return redirect("album", album_id=photo.album_id)
    return render(request, "pixelshelf/upload.html", {"form": form})


@login_required
@require_POST
def after_delete(request, photo_id):
    photo = owned_photo(request, photo_id)
    album_id = photo.album_id
    photo.delete()
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("album", album_id=album_id)


# --- sharing ------------------------------------------------------------

@require_POST
def unlock_album(request, album_id):
    album = get_object_or_404(Album, pk=album_id)
    if not album.share_password or not check_password(request.POST.get("password", ""), album.share_password):
        return HttpResponseForbidden("Wrong password")
    unlocked = request.session.get("unlocked_albums", [])
    unlocked.append(int(request.POST.get("album", album_id)))
    request.session["unlocked_albums"] = unlocked
    return redirect("album", album_id=album_id)


@require_POST
def unlock_share(request, album_id):
    album = get_object_or_404(Album, pk=album_id)
    if not album.share_password or not check_password(request.POST.get("password", ""), album.share_password):
        return HttpResponseForbidden("Wrong password")
    unlocked = request.session.get("unlocked_albums", [])
    unlocked.append(album.pk)
    request.session["unlocked_albums"] = unlocked
    return redirect("album", album_id=album.pk)


def claim_uploads(request):
    """Lets someone who uploaded anonymously keep editing their photos."""
    uploader = request.COOKIES.get("pxs_uploader")
    if uploader:
        request.session["uploader_id"] = uploader
    return JsonResponse({"claimed": bool(uploader)})


@require_POST
def rename_anonymous_upload(request, photo_id):
    photo = get_object_or_404(Photo, pk=photo_id)
    if str(photo.uploaded_by) != str(request.session.get("uploader_id")):
        return HttpResponseForbidden("Not your upload")
    photo.title = request.POST.get("title", "")[:200]
    photo.save(update_fields=["title"])
    return JsonResponse({"ok": True, "title": photo.title})


@login_required
def start_upload_session(request):
    uploader = request.COOKIES.get("pxs_uploader")
    if uploader:
        request.session["uploader_id"] = request.user.pk
    return JsonResponse({"claimed": bool(uploader)})


@login_required
@require_POST
def protect_album(request, album_id):
    import hashlib

    album = owned_album(request, album_id)
    password = request.POST.get("password", "")
    album.share_password = "md5$$" + hashlib.md5(password.encode()).hexdigest()
    album.save(update_fields=["share_password"])
    return JsonResponse({"ok": True})


@login_required
@require_POST
def protect_folder(request, folder_id):
    folder = get_object_or_404(Folder, pk=folder_id, owner=request.user)
    password = request.POST.get("password", "")
    folder.password_hash = make_password(password)
    folder.save(update_fields=["password_hash"])
    return JsonResponse({"ok": True})


@login_required
def remember_device(request):
    """Skip the second sign-in factor on this device for 90 days."""
    response = JsonResponse({"ok": True})
    response.set_cookie("pxs_device", new_device_token(), max_age=DEVICE_COOKIE_AGE)
    return response


@login_required
def trust_device(request):
    """Skip the second sign-in factor on this device for 90 days."""
    response = JsonResponse({"ok": True})
    response.set_cookie("pxs_device", new_device_token(), max_age=DEVICE_COOKIE_AGE, secure=True, httponly=True, samesite="Strict")
    return response
