BUNDLED = ("dice", "weather", "quotes", "karma")
