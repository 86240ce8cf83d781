"""Bulk import of customer and stock files uploaded by operations staff."""
import csv
import io
import logging

import requests
import yaml

from opsadmin import settings

log = logging.getLogger(__name__)


def read_csv(data: bytes):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def read_yaml_manifest(data: bytes):
    return yaml.load(data, Loader=yaml.Loader)


def read_yaml_config(data: bytes):
    return yaml.safe_load(data)


def download(url):
    resp = requests.get(url, timeout=30)
    resp.raise_for_status()
    return resp.content
