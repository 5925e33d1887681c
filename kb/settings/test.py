"""Test settings: fast hashing, in-memory email, files under a throwaway folder."""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kb-test-media-"))
KB_EXTRACTION_TIMEOUT_SECONDS = 20
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kb-test-static-"))
