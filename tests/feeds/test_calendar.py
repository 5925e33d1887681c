"""Study days in agendas: the .ics of every public study day and of each one, read back by icalendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.urls import reverse

from studydays.models import StudyDayPage

from .conftest import ANGERS_DAYS, MEMBERS_DAY, NANTES_DAY, TIMED_DAY, TODAY, UPCOMING

pytestmark = pytest.mark.django_db


def read_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_holds_every_public_study_day_past_and_upcoming(client):
    calendar = read_calendar(client, reverse("feeds:study_days_calendar"))
    assert set(events(calendar)) == {UPCOMING, NANTES_DAY, ANGERS_DAYS, TIMED_DAY}
    assert str(calendar["version"]) == "2.0" and "ESS" in str(calendar["prodid"])
    assert str(calendar["x-wr-calname"]).startswith("Journées d’étude – ")


def test_upcoming_only_on_request(client):
    calendar = read_calendar(client, reverse("feeds:study_days_calendar") + "?a-venir=1")
    assert set(events(calendar)) == {UPCOMING}


def test_a_one_day_event_is_an_all_day_event_with_its_place(client, archive):
    event = events(read_calendar(client, reverse("feeds:study_days_calendar")))[NANTES_DAY]
    assert str(event["uid"]) == f"page:{archive.nantes_day.pk}@testserver"
    assert event.decoded("dtstart") == datetime.date(2024, 5, 3)
    assert event.decoded("dtend") == datetime.date(2024, 5, 4)  # DTEND is exclusive
    assert str(event["location"]) == "Maison de l’habitant, Nantes"
    assert str(event["url"]) == f"http://testserver{archive.nantes_day.url}"
    assert "coopératives d’habitants" in str(event["description"]) and str(event["url"]) in str(event["description"])
    assert set(event.categories) == {"Habitat coopératif", "Se loger"}
    assert isinstance(event.decoded("dtstamp"), datetime.datetime)


def test_a_two_day_event_ends_the_day_after_its_last_day(client):
    event = events(read_calendar(client, reverse("feeds:study_days_calendar")))[ANGERS_DAYS]
    assert event.decoded("dtstart") == datetime.date(2023, 10, 12)
    assert event.decoded("dtend") == datetime.date(2023, 10, 14)


def test_a_programme_with_hours_gives_the_event_its_hours_in_paris_time(client, archive):
    calendar = read_calendar(client, reverse("feeds:study_day_calendar", args=[archive.timed_day.pk]))
    event = events(calendar)[TIMED_DAY]
    paris = ZoneInfo("Europe/Paris")
    assert event.decoded("dtstart") == datetime.datetime(2022, 6, 14, 9, 30, tzinfo=paris)
    assert event.decoded("dtend") == datetime.datetime(2022, 6, 14, 17, 15, tzinfo=paris)
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_the_uid_of_an_event_stays_the_same_across_calendars(client, archive):
    whole = events(read_calendar(client, reverse("feeds:study_days_calendar")))[NANTES_DAY]
    single = events(read_calendar(client, reverse("feeds:study_day_calendar", args=[archive.nantes_day.pk])))
    assert single[NANTES_DAY]["uid"] == whole["uid"]


def test_a_study_day_page_offers_its_calendar_when_it_is_public(client, archive, visitors):
    page = client.get(archive.nantes_day.url).content.decode()
    assert reverse("feeds:study_day_calendar", args=[archive.nantes_day.pk]) in page
    assert "Ajouter à mon agenda" in page
    staff_view = visitors["personnel"].get(archive.members_day.url).content.decode()
    assert MEMBERS_DAY in staff_view and "Ajouter à mon agenda" not in staff_view


def test_a_study_day_closed_to_anonymous_visitors_has_no_calendar_even_for_staff(visitors, archive):
    for who, visitor in visitors.items():
        assert visitor.get(reverse("feeds:study_day_calendar", args=[archive.members_day.pk])).status_code == 404, who
        whole = visitor.get(reverse("feeds:study_days_calendar")).content.decode()
        assert MEMBERS_DAY not in whole, who


def test_today_counts_as_upcoming(client, archive):
    day = StudyDayPage.objects.get(pk=archive.nantes_day.pk)
    day.date = TODAY
    day.save_revision().publish()
    assert NANTES_DAY in events(read_calendar(client, reverse("feeds:study_days_calendar") + "?a-venir=1"))
