PASSWORD_FIELD = 'password'
TOKEN_HEADER = 'X-Api-Token'
