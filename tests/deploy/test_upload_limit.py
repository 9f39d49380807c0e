"""nginx lets through every upload the site itself accepts, so editors see the site's own limit."""

import re

from django.conf import settings
from django.test import SimpleTestCase

from tests.subprocesses import ROOT

PROXY_CONF = (ROOT / "deploy/nginx/proxy.conf").read_text()
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def nginx_body_limit() -> int:
    number, unit = re.search(r"^client_max_body_size (\d+)([kmg]?);", PROXY_CONF, re.M).groups()
    return int(number) * UNITS[unit]


class UploadLimitTests(SimpleTestCase):
    def test_nginx_accepts_the_largest_image_wagtail_accepts_with_its_form(self):
        form_around_the_file = 64 * 1024
        self.assertGreaterEqual(
            nginx_body_limit(), settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + form_around_the_file
        )

    def test_nginx_refuses_bodies_far_beyond_anything_the_site_accepts(self):
        self.assertLessEqual(nginx_body_limit(), 2 * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
