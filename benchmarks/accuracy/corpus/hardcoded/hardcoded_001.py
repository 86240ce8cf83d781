import psycopg2

conn = psycopg2.connect(host='db', user='app', password='S3cr3t-Pa55')
