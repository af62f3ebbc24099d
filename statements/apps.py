from django.apps import AppConfig


class StatementsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "statements"
    verbose_name = "Bilateral statements"

    def ready(self):
        from django.db.models.signals import post_migrate, pre_migrate

        from statements.search.sqlite import ensure_fts_sync

        # A SQLite table rebuild (many schema changes) drops the FTS triggers: put them back.
        post_migrate.connect(ensure_fts_sync, sender=self, dispatch_uid="statements_fts_sync")

        from statements.search import changelog, sync

        # The same for the search change log's triggers (migration 0010).
        post_migrate.connect(
            changelog.ensure_triggers, sender=self, dispatch_uid="statements_search_log"
        )
        pre_migrate.connect(
            changelog.drop_triggers_before_migrating,
            sender=self,
            dispatch_uid="statements_search_log_pre",
        )
        sync.connect_signals()
