"""Template access to a listing's feed addresses (feeds.links) and to a study day's calendar."""

from django import template
from django.urls import reverse

from feeds.calendar import public_study_days
from feeds.links import feed_links as links_of

register = template.Library()


@register.simple_tag
def feed_links(source, filters=None):
    """{% feed_links page listing.selected as feed %}: FeedLinks, or None when the listing has no feed."""
    return links_of(source, filters)


@register.simple_tag
def study_day_calendar_url(page):
    """The .ics address of a study day, or "" when it is not public (calendars are read without cookies)."""
    if not public_study_days().filter(pk=page.pk).exists():
        return ""
    return reverse("feeds:study_day_calendar", args=[page.pk])
