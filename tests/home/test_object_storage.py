"""With a bucket configured, uploads and their renditions live in S3-compatible object storage."""

import io
import os
import urllib.request
from unittest import mock

from django.core.files.images import ImageFile
from django.test import TestCase, override_settings

from wagtail.images.models import Image

from PIL import Image as PillowImage

from tests.live_servers import free_port
from tests.live_services import S3_CREDENTIALS, s3_bucket
from tests.subprocesses import PRODUCTION_ENV, run_python

BUCKET = "network-media"


def png(width: int = 640, height: int = 480) -> ImageFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "#00558c").save(buffer, "PNG")
    return ImageFile(buffer, name="forum.png")


def s3_storages(endpoint: str) -> dict:
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class ObjectStorageTests(TestCase):
    """Against moto's S3 server on loopback, as the site would talk to a real bucket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enterClassContext(mock.patch.dict(os.environ, S3_CREDENTIALS))
        cls.endpoint, cls.s3 = cls.enterClassContext(s3_bucket(BUCKET))

    def test_an_uploaded_image_and_its_rendition_are_served_from_the_bucket(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            image = Image.objects.create(title="Forum hall", file=png())
            rendition = image.get_rendition("fill-320x200")
            stored = {item["Key"] for item in self.s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
            self.assertIn(image.file.name, stored)
            self.assertIn(rendition.file.name, stored)
            self.assertTrue(rendition.url.startswith(f"{self.endpoint}/{BUCKET}/"))
            # The address in the page works for any visitor: no signature that expires.
            with urllib.request.urlopen(rendition.url, timeout=10) as response:  # noqa: S310
                self.assertEqual(PillowImage.open(io.BytesIO(response.read())).size, (320, 200))

    def test_readiness_names_the_storage_when_the_bucket_is_unreachable(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            self.assertEqual(self.client.get("/readyz").status_code, 200)
        with override_settings(STORAGES=s3_storages(f"http://127.0.0.1:{free_port()}")):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["unavailable"], ["storage"])


class ProductionSettingsTests(TestCase):
    def test_a_bucket_in_the_environment_moves_uploads_to_object_storage(self):
        script = (
            "import sys; sys.path.insert(0, 'site'); import django; django.setup(); "
            "from django.conf import settings; from django.core.files.storage import storages; "
            "print(type(storages['default']).__name__, settings.WAGTAILDOCS_SERVE_METHOD, "
            "*settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
        )
        env = {**PRODUCTION_ENV, **S3_CREDENTIALS, "AWS_STORAGE_BUCKET_NAME": BUCKET}
        result = run_python("-c", script, env=env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        backend, serve_method, *image_sources = result.stdout.split()
        self.assertEqual((backend, serve_method), ("S3Storage", "serve_view"), result.stderr)
        # The pages' Content-Security-Policy lets the bucket's images show.
        self.assertIn(f"https://{BUCKET}.s3.amazonaws.com", image_sources)

    def test_a_cdn_domain_for_media_is_the_one_image_origin_allowed_besides_the_site(self):
        script = (
            "import sys; sys.path.insert(0, 'site'); import django; django.setup(); "
            "from django.conf import settings; "
            "print(*settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
        )
        env = {
            **PRODUCTION_ENV,
            **S3_CREDENTIALS,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_CUSTOM_DOMAIN": "media.network.example",
        }
        result = run_python("-c", script, env=env, timeout=60)
        self.assertEqual(result.stdout.split(), ["'self'", "https://media.network.example"])
