from django.apps import AppConfig


class PixelshelfConfig(AppConfig):
    name = "pixelshelf"
    verbose_name = "Pixelshelf gallery"
