from django.core.management.base import BaseCommand

from hub.pledges.services import pledge_remind_due


class Command(BaseCommand):
    help = "E-mail the owners of pledges past their end without a final update, once per due date; run daily."

    def handle(self, *args, **options):
        reminded = pledge_remind_due()
        self.stdout.write(f"{reminded} pledge(s) reminded.")
