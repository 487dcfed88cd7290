"""Settings for the test suite: the real settings with a fast password hasher."""

from kurs.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Jobs run at once, in the test's process, through the same job function a worker calls.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
