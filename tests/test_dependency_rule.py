"""The dependency rule between the apps (README, Layout), checked on the imports in the source.

The kernel (home) imports no other app; a section app (events, membership) imports the kernel
and no other section, except a shared model declared below; the site-wide glue (siteadmin)
imports every app and no app imports it. Imports sit at the top of a module: one inside a
function hides a cycle, so it is allowed only under a comment saying why.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[1]
KERNEL = "home"
SECTIONS = ("events", "membership")
GLUE = "siteadmin"
APP_DIRS = {
    KERNEL: ROOT / "home",
    "events": ROOT / "events",
    "membership": ROOT / "membership",
    GLUE: ROOT / "site" / "siteadmin",
}
# The only models a section takes from another: membership's testimonials and contacts quote a
# person of the events section (events.Person, one snippet for speakers and partners).
SHARED_MODELS = {("membership", "events.models"): {"Person"}}


def modules(app: str) -> Iterator[Path]:
    yield from sorted(APP_DIRS[app].rglob("*.py"))


def imports(path: Path) -> Iterator[tuple[int, str, set[str]]]:
    """(line, module, names) for each import; a relative import counts as its own app's."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, set()
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, {alias.name for alias in node.names}


def imports_inside_functions(path: Path) -> Iterator[tuple[int, str]]:
    """(line, import) for each import inside a function without a comment just above it."""
    lines = path.read_text().splitlines()
    for function in ast.walk(ast.parse("\n".join(lines), filename=str(path))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                above = lines[node.lineno - 2].strip()
                if not above.startswith("#") and "#" not in lines[node.lineno - 1]:
                    yield node.lineno, lines[node.lineno - 1].strip()


def allowed(*, app: str, module: str, names: set[str]) -> bool:
    target = module.split(".")[0]
    if target not in APP_DIRS or target == app or app == GLUE:
        return True
    if target == GLUE or app == KERNEL:
        return False
    if target == KERNEL:
        return True
    return names <= SHARED_MODELS.get((app, module), set()) and bool(names)


def apps_imported_by(app: str) -> set[str]:
    return {
        module.split(".")[0]
        for path in modules(app)
        for _line, module, _names in imports(path)
        if module.split(".")[0] in APP_DIRS
    }


class DependencyRuleTests(SimpleTestCase):
    def test_the_kernel_and_section_apps_import_only_what_the_rule_allows(self):
        broken = [
            f"{path.relative_to(ROOT)}:{line} imports {module} {sorted(names) or ''}".rstrip()
            for app in APP_DIRS
            for path in modules(app)
            for line, module, names in imports(path)
            if not allowed(app=app, module=module, names=names)
        ]
        self.assertEqual(broken, [], "\n".join(broken))

    def test_no_import_inside_a_function_without_a_comment_saying_why(self):
        hidden = [
            f"{path.relative_to(ROOT)}:{line} {statement}"
            for app in APP_DIRS
            for path in modules(app)
            for line, statement in imports_inside_functions(path)
        ]
        self.assertEqual(hidden, [], "\n".join(hidden))

    def test_the_site_wide_glue_is_where_every_app_comes_together(self):
        # The glue finds the sections through their AppConfigs (siteadmin.sections), so it needs
        # to import only the kernel; it may import any app.
        self.assertLessEqual(apps_imported_by(GLUE), set(APP_DIRS))
        self.assertIn(KERNEL, apps_imported_by(GLUE))
        for app in (KERNEL, *SECTIONS):
            with self.subTest(app):
                self.assertNotIn(GLUE, apps_imported_by(app))
                self.assertIn(KERNEL, apps_imported_by(app))

    def test_a_section_taking_anything_but_the_shared_model_from_another_is_caught(self):
        self.assertFalse(allowed(app="membership", module="events.listing", names={"x"}))
        self.assertFalse(allowed(app="membership", module="events.models", names={"EventPage"}))
        self.assertFalse(allowed(app="events", module="membership.models", names={"Contact"}))
        self.assertFalse(allowed(app="home", module="events.models", names={"Person"}))
        self.assertFalse(allowed(app="events", module="siteadmin.roles", names={"x"}))
        self.assertTrue(allowed(app="membership", module="events.models", names={"Person"}))
