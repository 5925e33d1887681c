"""The accounts app's Wagtail hooks: Wagtail imports only this top-level module of each app.

Each part of the app keeps its own hooks module and is imported here.
"""

from accounts.two_factor import wagtail_hooks  # noqa: F401
