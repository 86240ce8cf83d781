"""Password storage, API keys and scanner pairing codes."""

from __future__ import annotations

import hashlib
import os
import random
import time

import bcrypt

PEPPER = os.environ.get("STOCKROOM_PEPPER", "")


def legacy_hash(password: str, salt: str) -> str:
    return hashlib.md5((salt + PEPPER + password).encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode()


def new_api_key() -> str:
    return "%032x" % random.getrandbits(128)


def new_service_key() -> str:
    return "%032x" % random.SystemRandom().getrandbits(128)


def pairing_pin() -> str:
    generator = random.Random(int(time.time()))
    return "".join(str(generator.randint(0, 9)) for _ in range(6))
