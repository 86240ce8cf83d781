def export(data):
    with open('/tmp/export.csv', 'w') as fh:
        fh.write(data)
