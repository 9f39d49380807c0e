"""Development-only demo accounts, one per role, with generated passwords shown to the developer."""

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from home.roles import EDITORS, MODERATORS, TRANSLATORS
from siteadmin.sections import app_teams


def demo_accounts() -> dict[str, str | None]:
    """Username → group (None: superuser): one account per editorial role and per app's team."""
    return {
        "admin": None,
        "editor": EDITORS,
        "moderator": MODERATORS,
        "translator": TRANSLATORS,
        **{team.name.lower(): team.name for team in app_teams()},
    }


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str | None  # None when the account's password was changed since it was made


def credentials_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-accounts.json"


def ensure_demo_accounts() -> list[DemoAccount]:
    """Create the missing demo accounts; passwords are random and kept in a private local file."""
    if not (settings.DEBUG and getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False)):
        raise ImproperlyConfigured(
            "Demo accounts exist only in development (config.settings.dev); refusing to create them."
        )
    path = credentials_file()
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    user_model = get_user_model()
    accounts = []
    for username, group_name in demo_accounts().items():
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@example.com",
                password=password,
                is_staff=group_name is None,
                is_superuser=group_name is None,
                first_name=username.capitalize(),
                last_name="(demo)",
            )
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            stored[username] = password
        password = stored.get(username)
        if password is not None and not user.check_password(password):
            password = None
        accounts.append(
            DemoAccount(username=username, role=group_name or "Superuser", password=password)
        )

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stored, indent=2))
    os.chmod(path, 0o600)
    return accounts
