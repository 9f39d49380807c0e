"""Who may do what: one table of roles and actions, checked against the real permissions."""

from django.test import TestCase

from membership.roles import MEMBERSHIP
from siteadmin.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import (
    FooterFactory,
    StandardPageFactory,
    build_membership_section,
    make_site,
    translate,
    users_in_roles,
)

Y, N = True, False
# action:                  edit EN, edit JA, publish EN, publish JA, EN snippet, JA snippet, settings, applications
MATRIX = {
    EDITORS: (Y, Y, N, N, Y, Y, N, N),
    MODERATORS: (Y, Y, Y, Y, Y, Y, N, N),
    TRANSLATORS: (N, Y, N, N, N, Y, N, N),
    MEMBERSHIP: (N, N, N, N, N, N, N, Y),
}
ACTIONS = (
    "edit EN page",
    "edit JA page",
    "publish EN page",
    "publish JA page",
    "edit EN snippet",
    "edit JA snippet",
    "change site settings",
    "read applications",
)


class PermissionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site(japanese=True)
        cls.page = StandardPageFactory(parent=home, slug="about")
        _snippets, pages = build_membership_section(home)
        cls.form_page = pages[-1]
        cls.page_ja = translate(cls.page)
        cls.footer = FooterFactory()
        cls.footer_ja = translate(cls.footer, organisation_name="テスト")
        cls.users = users_in_roles(*MATRIX)

    def can(self, user, action: str) -> bool:
        self.client.force_login(user)
        snippet_url = "/admin/snippets/home/footer/edit/{}/"
        checks = {
            "edit EN page": lambda: self.page.permissions_for_user(user).can_edit(),
            "edit JA page": lambda: self.page_ja.permissions_for_user(user).can_edit(),
            "publish EN page": lambda: self.page.permissions_for_user(user).can_publish(),
            "publish JA page": lambda: self.page_ja.permissions_for_user(user).can_publish(),
            "edit EN snippet": lambda: (
                self.client.get(snippet_url.format(self.footer.pk)).status_code == 200
            ),
            "edit JA snippet": lambda: (
                self.client.get(snippet_url.format(self.footer_ja.pk)).status_code == 200
            ),
            "change site settings": lambda: (
                self.client.get("/admin/settings/home/sharingsettings/").status_code == 200
            ),
            "read applications": lambda: self.client.get("/admin/applications/").status_code == 200,
        }
        return checks[action]()

    def test_each_role_can_do_exactly_what_the_matrix_says(self):
        for role, expected in MATRIX.items():
            for action, allowed in zip(ACTIONS, expected, strict=True):
                with self.subTest(role=role, action=action):
                    self.assertEqual(self.can(self.users[role], action), allowed)
