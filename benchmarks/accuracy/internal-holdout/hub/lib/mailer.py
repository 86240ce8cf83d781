"""Templated e-mails sent to partners and staff."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

import jinja2

from hub import config

env = jinja2.Environment(loader=jinja2.FileSystemLoader(config.TEMPLATE_DIR), autoescape=True)


def send(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["To"], msg["From"], msg["Subject"] = to, "hub@corp.example", subject
    msg.set_content(body)
    with smtplib.SMTP("smtp.corp.example") as smtp:
        smtp.send_message(msg)
