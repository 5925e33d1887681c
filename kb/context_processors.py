"""Template context every page needs: the site's main sections for the navigation."""

from wagtail.models import Site


def navigation(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"nav_sections": []}
    root = site.root_page
    return {"nav_sections": root.get_children().live().public().in_menu(), "site_root": root}
