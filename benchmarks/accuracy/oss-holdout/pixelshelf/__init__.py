"""pixelshelf: a self-hosted photo gallery."""
