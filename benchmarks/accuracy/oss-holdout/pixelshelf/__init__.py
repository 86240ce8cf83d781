default_app_config = "pixelshelf.apps.PixelshelfConfig"
