import logging


def load(path):
    # ruleid: secsdlc.python.errors.swallowed-exception
    try:
        return open(path).read()
    except:
        pass


def sync(items):
    for item in items:
        # ruleid: secsdlc.python.errors.swallowed-exception
        try:
            push(item)
        except Exception:
            continue


def parse(text):
    # ok: secsdlc.python.errors.swallowed-exception
    try:
        return int(text)
    except ValueError:
        return None


def close(conn):
    # ok: secsdlc.python.errors.swallowed-exception
    try:
        conn.close()
    except Exception:
        logging.exception("close failed")
