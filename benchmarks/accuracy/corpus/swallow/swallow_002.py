def sync(items):
    for item in items:
        try:
            push(item)
        except Exception:
            continue
