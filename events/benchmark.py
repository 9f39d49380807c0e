"""Synthetic events of a chosen size, for the query-count test and the render benchmark."""

from datetime import datetime, timedelta

from events.models import EventPage, Person, SessionPage, SessionPerson

ROLES = [SessionPerson.Role.SPEAKER, SessionPerson.Role.MODERATOR, SessionPerson.Role.RAPPORTEUR]


def build_event_with_sessions(*, index, sessions: int, slug: str, photo=None) -> EventPage:
    """An event with `sessions` sessions (two in parallel each hour), each with three people."""
    event = EventPage(
        title=f"Benchmark forum ({sessions} sessions)",
        slug=slug,
        summary="A synthetic event for measuring render cost.",
        start_date=datetime(2030, 1, 1).date(),
        end_date=datetime(2030, 1, 1).date() + timedelta(days=sessions // 16 + 1),
        time_zone="America/New_York",
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    start = datetime.fromisoformat("2030-01-01T08:00:00-05:00")
    for number in range(sessions):
        begins = start + timedelta(days=number // 16, hours=(number % 16) // 2)
        session = SessionPage(
            title=f"Session {number + 1}",
            slug=f"session-{number + 1}",
            start=begins,
            end=begins + timedelta(minutes=50),
            kind=SessionPage.Kind.PARALLEL if number % 2 else SessionPage.Kind.PLENARY,
            description="<p>A session.</p>",
            live_stream_url="https://stream.example.org/live",
        )
        session.people = [
            SessionPerson(
                person=Person.objects.create(
                    locale=event.locale, name=f"PERSON {number}-{part}", role="Mayor", photo=photo
                ),
                role=ROLES[part],
                sort_order=part,
            )
            for part in range(3)
        ]
        event.add_child(instance=session)
        session.save_revision().publish()
    return event
