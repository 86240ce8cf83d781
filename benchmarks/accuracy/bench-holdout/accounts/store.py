"""User records; a thin layer over the accounts database."""
import hashlib
import os
import sqlite3

DB_PATH = "/var/lib/accounts/users.db"


class UserStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)

    def get(self, username: str):
        return self.conn.execute(
            "SELECT id, username, pw_hash, is_admin FROM users WHERE username = ?", (username,)
        ).fetchone()

    def save_hash(self, username: str, pw_hash: str) -> None:
        self.conn.execute("UPDATE users SET pw_hash = ? WHERE username = ?", (pw_hash, username))
        self.conn.commit()

    def set_password_legacy(self, username: str, password: str) -> None:
        salt = os.urandom(8).hex()
        digest = hashlib.sha1((salt + password).encode()).hexdigest()
        self.save_hash(username, f"sha1${salt}${digest}")

    def set_password(self, username: str, password: str) -> None:
        salt = os.urandom(16)
        digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
        self.save_hash(username, f"scrypt${salt.hex()}${digest.hex()}")

    def account_ids(self, username: str) -> list[str]:
        rows = self.conn.execute("SELECT account_id FROM memberships WHERE username = ?", (username,))
        return [r[0] for r in rows]
