"""The shared blocks refuse incomplete content and render accessibly."""

from django.core.exceptions import ValidationError
from django.test import TestCase

from wagtail.blocks.struct_block import StructBlockValidationError

import wagtail_factories

from home.blocks import ImageBlock, LinkBlock, TableBlock
from tests.factories import make_site


class ImageBlockTests(TestCase):
    def test_images_need_alternative_text(self):
        block = ImageBlock()
        image = wagtail_factories.ImageFactory()
        with self.assertRaises(StructBlockValidationError) as raised:
            block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
        self.assertIn("alt_text", raised.exception.block_errors)

    def test_image_renders_with_its_alternative_text(self):
        block = ImageBlock()
        image = wagtail_factories.ImageFactory()
        html = block.render(
            block.to_python(
                {"image": image.pk, "alt_text": "Solar panels on a school roof", "caption": ""}
            )
        )
        self.assertIn('alt="Solar panels on a school roof"', html)
        self.assertIn('loading="lazy"', html)


class LinkBlockTests(TestCase):
    def test_a_link_needs_exactly_one_destination(self):
        block = LinkBlock()
        home = make_site()
        for value in (
            {"label": "Nowhere", "page": None, "external_url": ""},
            {"label": "Both", "page": home.pk, "external_url": "https://example.org"},
        ):
            with self.subTest(value=value["label"]), self.assertRaises(ValidationError):
                block.clean(block.to_python(value))

    def test_links_to_other_sites_need_link_text(self):
        block = LinkBlock()
        with self.assertRaises(StructBlockValidationError) as raised:
            block.clean(
                block.to_python({"label": "", "page": None, "external_url": "https://example.org"})
            )
        self.assertIn("label", raised.exception.block_errors)


class TableBlockTests(TestCase):
    def value(self, rows):
        return {
            "caption": "Members by region",
            "column_headings": ["Region", "Members"],
            "rows": rows,
            "first_column_is_header": True,
        }

    def test_rows_must_match_the_columns(self):
        block = TableBlock()
        with self.assertRaises(StructBlockValidationError) as raised:
            block.clean(block.to_python(self.value([["Asia", "10", "extra"]])))
        self.assertIn("Row 1 has 3 cells", str(raised.exception.block_errors["rows"]))

    def test_table_has_a_caption_and_scoped_headers(self):
        block = TableBlock()
        html = block.render(block.to_python(self.value([["Asia", "10"], ["Europe", "12"]])))
        self.assertIn("<caption>Members by region</caption>", html)
        self.assertIn('<th scope="col">Region</th>', html)
        self.assertIn('<th scope="row">Europe</th>', html)
        self.assertIn("<td>12</td>", html)


class ResponsiveImageTests(TestCase):
    def setUp(self):
        # Wagtail caches renditions by image id; ids are reused after each test's rollback.
        from django.core.cache import cache

        cache.clear()

    def test_body_images_offer_sizes_and_modern_formats_and_load_lazily(self):
        block = ImageBlock()
        image = wagtail_factories.ImageFactory(
            file__width=2000, file__height=1000, file__filename="wide-tram.jpg"
        )
        html = block.render(
            block.to_python({"image": image.pk, "alt_text": "A tram", "caption": ""})
        )
        self.assertIn("<picture>", html)
        self.assertIn('type="image/webp"', html)
        self.assertRegex(html, r'srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1440w"')
        self.assertIn('loading="lazy"', html)
        self.assertRegex(html, r'<img [^>]*width="\d+"')
        self.assertRegex(html, r'<img [^>]*height="\d+"')
