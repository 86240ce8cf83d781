def close(conn):
    try:
        conn.close()
    except Exception as e:
        pass
