#!/usr/bin/env python
"""Django's command-line utility for this site."""

import os
import sys
from pathlib import Path

# The settings package lives in site/config; the standard library owns the name `site`,
# so the folder is put on the import path instead of being imported as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
