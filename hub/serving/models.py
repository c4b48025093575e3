# No models. The module is here because Django sends post_migrate only to apps that have one,
# and the statistics are refreshed on that signal (apps.py).
