"""What a section app's demo part gives the demo site, which puts the parts together."""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class DemoSection:
    """A section's demo content, and where the site's menu and footer link to it."""

    snippets: list = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    menu_links: list[Page] = field(default_factory=list)
    footer_links: list[Page] = field(default_factory=list)
