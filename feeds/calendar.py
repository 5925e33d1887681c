"""Study days as iCalendar events (RFC 5545), for the agendas of the people who attend them.

Only the study days an anonymous visitor may open: a calendar address is shared and fetched without cookies.
"""

import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from django.db.models import Q
from django.utils import timezone

from studydays.models import StudyDayPage

PRODID = "-//Pôle ESS de la région nantaise//Centre de ressources//FR"
# Times in a programme are wall-clock times in Nantes: events carry that zone, described by a VTIMEZONE.
ZONE = ZoneInfo("Europe/Paris")


def public_study_days(upcoming=False):
    """Live study days nobody needs to sign in for, oldest first; `upcoming`: those not over yet."""
    days = StudyDayPage.objects.live().public().prefetch_related("poles", "themes").order_by("date", "pk")
    if upcoming:
        today = timezone.localdate()
        days = days.filter(Q(end_date__gte=today) | Q(end_date__isnull=True, date__gte=today))
    return days


def calendar(name, days, origin, host):
    """A VCALENDAR named `name` with one VEVENT per study day; `origin` ("https://host") makes URLs absolute."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    events = [study_day_event(day, origin, host) for day in days if day.date]
    for event in events:
        cal.add_component(event)
    timed = [event.decoded("dtstart") for event in events if isinstance(event.decoded("dtstart"), datetime.datetime)]
    if timed:
        # A VTIMEZONE for the years the events span, not the 68 years icalendar writes by default.
        first = datetime.date(min(timed).year, 1, 1)
        last = datetime.date(max(timed).year + 1, 1, 1)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def study_day_event(day, origin, host):
    """One VEVENT: all-day dates (DTEND the day after the last), or the programme's hours on a single day."""
    url = urljoin(origin, day.get_url())
    event = Event()
    event.add("uid", f"{day.search_source}@{host}")
    event.add("dtstamp", day.last_published_at or timezone.now())
    start, end = event_span(day)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", day.title)
    if day.venue:
        event.add("location", day.venue)
    event.add("description", "\n\n".join(filter(None, [day.summary, url])))
    event.add("url", url)
    categories = [pole.name for pole in day.poles.all()] + [theme.name for theme in day.themes.all()]
    if categories:
        event.add("categories", categories)
    return event


def event_span(day):
    """(start, end) of the event: datetimes in Europe/Paris when a single day's sessions give hours, else dates."""
    last = day.end_date or day.date
    hours = session_hours(day) if last == day.date else None
    if hours:
        opening, closing = hours
        return (
            datetime.datetime.combine(day.date, opening, tzinfo=ZONE),
            datetime.datetime.combine(day.date, closing, tzinfo=ZONE),
        )
    return day.date, last + datetime.timedelta(days=1)


def session_hours(day):
    """(first start, last end) of the sessions held on the day; None unless the last session's end is known.

    Read from the stored programme, so that building a calendar loads no speaker and no document.
    """
    starts, ends = [], []
    for session in day.programme.raw_data:
        if session.get("type") != "session":
            continue
        value = session.get("value") or {}
        if value.get("day") and value["day"] != day.date.isoformat():
            continue
        starts += _times(value.get("start_time"))
        ends += _times(value.get("end_time"))
    if not starts or not ends or max(ends) <= max(starts):
        return None
    return min(starts), max(ends)


def _times(value):
    try:
        return [datetime.time.fromisoformat(value)] if value else []
    except (TypeError, ValueError):
        return []
