import tempfile

def export(data):
    fd, path = tempfile.mkstemp()
    with open(fd, 'w') as fh:
        fh.write(data)
