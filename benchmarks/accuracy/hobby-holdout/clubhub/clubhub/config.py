"""Configuration via environment variables (pydantic-settings)."""

from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "sqlite:///./clubhub.db"
    ldap_url: str = "ldaps://directory.school.example"
    ldap_base: str = "ou=people,dc=school,dc=example"
    ldap_groups_base: str = "ou=groups,dc=school,dc=example"
    ldap_bind_dn: str = "cn=clubhub,ou=services,dc=school,dc=example"
    ldap_bind_password: str = ""
    sis_export_path: str = "/srv/clubhub/sis/students.xml"
    session_secret: str = "change-me"
    calendar_name: str = "Chess & Robotics Club"

    class Config:
        env_prefix = "CLUBHUB_"


@lru_cache
def get_settings() -> Settings:
    return Settings()
