"""Check and unpack SCORM 1.2 and 2004 packages before they reach storage.

A package is a zip with `imsmanifest.xml` at its root. The archive is checked like an H5P package
(core/archives.py: names, sizes, ratio, links, hidden files) with an allowlist of static web files (no
server-side types), the manifest is parsed with defusedxml (no entities, no external DTD), and the launch
page and every file the resources list must exist in the package. Every refusal is an ArchiveError with
French messages naming the problem.
"""

import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core import archives
from core.archives import ArchiveError

from .models import ScormVersion

MANIFEST = "imsmanifest.xml"
# Static web files only: a package never brings code the server would run (php, py, cgi, jsp, exe…).
ALLOWED_EXTENSIONS = frozenset(
    {
        *("html", "htm", "xhtml", "js", "mjs", "css", "json", "xml", "xsd", "dtd", "txt", "md", "csv"),
        *("vtt", "webvtt", "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf"),
        *("mp3", "mp4", "m4a", "m4v", "wav", "ogg", "oga", "ogv", "webm", "woff", "woff2", "ttf", "otf", "eot"),
    }
)
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
LAUNCH_PAGE, LISTED_FILE = "launch", "file"


@dataclass
class InspectedPackage:
    """A valid package unpacked in a temporary directory (deleted when the `inspect` block ends)."""

    root: Path
    version: str
    title: str
    launch_path: str  # relative to the package root, with the item's parameters if any


def _limit(name):
    return int(getattr(settings, name))


def _archive_rules():
    return archives.ArchiveRules(
        kind="SCORM",
        max_entries=_limit("SCORM_MAX_ENTRIES"),
        max_unpacked_size=_limit("SCORM_MAX_UNPACKED_SIZE"),
        max_compression_ratio=_limit("SCORM_MAX_COMPRESSION_RATIO"),
        extension_allowed=lambda name, parts, extension: extension in ALLOWED_EXTENSIONS,
    )


@contextmanager
def inspect(uploaded_file):
    """Check a package and yield it unpacked in a temporary directory, removed afterwards in any case."""
    max_upload = _limit("SCORM_MAX_UPLOAD_SIZE")
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_upload:
        raise ArchiveError(
            _("Le fichier fait %(size)s, au-delà de la limite de %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_upload)}
        )
    root = Path(tempfile.mkdtemp(prefix="scorm-"))
    try:
        uploaded_file.seek(0)
        try:
            zf = zipfile.ZipFile(uploaded_file)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise ArchiveError(
                _(
                    "Ce fichier n'est pas une archive ZIP : un paquet SCORM est un fichier .zip "
                    "exporté par un outil auteur."
                )
            ) from error
        with zf:
            files = archives.check_archive(zf, size or 0, _archive_rules())
            try:
                archives.extract(zf, files, root, _limit("SCORM_MAX_UNPACKED_SIZE"))
            except (zipfile.BadZipFile, EOFError, NotImplementedError, OSError) as error:
                raise ArchiveError(
                    _("L'archive est endommagée et ne peut pas être décompressée (%(error)s).") % {"error": error}
                ) from error
        yield read_manifest(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        uploaded_file.seek(0)


def _local(tag):
    """The element name without its namespace: manifests use several IMS and ADL namespaces."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name):
    return [child for child in element if _local(child.tag) == name]


def _child(element, name):
    found = _children(element, name)
    return found[0] if found else None


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _attribute(element, name):
    """An attribute by local name (xml:base and adlcp:scormType carry namespaces)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _parse_manifest(root):
    path = root / MANIFEST
    if not path.is_file():
        raise ArchiveError(
            _("Le fichier imsmanifest.xml est absent de la racine de l'archive : ce n'est pas un paquet SCORM.")
        )
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise ArchiveError(
            _("Le fichier imsmanifest.xml dépasse la taille autorisée de %(max)s.")
            % {"max": filesizeformat(MAX_MANIFEST_BYTES)}
        )
    try:
        return SafeElementTree.fromstring(path.read_bytes(), forbid_dtd=True)
    except DefusedXmlException as error:
        raise ArchiveError(
            _(
                "imsmanifest.xml déclare une DTD ou des entités XML (%(kind)s) : refusé, "
                "car elles peuvent lire des fichiers du serveur ou le saturer."
            )
            % {"kind": type(error).__name__}
        ) from error
    except ParseError as error:
        raise ArchiveError(_("imsmanifest.xml n'est pas un XML valide (%(error)s).") % {"error": error}) from error


def _version(manifest):
    metadata = _child(manifest, "metadata")
    schema_version = _text(_child(metadata if metadata is not None else manifest, "schemaversion"))
    if schema_version == "1.2":
        return ScormVersion.SCORM_12
    if schema_version.startswith("2004") or schema_version == "CAM 1.3":
        return ScormVersion.SCORM_2004
    namespaces = " ".join([manifest.tag, *manifest.attrib.values()])
    if "adlcp_v1p3" in namespaces:
        return ScormVersion.SCORM_2004
    if "adlcp_rootv1p2" in namespaces:
        return ScormVersion.SCORM_12
    raise ArchiveError(_("imsmanifest.xml n'indique pas sa version SCORM (1.2 ou 2004) : paquet refusé."))


def _default_organization(manifest):
    organizations = _child(manifest, "organizations")
    if organizations is None or not _children(organizations, "organization"):
        raise ArchiveError(_("imsmanifest.xml ne décrit aucune organisation (aucun contenu à lancer)."))
    default = organizations.get("default")
    for organization in _children(organizations, "organization"):
        if organization.get("identifier") == default:
            return organization
    return _children(organizations, "organization")[0]


def _first_launchable_item(element):
    for item in _children(element, "item"):
        if item.get("identifierref"):
            return item
        nested = _first_launchable_item(item)
        if nested is not None:
            return nested
    return None


def _resources(manifest):
    resources = _child(manifest, "resources")
    if resources is None:
        raise ArchiveError(_("imsmanifest.xml ne décrit aucune ressource."))
    base = _attribute(resources, "base") or ""
    return {resource.get("identifier"): (resource, base) for resource in _children(resources, "resource")}


def _missing_message(label, reference):
    if label == LAUNCH_PAGE:
        return _("La page de lancement « %(href)s » est absente du paquet.") % {"href": reference}
    return _("Le fichier « %(href)s » est absent du paquet.") % {"href": reference}


def _package_path(root, reference, label):
    """A path inside the package for an href of the manifest, refused when unsafe or missing."""
    path = urlsplit(reference).path
    if urlsplit(reference).scheme or reference.startswith("//"):
        raise ArchiveError(
            _("« %(href)s » pointe hors du paquet : seules les pages du paquet sont acceptées.") % {"href": reference}
        )
    problem = archives.name_problem(path) if path else _("chemin vide")
    if problem:
        raise ArchiveError(
            _("« %(href)s » n'est pas un chemin valide dans le paquet : %(problem)s")
            % {"href": reference, "problem": problem}
        )
    if not (root / path).is_file():
        raise ArchiveError(_missing_message(label, reference))
    return path


def _check_listed_files(root, resources):
    errors = []
    for resource, base in resources.values():
        prefix = base + (_attribute(resource, "base") or "")
        for listed in _children(resource, "file"):
            href = listed.get("href") or ""
            try:
                _package_path(root, prefix + href, LISTED_FILE)
            except ArchiveError as error:
                errors.extend(error.messages)
    if errors:
        raise ArchiveError(archives.summarise(errors))


def read_manifest(root):
    """What the platform needs from the manifest: version, title and launch page (all checked)."""
    manifest = _parse_manifest(root)
    version = _version(manifest)
    organization = _default_organization(manifest)
    item = _first_launchable_item(organization)
    if item is None:
        raise ArchiveError(_("L'organisation du paquet ne contient aucun élément à lancer."))
    resources = _resources(manifest)
    if item.get("identifierref") not in resources:
        raise ArchiveError(
            _("L'élément « %(item)s » renvoie à la ressource « %(ref)s », absente du manifeste.")
            % {"item": item.get("identifier") or "?", "ref": item.get("identifierref")}
        )
    resource, base = resources[item.get("identifierref")]
    href = resource.get("href")
    if not href:
        raise ArchiveError(_("La ressource à lancer n'indique pas sa page (attribut href)."))
    launch = _package_path(root, base + (_attribute(resource, "base") or "") + href, LAUNCH_PAGE)
    _check_listed_files(root, resources)
    parameters = (item.get("parameters") or "").lstrip("?&")
    query = urlsplit(href).query
    query = "&".join(part for part in (query, parameters) if part)
    title = _text(_child(item, "title")) or _text(_child(organization, "title"))
    return InspectedPackage(
        root=root, version=version, title=title[:255], launch_path=f"{launch}?{query}" if query else launch
    )
