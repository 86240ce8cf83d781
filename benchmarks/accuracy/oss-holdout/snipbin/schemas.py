from typing import List, Literal, Optional

from pydantic import BaseModel, Field


class PasteIn(BaseModel):
    content: str
    title: str = ""
    language: str = "text"
    expires_in: str = "86400"
    password: Optional[str] = None


class PasteOut(BaseModel):
    id: str
    title: str
    language: str
    url: str


class ExtendRequest(BaseModel):
    expires_in: str


class ImportRequest(BaseModel):
    url: str
    language: str = "text"


class AbuseReport(BaseModel):
    reason: str = Field(max_length=2000)
    contact: Optional[str] = None


class PasteSearch(BaseModel):
    field: str = "title"
    term: str


class UserSearch(BaseModel):
    field: Literal["username", "email"] = "username"
    term: str


class ExportRequest(BaseModel):
    name: str


class PasteBundle(BaseModel):
    pastes: List[PasteIn]
