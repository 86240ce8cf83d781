import os
import psycopg2

conn = psycopg2.connect(host='db', user='app', password=os.environ['DB_PASSWORD'])
