# Officials of organisations keep their code ("NATO", "ASEAN": longer than two letters), and every
# code the importer assigns is a choice (statements.models.country_choices, from the world data).

import statements.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0013_bilingual_spanish_search'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalparticipant',
            name='country',
            field=models.CharField(blank=True, choices=statements.models.country_choices, db_index=True, max_length=8),
        ),
        migrations.AlterField(
            model_name='meetingattendance',
            name='delegation',
            field=models.CharField(blank=True, choices=statements.models.country_choices, max_length=8),
        ),
        migrations.AlterField(
            model_name='participant',
            name='country',
            field=models.CharField(blank=True, choices=statements.models.country_choices, db_index=True, max_length=8),
        ),
    ]
