"""ASGI entry point, for servers that speak ASGI."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from django.core.asgi import get_asgi_application

from home.checks import refuse_to_start_without_shared_cache

application = get_asgi_application()
# Servers run no system checks; this one must stop a start that would split the rate limits.
refuse_to_start_without_shared_cache()
