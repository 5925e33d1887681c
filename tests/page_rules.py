"""Page-tree rule checks shared by the apps' tests, as Wagtail's WagtailPageTestCase words them."""

from wagtail.models import Page, get_page_models


def can_create_at(parent_model, child_model):
    """Whether the admin offers `child_model` as a new child of a `parent_model` page."""
    return child_model.is_creatable and child_model in parent_model.allowed_subpage_models()


def allowed_parents(child_model):
    """Every page type under which `child_model` can be created."""
    return {parent for parent in [Page, *get_page_models()] if can_create_at(parent, child_model)}
