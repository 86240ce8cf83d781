API_KEY = 'AKIA1234567890ABCDEF'

def headers():
    return {'Authorization': API_KEY}
