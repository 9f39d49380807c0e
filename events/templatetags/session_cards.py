"""A session's card, time range and status as the programme and session pages show them."""

# Written in Python rather than as included templates: a 100-session programme rendered the
# three includes a hundred times, a third of the page's render. The markup (whitespace too)
# is what the templates wrote, so pages and caches downstream see the same bytes.

import html
from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from events.programme import SessionEntry

register = template.Library()


def esc(value) -> str:
    """What the template engine writes for a value: escaped unless already safe HTML."""
    # django.utils.html.conditional_escape, without its lazy-string wrapper (a tenth of the
    # card's cost at this count).
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


@dataclass(frozen=True)
class StatusLabels:
    """The status block's words in the active language, translated once per page."""

    upcoming: str
    live: str
    watch_live: str
    ended: str
    watch_recording: str
    recording_follows: str


def _labels(context) -> StatusLabels:
    # Kept for the whole render: the programme asks for them once per session.
    state = context.render_context
    if StatusLabels not in state:
        state[StatusLabels] = StatusLabels(
            upcoming=esc(gettext("Upcoming")),
            live=esc(gettext("Live now")),
            watch_live=esc(gettext("Watch live")),
            ended=esc(gettext("Ended")),
            watch_recording=esc(gettext("Watch the recording")),
            recording_follows=esc(gettext("The recording will follow.")),
        )
    return state[StatusLabels]


def _hidden(entry: SessionEntry, state: str) -> str:
    return "" if entry.status == state else " hidden"


def time_range_html(entry: SessionEntry) -> str:
    start, end = entry.start, entry.end
    return (
        f'<span class="time-range"><time datetime="{esc(start.iso)}" data-local-time>'
        f"{esc(start.time)}</time>–<time\n"
        f'    datetime="{esc(end.iso)}" data-local-time>{esc(end.time)}</time></span>\n'
    )


def session_status_html(entry: SessionEntry, labels: StatusLabels) -> str:
    # All three states are in the page; the visitor's clock picks one when scripts run, so
    # cached pages stay right.
    session = entry.session
    title = esc(session.title)
    live = ""
    if session.live_stream_url:
        live = (
            f'<a class="button button--small" href="{esc(session.live_stream_url)}" '
            f'rel="noopener">{labels.watch_live}<span class="visually-hidden">: {title}</span></a>'
        )
    if session.recording_url:
        recording = (
            f'\n            <a class="button button--small" href="{esc(session.recording_url)}" '
            f'rel="noopener">{labels.watch_recording}<span class="visually-hidden">: {title}'
            "</span></a>\n        "
        )
    else:
        recording = f'\n            <span class="muted">{labels.recording_follows}</span>\n        '
    return (
        "\n\n"
        f'<div class="session-status" data-session-status data-start="{esc(entry.start_utc)}" '
        f'data-end="{esc(entry.end_utc)}">\n'
        '    <p class="session-status__state session-status__state--upcoming"'
        f'{_hidden(entry, "upcoming")} data-state="upcoming">\n'
        f'        <span class="badge">{labels.upcoming}</span>\n'
        "    </p>\n"
        '    <p class="session-status__state session-status__state--live"'
        f'{_hidden(entry, "live")} data-state="live">\n'
        f'        <span class="badge badge--live">{labels.live}</span>\n'
        f"        {live}\n"
        "    </p>\n"
        '    <p class="session-status__state session-status__state--ended"'
        f'{_hidden(entry, "ended")} data-state="ended">\n'
        f'        <span class="badge badge--ended">{labels.ended}</span>\n'
        f"        {recording}\n"
        "    </p>\n"
        "</div>\n"
    )


def _people_html(entry: SessionEntry) -> str:
    if not entry.people:
        return ""
    items = []
    for part in entry.people:
        person = part.person
        role = f", {esc(person.role)}" if person.role else ""
        items.append(
            "\n                <li>\n"
            f'                    <span class="person-name">{esc(person.name)}</span>{role}\n'
            f'                    <span class="muted">({esc(part.role_label)})</span>\n'
            "                </li>\n            "
        )
    return (
        '\n        <ul class="session-card__people">\n            '
        + "".join(items)
        + "\n        </ul>\n    "
    )


def session_card_html(entry: SessionEntry, labels: StatusLabels) -> str:
    session = entry.session
    return (
        "\n"
        f'<article class="session-card session-card--{esc(session.kind)}">\n'
        f'    <p class="session-card__time">{time_range_html(entry)}</p>\n'
        f'    <h4 class="session-card__title"><a href="{esc(entry.url)}">{esc(session.title)}'
        "</a></h4>\n"
        f'    <p class="session-card__kind">{esc(entry.kind_label)}</p>\n'
        f"    {_people_html(entry)}\n"
        f"    {session_status_html(entry, labels)}\n"
        "</article>\n"
    )


@register.simple_tag(takes_context=True)
def session_card(context, entry: SessionEntry) -> SafeString:
    """A session in the programme: time, title, kind, people and status."""
    return mark_safe(session_card_html(entry, _labels(context)))  # noqa: S308 (escaped above)


@register.simple_tag(takes_context=True)
def session_status(context, entry: SessionEntry) -> SafeString:
    """Upcoming, live or ended, with the stream or the recording."""
    return mark_safe(session_status_html(entry, _labels(context)))  # noqa: S308 (escaped above)


@register.simple_tag
def time_range(entry: SessionEntry) -> SafeString:
    """A session's start and end in the shown zone, each marked up for the visitor's own zone."""
    return mark_safe(time_range_html(entry))  # noqa: S308 (escaped above)
