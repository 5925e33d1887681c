"""Test settings: fast hashing, in-memory email, files under a throwaway folder."""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kb-test-media-"))
KB_EXTRACTION_TIMEOUT_SECONDS = 20
# Long jobs run at once in tests; tests of the worker itself name the database backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kb-test-static-"))

# The suite serves from the database engine whatever the environment names: the contract legs build their
# cluster engine from KB_TEST_CLUSTER_URL (the node `.ci/run` starts with `make cluster`), and only them.
KB_TEST_CLUSTER_URL = KB_ELASTICSEARCH_URL  # noqa: F405
KB_ELASTICSEARCH_URL = ""

# Each test run keeps its caches in its own memory: engineers' runs must not share var/cache (conftest empties them).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
