# The browser tests of this app open pages as the practices' browser tests do.
from hub.practices.tests.test_browser import new_page  # noqa: F401
