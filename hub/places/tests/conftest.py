import pytest

from hub.practices.tests.test_browser import DESKTOP


@pytest.fixture
def new_page(browser, live_server):
    """Each call opens a page in a browser context of its own: a separate visitor."""
    contexts = []

    def open_page(*, javascript=True):
        # Reduced motion: the map jumps instead of flying, so markers are still when they are clicked.
        context = browser.new_context(
            base_url=live_server.url, viewport=DESKTOP, java_script_enabled=javascript, reduced_motion="reduce"
        )
        context.set_default_timeout(10_000)
        context.route("**/favicon.ico", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
