"""Messages about a refused archive (issue 25): each problem once, however often the archive repeats it."""

import io
import warnings
import zipfile

import pytest

from core.archives import ArchiveError, ArchiveRules, check_archive

RULES = ArchiveRules(
    kind="H5P",
    max_entries=100,
    max_unpacked_size=10_000_000,
    max_compression_ratio=100,
    extension_allowed=lambda name, parts, extension: extension == "json",
)


def archive_with_ten_copies_of(name):
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we write on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            for _ in range(11):
                archive.writestr(name, "{}")
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def test_a_name_repeated_ten_times_is_reported_once():
    with pytest.raises(ArchiveError) as refused:
        check_archive(archive_with_ten_copies_of("content/content.json"), 1000, RULES)
    assert refused.value.messages == ["« content/content.json » apparaît deux fois dans l'archive."]
