"""The "Curators" group with exactly the permissions curation needs.

A frozen copy of `statements.curation.CURATOR_PERMISSIONS` as it was when written; later changes
belong in a new migration (or `manage.py create_curator`, which brings the group up to date).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR_PERMISSIONS = {
    "statement": ["view", "add", "change", "delete", "publish"],
    "statementparticipant": ["view", "add", "change", "delete"],
    "participant": ["view", "add", "change", "delete", "merge"],
    "participantalias": ["view", "add", "change", "delete"],
    "meeting": ["view", "add", "change", "delete", "merge"],
    "meetingattendance": ["view", "add", "change", "delete"],
    "meetingreport": ["view", "add", "change", "delete"],
    "commitment": ["view", "add", "change", "delete"],
    "quote": ["view", "add", "change", "delete"],
    "topic": ["view", "add", "change"],
    "mergerecord": ["view"],
}


def create_curators_group(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make sure they exist.
    app_config = apps.get_app_config("statements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model, actions in CURATOR_PERMISSIONS.items() for action in actions
    ]
    permissions = list(
        Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    )
    missing = set(codenames) - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"Permissions missing for the Curators group: {sorted(missing)}")
    group, _ = Group.objects.get_or_create(name="Curators")
    group.permissions.set(permissions)


def remove_curators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("statements", "0002_curation_history_merges"),
    ]

    operations = [migrations.RunPython(create_curators_group, remove_curators_group)]
