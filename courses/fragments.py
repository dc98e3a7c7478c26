"""Lesson bodies are cached for every reader; what they show of other objects refreshes them.

The fragment key holds the published content's token (any page published, moved, unpublished or deleted: a
link's address) and the lesson's own "references" token, dropped when an image or a document it uses is saved or
deleted: Wagtail's reference index tells which pages use it.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from core import invalidation
from core.cache_versions import bump, content_version, version

REFERENCES = "references"


def body_version(page):
    return f"{content_version()}.{version(REFERENCES, page.pk)}"


def referenced_object_changed(sender, instance, **kwargs):
    pages = ReferenceIndex.get_references_to(instance).filter(base_content_type=ContentType.objects.get_for_model(Page))
    for page_id in set(pages.values_list("object_id", flat=True)):
        bump(REFERENCES, int(page_id))


def connect():
    for model in (get_image_model(), get_document_model()):
        invalidation.records(model, referenced_object_changed, REFERENCES, "page", (invalidation.LESSON_BODY,))
