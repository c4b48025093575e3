# The browser tests of this folder share one way to open pages (test_browser.py).
from hub.practices.tests.test_browser import new_page  # noqa: F401
