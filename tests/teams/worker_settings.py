"""Settings for the db_worker subprocess of the "worker restarted" test: real database queue, e-mails to files."""

import os

import dj_database_url

from collectif.settings.test import *  # noqa: F403

DATABASES = {"default": dj_database_url.parse(os.environ["COLLECTIF_WORKER_DATABASE_URL"])}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["COLLECTIF_WORKER_MAIL_DIR"]
