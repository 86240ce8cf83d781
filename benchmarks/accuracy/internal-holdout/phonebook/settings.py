# Intranet phone book and timesheets - settings
import os
DB_DSN = "dbname=intranet user=phonebook host=db1.corp.example"
UPLOAD_DIR = "/var/www/phonebook/uploads"
ATTACH_DIR = "/var/www/phonebook/attachments"
ORGCHART_XML = "/var/www/phonebook/data/orgchart.xml"
LDAP_URL = "ldap://ldap.corp.example"
LDAP_BASE = "ou=people,dc=corp,dc=example"
SESSION_SECRET = os.environ.get("PHONEBOOK_SECRET", "")
PRINTERS = ("hq-2f-laser", "hq-3f-color", "warehouse-label")
DEPARTMENTS = ("finance", "hr", "it", "logistics", "sales")
LANGUAGES = ("en", "de", "fr")
