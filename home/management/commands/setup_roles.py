from django.core.management.base import BaseCommand

from home.services.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or complete the Editors, Moderators and Translators groups and the moderation workflow."

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(sorted(groups))}."))
