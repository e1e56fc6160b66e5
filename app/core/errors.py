"""Domain errors: every problem a user can cause, with a message they can act on."""


class SlantError(Exception):
    """Base of every error whose message is meant for the user, never a traceback."""


class ArticleError(SlantError):
    """An article file cannot be read or understood."""


class SidecarError(SlantError):
    """A sidecar file is missing, unreadable, invalid or cannot be written."""


class TagSetError(SlantError):
    """A tag-set file is unreadable or invalid."""


class ExportError(SlantError):
    """An export or import cannot be completed."""
