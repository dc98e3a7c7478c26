"""Check and unpack uploaded zip archives (H5P and SCORM packages) before anything reaches storage.

The zip directory is checked first (names, sizes, compression ratio, symlinks, hidden and case-clashing
names, extensions), then the checked entries are unpacked while counting the real bytes, so a lying
header cannot exceed the budget. Every refusal is an ArchiveError carrying French messages that name the
problem; each package format says which extensions it allows.
"""

import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ODD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
# Unicode categories never allowed in a file name: control, format (e.g. right-to-left override), separators.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
# Operating-system litter that is skipped, never unpacked; every other hidden name is refused.
IGNORED_NAMES = frozenset({"__MACOSX", ".DS_Store"})
# Only entries bigger than this are judged on their own ratio: tiny files compress oddly without harm.
RATIO_MIN_SIZE = 1024 * 1024
MAX_LISTED_ERRORS = 10


class ArchiveError(Exception):
    """A refused archive; `messages` are ready to show to the trainer."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass(frozen=True)
class ArchiveRules:
    """What one package format accepts."""

    kind: str  # "H5P", "SCORM": named in messages
    max_entries: int
    max_unpacked_size: int
    max_compression_ratio: int
    # (name, parts, extension) -> whether a file with this extension may sit at this place.
    extension_allowed: object


def extension(name):
    suffix = PurePosixPath(name).suffix
    return suffix[1:].lower() if suffix else ""


def _is_skipped(parts):
    """macOS litter (resource forks, .DS_Store) is never unpacked."""
    return any(part in IGNORED_NAMES for part in parts)


def _hidden_part(parts):
    """The first hidden file or folder name (.htaccess, .git…) of a path, or None."""
    return next((part for part in parts if part.startswith(".")), None)


def name_problem(name):
    """Why an entry name (or a path inside a package) is unsafe, or None."""
    if name.startswith("/"):
        return _("« %(name)s » est un chemin absolu.") % {"name": name}
    if DRIVE_LETTER.match(name):
        return _("« %(name)s » désigne un lecteur (chemin absolu Windows).") % {"name": name}
    if "\\" in name:
        return _("« %(name)s » contient une barre oblique inversée (\\).") % {"name": name}
    if ODD_CHARACTERS.search(name) or any(unicodedata.category(char) in FORBIDDEN_CATEGORIES for char in name):
        return _("« %(name)s » contient des caractères interdits dans un nom de fichier.") % {"name": name}
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return _("« %(name)s » tente de sortir du dossier du paquet (« .. »).") % {"name": name}
    if any(part in ("", ".") for part in parts):
        return _("« %(name)s » n'est pas un nom de fichier valide.") % {"name": name}
    if len(name) > 255:
        return _("« %(name)s » est un nom de fichier trop long.") % {"name": name[:60] + "…"}
    return None


def _is_symlink(info):
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def _case_clash(name, folded):
    """Another name (file or folder) equal to one of this path's prefixes except for case, or None."""
    parts = name.split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        key = unicodedata.normalize("NFC", prefix).casefold()
        known = folded.setdefault(key, prefix)
        if known != prefix:
            return known
    return None


def summarise(errors):
    """Each distinct problem once (a name repeated ten times is one problem), the first few listed."""
    errors = list(dict.fromkeys(errors))
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors
    more = len(errors) - MAX_LISTED_ERRORS
    return errors[:MAX_LISTED_ERRORS] + [_("… et %(count)s autres problèmes.") % {"count": more}]


def _count(number):
    return f"{number:,}".replace(",", " ")


def _entry_problem(info, rules, seen, folded):
    """Why one zip entry is refused, or None. Directories and skipped litter pass (and are not unpacked)."""
    name = info.filename
    if "\x00" in info.orig_filename:  # zipfile cuts the name at the NUL: "image.png\0.php" reads as "image.png"
        shown = info.orig_filename.replace("\x00", "\\0")
        return _("« %(name)s » contient un caractère nul : archive refusée.") % {"name": shown}
    problem = name_problem(name)
    if problem:
        return problem
    if name in seen:
        return _("« %(name)s » apparaît deux fois dans l'archive.") % {"name": name}
    seen.add(name)
    if _is_symlink(info):
        return _("« %(name)s » est un lien symbolique : les liens sont refusés.") % {"name": name}
    if info.flag_bits & 0x1:
        return _("« %(name)s » est chiffré : les archives protégées sont refusées.") % {"name": name}
    parts = name.split("/")
    if info.is_dir() or _is_skipped(parts):
        return None
    hidden = _hidden_part(parts)
    if hidden:
        return _(
            "« %(name)s » : les fichiers et dossiers cachés (dont le nom commence par un point, "
            "comme %(part)s) sont refusés."
        ) % {"name": name, "part": hidden}
    clash = _case_clash(name, folded)
    if clash:
        return _("« %(name)s » et « %(other)s » ne diffèrent que par la casse : archive refusée.") % {
            "name": name,
            "other": clash,
        }
    ratio = rules.max_compression_ratio
    if info.file_size > RATIO_MIN_SIZE and info.file_size > ratio * max(info.compress_size, 1):
        return _(
            "« %(name)s » est compressé de façon anormale (plus de %(ratio)s fois) : "
            "archive refusée, c'est peut-être une bombe ZIP."
        ) % {"name": name, "ratio": ratio}
    ext = extension(name)
    if not rules.extension_allowed(name, parts, ext):
        if ext:
            message = _("« %(name)s » : les fichiers .%(ext)s ne sont pas autorisés dans un paquet %(kind)s.")
        else:
            message = _("« %(name)s » : les fichiers sans extension ne sont pas autorisés dans un paquet %(kind)s.")
        return message % {"name": name, "ext": ext, "kind": rules.kind}
    return None


def check_archive(zf, archive_size, rules):
    """Check the zip directory (before anything is unpacked). Returns the file entries to unpack."""
    infos = zf.infolist()
    if len(infos) > rules.max_entries:
        raise ArchiveError(
            _("L'archive contient %(count)s entrées, au-delà de la limite de %(max)s : archive refusée.")
            % {"count": _count(len(infos)), "max": _count(rules.max_entries)}
        )
    errors, files, seen, folded = [], [], set(), {}
    total = 0
    for info in infos:
        problem = _entry_problem(info, rules, seen, folded)
        if problem:
            errors.append(problem)
        elif not info.is_dir() and not _is_skipped(info.filename.split("/")):
            total += info.file_size
            files.append(info)
    if total > rules.max_unpacked_size:
        errors.append(
            _("Une fois décompressé, le paquet ferait %(size)s, au-delà de la limite de %(max)s.")
            % {"size": filesizeformat(total), "max": filesizeformat(rules.max_unpacked_size)}
        )
    elif total > RATIO_MIN_SIZE and total > rules.max_compression_ratio * max(archive_size, 1):
        errors.append(
            _("L'archive est compressée de façon anormale (plus de %(ratio)s fois) : c'est peut-être une bombe ZIP.")
            % {"ratio": rules.max_compression_ratio}
        )
    if errors:
        raise ArchiveError(summarise(errors))
    return files


def extract(zf, files, root, budget):
    """Unpack the checked entries, counting real bytes so a lying header cannot exceed the budget."""
    resolved_root = root.resolve()
    for info in files:
        target = (root / info.filename).resolve()
        if not target.is_relative_to(resolved_root):
            raise ArchiveError(_("« %(name)s » tente de sortir du dossier du paquet.") % {"name": info.filename})
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as source, open(target, "wb") as dest:
            while chunk := source.read(1024 * 1024):
                budget -= len(chunk)
                if budget < 0:
                    raise ArchiveError(_("Le paquet décompressé dépasse la taille autorisée."))
                dest.write(chunk)
