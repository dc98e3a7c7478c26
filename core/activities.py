"""The contract between lesson blocks and progress.

A StreamField block that is a learning activity (case, quiz, reflection prompt, H5P) mixes in
ActivityBlockMixin. The courses app reads a lesson's body, asks each such block for its activity key
and whether it is required, and completes the lesson when every required activity is completed.
"""


class ActivityBlockMixin:
    #: "case", "quiz", "reflection", "h5p"...
    activity_kind = ""

    def activity_key(self, value):
        """The progress key of the activity this block value points at, or None if it points at nothing."""
        raise NotImplementedError(f"{type(self).__name__} must say which activity it holds")

    def is_required(self, value):
        return bool(value.get("required", True))

    def activity_title(self, value):
        """What a learner calls this activity, for messages such as « il reste : … ». Blocks name the chosen
        case, quiz or package; the block's own label is the fallback."""
        return str(self.meta.label or type(self).__name__)


def activities_in_stream(stream_value):
    """[(activity_key, required)] for every activity block of a StreamValue, in order."""
    return [(key, required) for key, required, _title in described_activities(stream_value)]


def described_activities(stream_value):
    """[(activity_key, required, title)] for every activity block of a StreamValue, in order."""
    found = []
    for child in stream_value:
        block = child.block
        if isinstance(block, ActivityBlockMixin):
            key = block.activity_key(child.value)
            if key:
                found.append((key, block.is_required(child.value), block.activity_title(child.value)))
    return found


# kind → function(ids) returning {id: title}: each activity app registers its own (in its AppConfig.ready), so
# progress and team pages name activities by their title without importing the apps above them.
_TITLE_LOOKUPS = {}


def register_titles(kind, lookup):
    _TITLE_LOOKUPS[kind] = lookup


def activity_titles(keys):
    """{activity key: title} for the keys whose kind has a registered lookup; one query per kind."""
    ids_by_kind = {}
    for key in keys:
        kind, _sep, ident = key.partition(":")
        if kind in _TITLE_LOOKUPS and ident.isdigit():
            ids_by_kind.setdefault(kind, set()).add(int(ident))
    titles = {}
    for kind, ids in ids_by_kind.items():
        titles.update({f"{kind}:{pk}": title for pk, title in _TITLE_LOOKUPS[kind](ids).items() if title})
    return titles
