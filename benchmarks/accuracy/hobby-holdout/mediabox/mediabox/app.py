import logging

import tornado.ioloop
import tornado.web

from . import settings
from .handlers import media, remote, shares


def make_app():
    return tornado.web.Application(
        [
            (r"/thumb/(\d+)", media.ThumbHandler),
            (r"/preview/(\d+)", media.PreviewHandler),
            (r"/poster/(\d+)", media.PosterHandler),
            (r"/frame/(\d+)", media.FrameHandler),
            (r"/raw/(.*)", media.RawHandler),
            (r"/uploads/([\w-]+\.(?:jpg|jpeg|png|mp4|mkv|mp3|flac))", media.UploadsHandler),
            (r"/stream", media.StreamHandler),
            (r"/play", media.PlayHandler),
            (r"/upload", media.UploadHandler),
            (r"/drop", media.DropHandler),
            (r"/share", shares.ShareCreateHandler),
            (r"/share/link", shares.ShareLinkHandler),
            (r"/share/preview", shares.SharePreviewHandler),
            (r"/share/card", shares.ShareCardHandler),
            (r"/s/([\w-]+)", shares.ShareOpenHandler),
            (r"/s/([\w-]+)/enter", shares.ShareEnterHandler),
            (r"/login", shares.LoginHandler),
            (r"/signin", shares.SignInHandler),
            (r"/player/prefs", shares.PlayerPrefsHandler),
            (r"/player/settings", shares.PlayerSettingsHandler),
            (r"/library/search", shares.LibrarySearchHandler),
            (r"/library/find", shares.LibraryFindHandler),
            (r"/fetch", remote.FetchUrlHandler),
            (r"/fetch/archive", remote.FetchArchiveHandler),
            (r"/import", remote.ImportHandler),
            (r"/import/known", remote.ImportKnownHandler),
            (r"/peers/library", remote.PeerListHandler),
            (r"/peers/named", remote.PeerNamedHandler),
            (r"/notify", remote.NotifyHandler),
            (r"/notify/topic", remote.NotifyTopicHandler),
        ],
        cookie_secret=settings.COOKIE_SECRET,
        login_url="/login",
        xsrf_cookies=True,
    )


def main():
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8899)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
