"""Content checked against its libraries' semantics.json, as H5P's PHP core does (H5PContentValidator).

Every value of content.json is walked alongside the field that describes it: HTML texts keep only the tags
the field allows (plus H5P's defaults) and no event handler, script URL or unknown style; plain texts are
escaped; numbers, booleans and selects are brought back within what the field allows; keys the semantics
do not describe are dropped. A sub-content (`library` field) must be one of the field's `options` and is
validated against its own library's semantics. What cannot be corrected (a library not allowed, a file
outside content/, content nested too deep) raises SemanticsError with a French message.
"""

import math
import re

from django.utils.translation import gettext as _

from .html_filter import MAX_HTML_DEPTH, escape, filter_html, html_too_deep, is_html, truncate_escaped

# Each sub-content adds a few levels; real content stays far below this.
MAX_DEPTH = 150
SUB_CONTENT_ID = re.compile(r"^\{?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\}?$")
MIME = re.compile(r"^[\w.+-]+/[\w.+-]+$")
URL = re.compile(r"^https?://", re.IGNORECASE)
# Old exports point at files of another content folder ("../../content/12/images/a.png"): keep the file part.
OTHER_CONTENT_FOLDER = re.compile(r"^((\.\./){1,2})(.*content/)?(\d+|editor)/(.+)$")


class SemanticsError(Exception):
    """Content that cannot be corrected; the message is ready to show to the trainer."""


class ContentValidator:
    """Validates content against semantics; `load_semantics("H5P.Image 1.1")` returns a library's fields.

    It returns None for a library found neither in the package nor in the store.
    """

    def __init__(self, load_semantics):
        self.load_semantics = load_semantics
        self.depth = 0

    def validate_params(self, params, library):
        """The validated parameters of content made with `library` ("Machine major.minor")."""
        fields = self._semantics(library)
        return self.group(params if isinstance(params, dict) else {}, {"fields": fields}, flatten=False)

    def _semantics(self, library):
        fields = self.load_semantics(library)
        if fields is None:
            raise SemanticsError(
                _("La bibliothèque %(library)s, utilisée par le contenu, n'est ni dans le paquet ni installée.")
                % {"library": library}
            )
        return fields

    def field(self, value, field):
        """The validated value, or None to drop it."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise SemanticsError(_("Le contenu est imbriqué trop profondément : paquet refusé."))
            validator = getattr(self, f"type_{field.get('type')}", None)
            return validator(value, field) if validator else None
        finally:
            self.depth -= 1

    def type_text(self, value, field):
        text = value if isinstance(value, str) else ""
        max_length = field.get("maxLength")
        has_limit = isinstance(max_length, int) and not isinstance(max_length, bool) and max_length >= 0
        if is_html(field):
            if has_limit:
                text = text[:max_length]
            if html_too_deep(text):
                raise SemanticsError(
                    _("Un texte du contenu imbrique plus de %(max)s balises HTML : paquet refusé.")
                    % {"max": MAX_HTML_DEPTH}
                )
            return filter_html(text, field)
        text = escape(text)
        return truncate_escaped(text, max_length) if has_limit else text

    def type_number(self, value, field):
        number = _number(value)
        if number is None:
            number = 0
        low, high = _number(field.get("min")), _number(field.get("max"))
        if low is not None and number < low:
            number = low
        if high is not None and number > high:
            number = high
        step = _number(field.get("step"))
        if step:
            rest = (number - (low or 0)) % step
            if rest:
                number -= rest
        decimals = field.get("decimals")
        if isinstance(decimals, int) and not isinstance(decimals, bool) and decimals >= 0:
            number = round(number, decimals) if decimals else round(number)
        return number

    def type_boolean(self, value, field):
        if isinstance(value, bool):
            return value
        return field.get("default") if isinstance(field.get("default"), bool) else False

    def type_select(self, value, field):
        options = _select_options(field)
        strict = bool(options) and not field.get("optional")
        if field.get("multiple"):
            values = value if isinstance(value, list) else [value]
            return [escape(str(item)) for item in values if _scalar(item) and (not strict or item in options)]
        if isinstance(value, list):
            value = value[0] if value else None
        if not _scalar(value) or (strict and value not in options):
            return escape(str(options[0])) if options else ""
        return escape(str(value))

    def type_list(self, value, field):
        item_field = field.get("field")
        if not isinstance(value, list) or not isinstance(item_field, dict):
            return None
        maximum = field.get("max")
        if isinstance(maximum, int) and not isinstance(maximum, bool):
            value = value[: max(maximum, 0)]
        items = [item for item in (self.field(item, item_field) for item in value) if item is not None]
        minimum = field.get("min")
        if items and isinstance(minimum, int) and len(items) < minimum:
            raise SemanticsError(
                _("La liste « %(name)s » doit contenir au moins %(min)s éléments : paquet refusé.")
                % {"name": field.get("label") or field.get("name"), "min": minimum}
            )
        return items or None

    def type_group(self, value, field):
        return self.group(value, field)

    def group(self, value, field, flatten=True):
        fields = [child for child in field.get("fields") or () if isinstance(child, dict)]
        if flatten and len(fields) == 1:  # the editor stores a one-field group as its only field
            return self.field(value, fields[0])
        if not isinstance(value, dict):
            return None
        by_name = {child.get("name"): child for child in fields}
        validated = {}
        for key, item in value.items():
            child = by_name.get(key)
            if child is None:
                continue
            if field.get("optional"):
                child = {**child, "optional": True}
            result = self.field(item, child)
            if result is not None:
                validated[key] = result
        return validated

    def type_library(self, value, field):
        if not isinstance(value, dict) or not isinstance(value.get("library"), str):
            return None
        library = value["library"]
        allowed = [option.get("name") if isinstance(option, dict) else option for option in field.get("options") or ()]
        if library not in allowed:
            raise SemanticsError(
                _(
                    "Le contenu utilise la bibliothèque %(library)s là où seules celles-ci sont permises : "
                    "%(allowed)s. Paquet refusé."
                )
                % {"library": library[:100], "allowed": ", ".join(str(name) for name in allowed) or "—"}
            )
        validated = {"library": library, "params": self.validate_params(value.get("params"), library)}
        if isinstance(value.get("subContentId"), str) and SUB_CONTENT_ID.match(value["subContentId"]):
            validated["subContentId"] = value["subContentId"]
        if isinstance(value.get("metadata"), dict):
            validated["metadata"] = self.group(value["metadata"], METADATA, flatten=False)
        for key in _extra_attributes(field):
            if _scalar(value.get(key)):
                validated[key] = _scalar_value(value[key])
        return validated

    def type_file(self, value, field, extra_keys=()):
        if not isinstance(value, dict) or not isinstance(value.get("path"), str):
            return None
        validated = {"path": self._path(value["path"], field)}
        mime = value.get("mime")
        if mime is not None:
            if not isinstance(mime, str) or not MIME.match(mime) or not _mime_fits(mime, field.get("type")):
                raise SemanticsError(
                    _("Le fichier « %(path)s » du contenu a un type (%(mime)s) qui ne convient pas à ce champ.")
                    % {"path": validated["path"], "mime": str(mime)[:60]}
                )
            validated["mime"] = mime
        for key in ("width", "height", "bitrate"):
            if key in extra_keys and _number(value.get(key)) is not None:
                validated[key] = int(_number(value[key]))
        if "codecs" in extra_keys and isinstance(value.get("codecs"), str):
            validated["codecs"] = escape(value["codecs"])
        quality = value.get("quality")
        if "quality" in extra_keys and isinstance(quality, dict) and {"level", "label"} <= quality.keys():
            validated["quality"] = {
                "level": int(_number(quality["level"]) or 0),
                "label": escape(str(quality["label"])),
            }
        if "originalImage" in extra_keys and isinstance(value.get("originalImage"), dict):
            original = self.type_file(value["originalImage"], field, ("width", "height"))
            if original:
                validated["originalImage"] = original
        if isinstance(value.get("copyright"), dict):
            validated["copyright"] = self.group(value["copyright"], COPYRIGHT, flatten=False)
        for key in _extra_attributes(field):
            if key not in validated and _scalar(value.get(key)):
                validated[key] = _scalar_value(value[key])
        return validated

    def type_image(self, value, field):
        return self.type_file(value, field, ("width", "height", "originalImage"))

    def type_video(self, value, field):
        return self._variants(value, field, ("width", "height", "codecs", "quality", "bitrate"))

    def type_audio(self, value, field):
        return self._variants(value, field, ())

    def _variants(self, value, field, extra_keys):
        if not isinstance(value, list):
            return None
        return [variant for variant in (self.type_file(item, field, extra_keys) for item in value) if variant]

    def _path(self, path, field):
        match = OTHER_CONTENT_FOLDER.match(path)
        if match:
            path = match[5]
        path = path.removesuffix("#tmp")
        if URL.match(path) and field.get("type") in ("video", "audio", "file"):
            if any(char in path for char in "\"'<> \x00"):
                raise SemanticsError(_("L'adresse « %(path)s » du contenu n'est pas valide.") % {"path": path[:100]})
            return path
        parts = path.split("/")
        if (
            not path
            or path.startswith("/")
            or "\\" in path
            or ":" in path
            or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
            or any(ord(char) < 32 or char in "\"'<>" for char in path)
        ):
            raise SemanticsError(
                _("Le fichier « %(path)s » du contenu doit être un chemin relatif dans le dossier content/.")
                % {"path": path[:100]}
            )
        return path


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        if not math.isfinite(number):
            return None
        return int(number) if number.is_integer() and re.fullmatch(r"\s*-?\d+\s*", value) else number
    return None


def _scalar(value):
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _scalar_value(value):
    return escape(value) if isinstance(value, str) else _number(value)


def _select_options(field):
    values = []
    for option in field.get("options") or ():
        if not isinstance(option, dict):
            continue
        if option.get("type") == "optgroup":
            values.extend(sub.get("value") for sub in option.get("options") or () if isinstance(sub, dict))
        elif "value" in option:
            values.append(option["value"])
    return [value for value in values if _scalar(value)]


def _extra_attributes(field):
    extras = field.get("extraAttributes")
    return [key for key in extras if isinstance(key, str)] if isinstance(extras, list) else []


def _mime_fits(mime, field_type):
    prefix = {"image": "image/", "video": "video/", "audio": "audio/"}.get(field_type)
    return prefix is None or mime.lower().startswith(prefix)


def _text(name, **extra):
    return {"name": name, "type": "text", **extra}


def _select(name, values, **extra):
    return {"name": name, "type": "select", "options": [{"value": value} for value in values], **extra}


CC_VERSIONS = ("4.0", "3.0", "2.5", "2.0", "1.0")
LICENSES = ("U", "CC BY", "CC BY-SA", "CC BY-ND", "CC BY-NC", "CC BY-NC-SA", "CC BY-NC-ND", "CC0 1.0", "CC PDM")
# H5P core's getMetadataSemantics() and getCopyrightSemantics(), the labels left out.
METADATA = {
    "type": "group",
    "fields": [
        _text("title"),
        _text("a11yTitle", optional=True),
        _select("license", LICENSES + ("GNU GPL", "PD", "ODC PDDL", "C")),
        _select("licenseVersion", CC_VERSIONS, optional=True),
        {"name": "yearFrom", "type": "number", "min": -9999, "max": 9999, "optional": True},
        {"name": "yearTo", "type": "number", "min": -9999, "max": 9999, "optional": True},
        _text("source", optional=True),
        {
            "name": "authors",
            "type": "list",
            "field": {
                "type": "group",
                "fields": [
                    _text("name", optional=True),
                    _select("role", ("Author", "Editor", "Licensee", "Originator")),
                ],
            },
        },
        _text("licenseExtras", optional=True),
        {
            "name": "changes",
            "type": "list",
            "field": {"type": "group", "fields": [_text("date"), _text("author"), _text("log")]},
        },
        _text("authorComments", optional=True),
        _text("contentType"),
        _text("defaultLanguage"),
    ],
}
COPYRIGHT = {
    "type": "group",
    "fields": [
        _text("title"),
        _text("author"),
        _text("year"),
        _text("source"),
        _select("license", LICENSES[:7] + ("GNU GPL", "PD", "C")),
        _select("version", CC_VERSIONS + ("v3", "v2", "v1", "-", "CC0 1.0", "CC PDM"), optional=True),
    ],
}
H5P_JSON_KEYS = ("mainLibrary", "language", "embedTypes", "preloadedDependencies")


def validate_content(content, main_library, load_semantics):
    """content.json validated against the semantics of `main_library` ("Machine major.minor")."""
    if not isinstance(content, dict):
        raise SemanticsError(_("content/content.json doit contenir un objet JSON."))
    return ContentValidator(load_semantics).validate_params(content, main_library)


def validate_h5p_json(h5p_json):
    """h5p.json as the player gets it: its metadata (title, authors…) validated like H5P core does on load."""
    validator = ContentValidator(lambda library: None)
    metadata = validator.group({k: v for k, v in h5p_json.items() if k not in H5P_JSON_KEYS}, METADATA, flatten=False)
    dependencies = [
        {key: dep[key] for key in ("machineName", "majorVersion", "minorVersion")}
        for dep in h5p_json["preloadedDependencies"]
    ]
    return {**metadata, **{key: h5p_json[key] for key in H5P_JSON_KEYS}, "preloadedDependencies": dependencies}
