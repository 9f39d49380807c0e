"""The lock files install what pyproject.toml asks for: an edit there without `make lock` fails here."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.test import SimpleTestCase

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.subprocesses import ROOT

REQUIREMENTS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUN_DEPENDENCIES = [Requirement(line) for line in PYPROJECT["project"]["dependencies"]]
TEST_DEPENDENCIES = [
    Requirement(line) for line in PYPROJECT["project"]["optional-dependencies"]["test"]
]
UPDATE_HINT = "Run `make lock` and commit requirements/ (README: Dependencies and the lock)."


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: str
    hashes: int
    wanted_by_pyproject: bool


def read_lock(path: Path) -> list[Pin]:
    """Each `name==version ; marker` entry of a uv/pip-tools lock, with its hashes and `via` notes."""
    entries = re.split(r"\n(?=\S)", path.read_text())
    pins = []
    for entry in entries:
        if entry.startswith("#") or not entry.strip():
            continue
        requirement = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\", entry)
        assert requirement, f"{path.name}: an entry is not pinned with ==: {entry.splitlines()[0]}"
        name, version, marker = requirement.groups()
        pins.append(
            Pin(
                name=canonicalize_name(name),
                version=version,
                marker=marker or "",
                hashes=len(re.findall(r"--hash=sha256:[0-9a-f]{64}", entry)),
                wanted_by_pyproject="network-site (pyproject.toml)" in entry,
            )
        )
    return pins


class LockFileTests(SimpleTestCase):
    def assert_lock_satisfies(self, lock: str, dependencies: list[Requirement]) -> None:
        pins = read_lock(REQUIREMENTS / lock)
        by_name = {}
        for pin in pins:
            by_name.setdefault(pin.name, []).append(pin)
        for dependency in dependencies:
            with self.subTest(lock=lock, dependency=str(dependency)):
                found = by_name.get(canonicalize_name(dependency.name))
                self.assertTrue(found, f"{dependency} is not in {lock}. {UPDATE_HINT}")
                for pin in found:
                    self.assertIn(
                        pin.version,
                        dependency.specifier,
                        f"{lock} pins {pin.name}=={pin.version}, outside pyproject's "
                        f"{dependency}. {UPDATE_HINT}",
                    )
        wanted = {canonicalize_name(dependency.name) for dependency in dependencies}
        for pin in pins:
            with self.subTest(lock=lock, pin=pin.name):
                self.assertGreater(pin.hashes, 0, f"{lock}: {pin.name} has no hash")
                if pin.wanted_by_pyproject:
                    self.assertIn(
                        pin.name,
                        wanted,
                        f"{lock} still installs {pin.name} for pyproject.toml, which no longer "
                        f"asks for it. {UPDATE_HINT}",
                    )

    def test_the_run_lock_pins_every_dependency_within_its_range_with_hashes(self):
        self.assert_lock_satisfies("run.txt", RUN_DEPENDENCIES)

    def test_the_test_lock_pins_the_dependencies_and_the_test_extra(self):
        self.assert_lock_satisfies("test.txt", RUN_DEPENDENCIES + TEST_DEPENDENCIES)

    def test_tests_run_on_the_versions_production_installs(self):
        tested = {
            (pin.name, pin.marker): pin.version for pin in read_lock(REQUIREMENTS / "test.txt")
        }
        for pin in read_lock(REQUIREMENTS / "run.txt"):
            with self.subTest(pin=pin.name):
                self.assertEqual(
                    tested.get((pin.name, pin.marker)),
                    pin.version,
                    f"test.txt and run.txt disagree on {pin.name}. {UPDATE_HINT}",
                )

    def test_wagtail_cannot_resolve_to_a_release_without_the_copy_for_translation_fix(self):
        wagtail = next(
            dependency for dependency in RUN_DEPENDENCIES if dependency.name == "wagtail"
        )
        self.assertNotIn("7.4.2", wagtail.specifier)
        self.assertIn("7.4.3", wagtail.specifier)
