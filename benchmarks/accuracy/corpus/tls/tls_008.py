import httpx

client = httpx.Client(timeout=5)
