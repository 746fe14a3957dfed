from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content (`seed_demo`) and benchmark volumes (`seed_benchmark`): the top layer, which
    imports the other apps and which none of them imports. No models."""

    name = "demo"
