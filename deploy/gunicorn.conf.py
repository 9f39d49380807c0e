"""gunicorn for the site, behind nginx (deploy/nginx/): `gunicorn -c deploy/gunicorn.conf.py`."""

import os
from pathlib import Path

# The code runs from the checkout: site/ holds the config package (see README, Layout).
chdir = str(Path(__file__).resolve().parents[1] / "site")
wsgi_app = "config.wsgi:application"

# Only nginx on the same machine talks to gunicorn; never a bare public address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# WEB_CONCURRENCY is also what the site reads to insist on a shared cache (REDIS_URL).
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))

# Sync workers: nginx reads each request whole before passing it on and takes each response
# whole, so a worker is busy only while Django works, never while a slow visitor sends or reads
# (tests/deploy/test_slow_clients.py shows ten slow uploads leave a page under a second).
worker_class = "sync"
# A request still running after this is killed (nginx waits longer, then answers 502).
timeout = 30
graceful_timeout = 30
keepalive = 2
# Recycle workers now and then, staggered, so a slow leak never takes the site down.
max_requests = 1000
max_requests_jitter = 100

# Refuse oversized request lines and headers before Django sees them (8 KB, as nginx does).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# nginx's X-Forwarded-Proto is trusted from the local machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The management socket is unused, and several instances on one machine would share its path.
control_socket_disable = True

accesslog = "-"
# The visitor's address as nginx saw it, the request, status, size and time taken.
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
