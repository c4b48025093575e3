"""Feeds that no stored text can break."""

from django.utils.feedgenerator import Rss201rev2Feed

from hub.lib.text import strip_control


def _clean(value):
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    return value


class CleanRssFeed(Rss201rev2Feed):
    """RSS without control characters: XML cannot carry them, and one in a single title (typed before
    the forms refused them, or imported) would otherwise make the whole feed fail for every reader."""

    def __init__(self, title, link, description, **kwargs):
        super().__init__(
            _clean(title), link, _clean(description), **{key: _clean(value) for key, value in kwargs.items()}
        )

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_clean(title), link, _clean(description), **{key: _clean(v) for key, v in kwargs.items()})
