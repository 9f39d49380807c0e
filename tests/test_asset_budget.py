"""The site's own CSS and JavaScript stay small and self-hosted."""

import gzip
import re
from pathlib import Path

from django.test import SimpleTestCase

STATIC = Path(__file__).resolve().parents[1] / "static"
BUDGET_BYTES = 50 * 1024


class AssetBudgetTests(SimpleTestCase):
    def assets(self) -> list[Path]:
        return sorted([*STATIC.glob("css/*.css"), *STATIC.glob("js/*.js")])

    def test_css_and_js_together_are_under_50_kb_compressed(self):
        total = sum(
            len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in self.assets()
        )
        self.assertLess(total, BUDGET_BYTES, f"{total} bytes compressed")

    def test_nothing_is_fetched_from_another_site(self):
        for path in self.assets():
            with self.subTest(asset=path.name):
                self.assertIsNone(
                    re.search(
                        r"url\(\s*['\"]?(https?:)?//|@import|https?://(?!www\.youtube-nocookie\.com|player\.vimeo\.com)",
                        path.read_text(),
                    )
                )
