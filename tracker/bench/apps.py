from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Dev-only: `manage.py bench` (what `make bench` runs) and the writing of
    docs/benchmarks.md. No models, no pages; nothing in the product imports it."""

    name = "tracker.bench"
    label = "bench"
    verbose_name = "Benchmarks"
