from datetime import datetime
from enum import Enum
from typing import Optional

from pydantic import BaseModel, Field


class Category(str, Enum):
    meeting = "meeting"
    tournament = "tournament"
    workshop = "workshop"
    social = "social"


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class RegisterIn(BaseModel):
    username: str = Field(min_length=3, max_length=64)
    full_name: str
    email: str
    password: str = Field(min_length=8, max_length=256)


class PinIn(BaseModel):
    member_id: int
    pin: str = Field(min_length=4, max_length=8)


class ClubSwitch(BaseModel):
    club: str


class EventOut(BaseModel):
    id: int
    title: str
    starts: datetime
    category: Category
    location: Optional[str] = None
