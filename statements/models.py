"""The archive's data: statements, the officials they name, the meetings they report,
and what the parties committed to.

Names and titles are kept *as written* on the through models, beside the foreign key to the
resolved official, so a curator can always see what the document said.
"""

import functools

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from statements.text import fold


def slug_base(text, *, max_length=200):
    """The slug `unique_slug` tries first for `text` (room is left for a -2, -3, … suffix)."""
    return slugify(fold(text))[: max_length - 8].strip("-") or "item"


def unique_slug(model, text, *, max_length=200, exclude_pk=None):
    """A slug for `text` that no other row of `model` uses (adds -2, -3, … when needed)."""
    base = slug_base(text, max_length=max_length)
    slug, n = base, 1
    while True:
        clash = model._default_manager.filter(slug=slug)
        if exclude_pk is not None:
            clash = clash.exclude(pk=exclude_pk)
        if not clash.exists():
            return slug
        n += 1
        slug = f"{base}-{n}"


def _count_rows(model, field, **filters):
    """Rows of `model` whose `field` is the outer row, counted in a subquery (0 when none)."""
    rows = (
        model.objects.filter(**{field: models.OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return Coalesce(models.Subquery(rows), 0)


def unpublished_statement_ids():
    """Ids of the statements that are not published (a few drafts), read from the status index.

    Pages ask "is its statement published?" of thousands of links (mentions, topics, reports).
    Reading the statement row for that is slow on SQLite, where the status sits after the body
    (seconds for the home page at 100,000 statements); "not one of these few" reads no statement.
    `<` or `>` rather than `!=` so that both are index range seeks, whatever the statuses.
    """
    published = Statement.Status.PUBLISHED
    unpublished = Q(status__lt=published) | Q(status__gt=published)
    return Statement.objects.filter(unpublished).order_by().values("pk")  # no date order: no row


def _count_published(model, field, statement):
    """Rows of link table `model` pointing at the outer row whose statement is published:
    all its rows (the link table's index on `field`) minus those of unpublished statements."""
    return _count_rows(model, field) - _count_rows(
        model, field, **{f"{statement}__in": unpublished_statement_ids()}
    )


def _published_links(model, field):
    """`model` rows pointing at the outer row whose statement is published (for Exists)."""
    return model.objects.filter(**{field: models.OuterRef("pk")}).exclude(
        statement__in=unpublished_statement_ids()
    )


def _most_linked(model, link_model, field, limit):
    """The `limit` rows of `model` that most published statements link to (through `link_model`'s
    `field`), each with its `statement_count`, most first, then by name (a list).

    One scan of the link table's index on `field` counts every row's links, the drafts' links are
    counted apart and taken off, and only then are the rows joined: a subquery per row (as
    `with_listing_data` does) took ten times longer for the officials.
    """
    drafts, params = unpublished_statement_ids().query.sql_with_params()
    links, column = link_model._meta.db_table, link_model._meta.get_field(field).column
    sql = f"""
        SELECT r.*, a.n - COALESCE(d.n, 0) AS statement_count
        FROM {model._meta.db_table} r
        JOIN (SELECT {column}, COUNT(*) AS n FROM {links} GROUP BY {column}) a
            ON a.{column} = r.id
        LEFT JOIN (
            SELECT {column}, COUNT(*) AS n FROM {links}
            WHERE statement_id IN ({drafts}) GROUP BY {column}
        ) d ON d.{column} = r.id
        WHERE a.n - COALESCE(d.n, 0) > 0
        ORDER BY statement_count DESC, r.name, r.id
        LIMIT %s
    """  # noqa: S608 - table and column names from the models, values as parameters
    return list(model.objects.raw(sql, [*params, limit]))


class TopicQuerySet(models.QuerySet):
    def with_listing_data(self):
        """How many published statements and commitments each topic has."""
        return self.annotate(
            statement_count=_count_published(Statement.topics.through, "topic", "statement"),
            commitment_count=_count_published(
                Commitment.topics.through, "topic", "commitment__statement"
            ),
        )

    def in_use(self, limit):
        """The `limit` topics of the most published statements, with `statement_count` (a list;
        it ranks every topic, not this queryset)."""
        return _most_linked(Topic, Statement.topics.through, "topic", limit)


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("statements:topic_detail", args=[self.slug])


class Country(models.TextChoices):
    """ISO 3166 alpha-2 codes of the countries the archive has met so far; others may be added."""

    US = "US", "United States"
    MX = "MX", "Mexico"
    CA = "CA", "Canada"
    GT = "GT", "Guatemala"
    HN = "HN", "Honduras"
    SV = "SV", "El Salvador"
    CN = "CN", "China"
    GB = "GB", "United Kingdom"
    FR = "FR", "France"
    DE = "DE", "Germany"
    JP = "JP", "Japan"
    IN = "IN", "India"
    BR = "BR", "Brazil"
    CO = "CO", "Colombia"
    UNKNOWN = "", "Unknown"


@functools.cache
def country_labels() -> dict:
    """{code: name} of every code an official can have: the ISO 3166 countries and the
    organisations of ingest/data/countries.yaml (what the importer assigns), the names above
    where both have one. `Country` alone holds only the first fourteen."""
    from statements.ingest.lexicon import WORLD_NAMES

    labels = {code: names[0] for code, names in WORLD_NAMES.items() if names}
    return labels | {choice.value: choice.label for choice in Country if choice.value}


def country_choices():
    """The choices of an official's country (and a delegation): every known code, by name."""
    labels = sorted(country_labels().items(), key=lambda item: fold(item[1]))
    return [("", Country.UNKNOWN.label), *labels]


def country_label(code: str) -> str:
    """A code's name ('Israel'), or the code itself when the data does not know it."""
    return country_labels().get(code, code)


# Folded adjectives and short forms that name a country in a publisher's name.
_COUNTRY_WORDS = {
    "us": "US", "u s": "US", "usa": "US", "american": "US", "white house": "US",
    "mexican": "MX", "mexico": "MX", "canadian": "CA", "british": "GB", "uk": "GB",
    "french": "FR", "german": "DE", "japanese": "JP", "indian": "IN", "brazilian": "BR",
    "colombian": "CO", "chinese": "CN", "guatemalan": "GT", "honduran": "HN", "salvadoran": "SV",
}  # fmt: skip
# Mexican publishers as their Spanish communiqués name them (ingest/lexicon_es.PUBLISHERS).
_COUNTRY_WORDS |= {"secretaria de relaciones exteriores": "MX", "presidencia de la republica": "MX"}


def _country_in(words):
    words = f" {words.strip()} "
    for label, code in sorted(
        [*((fold(c.label), c.value) for c in Country if c.value), *_COUNTRY_WORDS.items()],
        key=lambda item: -len(item[0]),
    ):
        if f" {label} " in words:
            return code
    return ""


def issuing_country(publisher):
    """The country whose government published a statement, from the publisher's name.

    'The White House' and 'U.S. Embassy in Mexico' -> 'US'; 'Government of Mexico' -> 'MX';
    'Embassy of Mexico in the United States' -> 'MX'. The issuer is named before "Embassy"
    or after "of", never after "in". '' when the name does not say.
    """
    name = fold(publisher or "")
    if not name:
        return ""
    name = name.split(" in ", 1)[0]  # "U.S. Embassy in Mexico": the host country is no issuer
    of = name.split(" of ", 1)
    if len(of) == 2 and (code := _country_in(of[1])):
        return code
    return _country_in(name)


def draft_only_forms(participant_ids):
    """{official id: (folded names, titles)} that only unpublished statements wrote for them.

    The drafts' mentions are few; only the names and titles they wrote are then looked for in
    published mentions (as written: a form written differently is kept hidden)."""
    from statements.search.listing import rows_by_ids

    if not participant_ids:
        return {}
    unpublished = unpublished_statement_ids()
    db = StatementParticipant.objects.db
    drafts = rows_by_ids(  # the query compiled once per connection: most searches ask it
        db,
        "draft_only_forms",
        lambda ids: (
            StatementParticipant.objects.using(db)
            .filter(participant_id__in=ids, statement__in=unpublished)
            .values_list("participant_id", "name_as_written", "title_as_written")
        ),
        list(participant_ids),
    )
    if not drafts:
        return {}
    names = {name for _, name, _ in drafts if name}
    titles = {title for _, _, title in drafts if title}
    published = (
        StatementParticipant.objects.filter(participant_id__in={pk for pk, _, _ in drafts})
        .filter(Q(name_as_written__in=names) | Q(title_as_written__in=titles))
        .exclude(statement__in=unpublished)
        .values_list("participant_id", "name_as_written", "title_as_written")
        .distinct()
    )
    seen_names, seen_titles = set(), set()
    for pk, name, title in published:
        seen_names.add((pk, fold(name)))
        seen_titles.add((pk, title))
    hidden = {}
    for pk, name, title in drafts:
        found = hidden.setdefault(pk, (set(), set()))
        if name and (pk, fold(name)) not in seen_names:
            found[0].add(fold(name))
        if title and (pk, title) not in seen_titles:
            found[1].add(title)
    return hidden


def hide_draft_titles(attendances):
    """The attendances, with blank titles where only unpublished statements wrote the title
    (an import fills an attendance's missing title from whichever statement reports the meeting,
    a draft included). One small query, none when no draft names these officials."""
    attendances = list(attendances)
    hidden = draft_only_forms({a.participant_id for a in attendances})
    for attendance in attendances:
        if (
            attendance.title
            and attendance.title in hidden.get(attendance.participant_id, ((), ()))[1]
        ):
            attendance.title = ""
    return attendances


class ParticipantQuerySet(models.QuerySet):
    def with_listing_data(self):
        """How many published statements name each official (drafts never count).

        One mention per statement and official (a unique constraint), so mentions count
        statements.
        """
        return self.annotate(
            statement_count=_count_published(StatementParticipant, "participant", "statement")
        )

    def visible(self):
        """Officials a published statement names: the rest exist only in drafts."""
        return self.filter(models.Exists(_published_links(StatementParticipant, "participant")))

    def most_active(self, limit):
        """The `limit` officials most often named by published statements, with
        `statement_count` (a list; it ranks every official, not this queryset)."""
        return _most_linked(Participant, StatementParticipant, "participant", limit)

    def met_most_often_with(self, official):
        """Every official who attended a public meeting with `official` (a list): counterparts
        from other governments first, then colleagues; within each, most meetings together
        first, then who met them in the smallest meeting (a one-on-one says more than a
        delegation of twenty), then the most recent meeting together, then by name. Each has
        `meetings_together`, `shared_meetings` (newest first) and `is_counterpart`.
        Three queries whatever the number of meetings."""
        attended = (
            MeetingAttendance.objects.public()
            .filter(participant=official)
            .filter(models.Exists(Meeting.objects.visible().filter(pk=models.OuterRef("meeting"))))
            .values("meeting")
        )
        pairs = (
            MeetingAttendance.objects.public()
            .filter(meeting__in=attended)
            .exclude(participant=official)
            .values_list("participant_id", "meeting_id", "delegation")
        )
        met, delegations, sizes = {}, {}, {}
        for participant_id, meeting_id, delegation in pairs:
            met.setdefault(participant_id, set()).add(meeting_id)
            delegations.setdefault(participant_id, delegation)
            sizes[meeting_id] = sizes.get(meeting_id, 1) + 1  # the official, and each other
        if not met:
            return []
        newest = (models.F("start_date").desc(nulls_last=True), "-pk")
        ids = {pk for ids in met.values() for pk in ids}
        meetings = {m.pk: m for m in Meeting.objects.filter(pk__in=ids).order_by(*newest)}
        order = {pk: i for i, pk in enumerate(meetings)}  # newest first
        others = list(self.visible().filter(pk__in=met))
        for other in others:
            other.shared_meetings = sorted(
                (meetings[pk] for pk in met[other.pk]), key=lambda m: order[m.pk]
            )
            other.meetings_together = len(other.shared_meetings)
            other.smallest_meeting = min(sizes[m.pk] for m in other.shared_meetings)
            country = other.country or delegations.get(other.pk, "")
            other.is_counterpart = not (country and country == official.country)
        return sorted(
            others,
            key=lambda o: (
                not o.is_counterpart,
                -o.meetings_together,
                o.smallest_meeting,
                order[o.shared_meetings[0].pk],
                o.name_key,
                o.pk,
            ),
        )

    def public_forms(self, officials):
        """Set `public_titles` on each of `officials`, and `public_aliases` when their aliases
        were prefetched: what published statements (or curators) gave them, without the
        names and titles that only unpublished statements wrote (two small queries)."""
        hidden = draft_only_forms([official.pk for official in officials])
        for official in officials:
            names, titles = hidden.get(official.pk, (set(), set()))
            official.public_titles = [t for t in official.titles if t not in titles]
            aliases = getattr(official, "_prefetched_objects_cache", {}).get("aliases")
            if aliases is not None:
                official.public_aliases = [a for a in aliases if a.name_key not in names]
        return officials


class Participant(models.Model):
    """An official. One row per person, whatever the documents called them."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    # An ISO 3166 alpha-2 code, or the short code of the organisation an officer serves
    # ("NATO", "ASEAN": statements/ingest/data/countries.yaml), hence longer than two letters.
    country = models.CharField(max_length=8, choices=country_choices, blank=True, db_index=True)
    titles = models.JSONField(default=list, blank=True, help_text="Every title the documents gave.")
    # The folded canonical name (accents, case and punctuation removed): the duplicate guard.
    name_key = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParticipantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        permissions = [("merge_participant", "Can merge officials")]
        constraints = [
            models.UniqueConstraint(fields=["name_key", "country"], name="participant_unique_name"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        if not self.slug:
            self.slug = unique_slug(Participant, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("statements:official_detail", args=[self.slug])

    def add_title(self, title):
        title = (title or "").strip()
        if title and title not in self.titles:
            self.titles = [*self.titles, title]
            return True
        return False


class ParticipantAlias(models.Model):
    """Every form of a name the documents used for an official, folded for matching."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = "participant aliases"
        constraints = [
            models.UniqueConstraint(fields=["participant", "name_key"], name="alias_unique"),
        ]
        indexes = [models.Index(fields=["name_key"], name="alias_name_key_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.participant.get_absolute_url()


class StatementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Statement.Status.PUBLISHED)

    def with_listing_data(self):
        return self.prefetch_related(
            models.Prefetch(
                "mentions",
                queryset=StatementParticipant.objects.select_related("participant").order_by(
                    "position", "pk"
                ),
            ),
            "topics",
            "meetings",
        )

    def needing_review(self):
        return self.filter(needs_review=True)

    def refresh_listing_dates(self):
        """Recompute `listing_date` for these statements in one UPDATE (see `Statement`)."""
        first_meeting = (
            Meeting.objects.filter(reports__statement=models.OuterRef("pk"))
            .exclude(start_date=None)
            .order_by("start_date")
            .values("start_date")[:1]
        )
        source = Statement.ListingDateSource
        return self.order_by().update(
            listing_date=Coalesce(models.F("date"), models.Subquery(first_meeting)),
            listing_date_source=models.Case(
                models.When(date__isnull=False, then=models.Value(source.STATEMENT)),
                models.When(models.Exists(first_meeting), then=models.Value(source.MEETING)),
                default=models.Value(source.NONE),
            ),
        )

    def search(self, q):
        """Published statements matching `q` (the search box's language): a filter, unranked.

        Ranked pages with snippets and facets: `statements.search.search()` / `faceted`.
        """
        from statements.search import matching

        return matching(self, q)

    def related_to(self, statement, *, per_link=40, enough=12):
        """Statements sharing a meeting first, then officials, then topics with `statement`.

        Only a bounded candidate set is scored, so the cost does not grow with the archive:
        every statement of the same meetings, and the `per_link` newest statements naming
        each of its officials. Statements sharing only topics rank below all of those, so
        topic candidates (the `per_link` newest per topic) are looked at only when fewer
        than `enough` others share an official. Each score is a correlated
        subquery over the candidates, so no join multiplies rows; bodies are not loaded.
        """
        meeting_ids = [m.pk for m in statement.meetings.all()]
        official_ids = [m.participant_id for m in statement.mentions.all()]
        topic_ids = [t.pk for t in statement.topics.all()]
        if not (meeting_ids or official_ids or topic_ids):
            return self.none()

        links = (
            (MeetingReport, "meeting", meeting_ids),
            (StatementParticipant, "participant", official_ids),
            (Statement.topics.through, "topic", topic_ids),
        )
        candidate_ids = set(
            _newest_per_link(StatementParticipant, "participant", official_ids, per_link, statement)
        )
        if len(candidate_ids) < enough:
            candidate_ids |= set(
                _newest_per_link(Statement.topics.through, "topic", topic_ids, per_link, statement)
            )
        candidates = Q(pk__in=candidate_ids)
        if meeting_ids:
            candidates |= Q(
                pk__in=MeetingReport.objects.filter(meeting__in=meeting_ids).values("statement")
            )

        def shared(model, field, ids):
            rows = model.objects.filter(statement=models.OuterRef("pk"), **{f"{field}__in": ids})
            counted = rows.order_by().values("statement").annotate(n=models.Count("pk"))
            return Coalesce(models.Subquery(counted.values("n")[:1]), 0)

        return (
            self.filter(candidates)
            .exclude(pk=statement.pk)
            .defer("body")
            .annotate(
                same_meeting=shared(*links[0]),
                shared_officials=shared(*links[1]),
                shared_topics=shared(*links[2]),
            )
            .order_by(
                "-same_meeting",
                "-shared_officials",
                "-shared_topics",
                models.F("listing_date").desc(nulls_last=True),
                "-pk",
            )
        )


def _newest_per_link(model, field, ids, per_link, statement):
    """Ids of the `per_link` newest published statements but `statement` linked to each of `ids`.

    One query: a row number per link, newest first."""
    if not ids:
        return []
    newest_first = [
        models.F("statement__listing_date").desc(nulls_last=True),
        models.F("statement").desc(),
    ]
    ranked = (
        model.objects.filter(**{f"{field}__in": ids}, statement__status=Statement.Status.PUBLISHED)
        .exclude(statement=statement)
        .annotate(rank=models.Window(RowNumber(), partition_by=[field], order_by=newest_first))
        .filter(rank__lte=per_link)
        .values_list("statement", flat=True)
    )
    return list(ranked)


class Statement(models.Model):
    class Kind(models.TextChoices):
        JOINT_STATEMENT = "joint_statement", "Joint statement"
        READOUT = "readout", "Readout"
        COMMUNIQUE = "communique", "Communiqué"
        REMARKS = "remarks", "Remarks"
        STATEMENT = "statement", "Statement"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class ListingDateSource(models.TextChoices):
        STATEMENT = "statement", "The statement's own date"
        MEETING = "meeting", "The date of the meeting it reports"
        NONE = "none", "Undated"

    class DateSource(models.TextChoices):
        FRONT_MATTER = "front_matter", "Stated in the front matter"
        TEXT = "text", "Stated in the text"
        INFERRED = "inferred", "Inferred"
        CURATOR = "curator", "Set by a curator"
        NONE = "none", "Unknown"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    body = models.TextField(help_text="The cleaned text of the document.")
    date = models.DateField(null=True, blank=True, db_index=True)
    date_source = models.CharField(
        max_length=20, choices=DateSource.choices, default=DateSource.NONE
    )
    date_inferred = models.BooleanField(default=False)
    date_note = models.CharField(
        max_length=300, blank=True, help_text="Where the date came from, or why there is none."
    )
    # The date lists sort and filter by: the statement's own, else its meeting's (marked as such).
    # Derived and stored (kept current by `save`, the import and signals on meetings and
    # reports), so that any search engine can index it like any other column.
    listing_date = models.DateField(null=True, blank=True, editable=False)
    listing_date_source = models.CharField(
        max_length=10,
        choices=ListingDateSource.choices,
        default=ListingDateSource.NONE,
        editable=False,
    )
    publisher = models.CharField(max_length=200, blank=True, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATEMENT)
    language = models.CharField(max_length=10, default="en")
    source_url = models.URLField(max_length=500, blank=True)
    source_file = models.CharField(max_length=300, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    images = models.JSONField(default=list, blank=True, help_text="Image paths found in the text.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    needs_review = models.BooleanField(default=False, db_index=True)
    review_notes = models.JSONField(
        default=list, blank=True, help_text="What the importer was unsure of."
    )
    # Officials' names, aliases and topic names, copied here so one row holds all searchable text.
    search_names = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    topics = models.ManyToManyField(Topic, related_name="statements", blank=True)
    participants = models.ManyToManyField(
        Participant, through="StatementParticipant", related_name="statements", blank=True
    )

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["search_names", "listing_date", "listing_date_source"]
    )

    class Meta:
        ordering = [models.F("listing_date").desc(nulls_last=True), "-pk"]
        permissions = [("publish_statement", "Can publish statements")]
        indexes = [
            models.Index(fields=["status", "-date"], name="statement_status_date_idx"),
            models.Index(fields=["status", "-listing_date"], name="statement_status_listing_idx"),
            models.Index(fields=["source_url"], name="statement_source_url_idx"),
            models.Index(fields=["source_file"], name="statement_source_file_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Keep `listing_date` current: the own date at once, else the meeting's (a query)."""
        update_fields = kwargs.get("update_fields")
        touches_date = update_fields is None or "date" in update_fields
        if touches_date:
            self.set_own_listing_date()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "listing_date", "listing_date_source"}
        super().save(*args, **kwargs)
        if touches_date and not self.date:
            Statement.objects.filter(pk=self.pk).refresh_listing_dates()
            self.listing_date, self.listing_date_source = (
                Statement.objects.filter(pk=self.pk)
                .values_list("listing_date", "listing_date_source")
                .get()
            )

    def get_absolute_url(self):
        return reverse("statements:statement_detail", args=[self.slug])

    def set_own_listing_date(self):
        """`listing_date` from the statement's own date, without a query (the meeting's date,
        for a statement without one, is `refresh_listing_dates`'s: it reads the reports)."""
        source = self.ListingDateSource
        self.listing_date = self.date
        self.listing_date_source = source.STATEMENT if self.date else source.NONE

    @property
    def date_from_meeting(self):
        """True when lists date this statement by the meeting it reports (it states none)."""
        return self.listing_date_source == self.ListingDateSource.MEETING

    @property
    def publisher_country(self):
        """The government the publisher speaks for ('' when its name does not say)."""
        return issuing_country(self.publisher)

    def refresh_search_names(self, save=True):
        """Copy officials' names (with every alias and the gazetteer's forms: `search_forms`)
        and topics into `search_names`, the names text search indexes."""
        from statements.ingest.resolve import search_forms

        names = []
        for mention in self.mentions.select_related("participant").prefetch_related(
            "participant__aliases"
        ):
            participant = mention.participant
            aliases = [alias.name for alias in participant.aliases.all()]
            names.extend(search_forms(participant.name, aliases))
        self.search_names = search_names_text(names, self.topics.all())
        if save:
            Statement.objects.filter(pk=self.pk).update(search_names=self.search_names)


def search_names_text(official_forms, topics):
    """The names text search indexes (`Statement.search_names`): the officials' forms in the
    order given, then the topics' names by name; each once. One rule for the per-document
    import, the bulk import and a restore."""
    ordered = sorted(topics, key=lambda topic: (topic.name, topic.pk))
    return " ".join(dict.fromkeys([*official_forms, *(topic.name for topic in ordered)]))


class StatementParticipant(models.Model):
    """An official named in a statement, with the name and title as the document wrote them."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="mentions")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="statement_mentions"
    )
    name_as_written = models.CharField(max_length=200)
    title_as_written = models.CharField(max_length=300, blank=True)
    attended = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0, help_text="Offset of the first mention.")

    class Meta:
        ordering = ["statement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "participant"], name="statement_participant_unique"
            ),
        ]

    def __str__(self):
        return f"{self.name_as_written} in {self.statement}"

    def get_absolute_url(self):
        return self.participant.get_absolute_url()


class MeetingQuerySet(models.QuerySet):
    def with_listing_data(self):
        return self.prefetch_related(
            models.Prefetch(
                "attendances",
                queryset=MeetingAttendance.objects.select_related("participant"),
            ),
        ).annotate(statement_count=models.Count("reports", distinct=True))

    def with_published_statements(self):
        return self.filter(reports__statement__status=Statement.Status.PUBLISHED).distinct()

    def visible(self):
        """Meetings at least one published statement reports (without `distinct`, so it counts)."""
        return self.filter(models.Exists(_published_links(MeetingReport, "meeting")))

    def with_index_data(self):
        """What the meetings index shows: published reports and public attendees, counted in
        SQL. Subqueries rather than joins, so that a page of meetings counts for that page only.
        """
        attendees = (
            MeetingAttendance.objects.public()
            .filter(meeting=models.OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=models.Count("*"))
            .values("n")
        )
        return self.annotate(
            published_count=_count_published(MeetingReport, "meeting", "statement"),
            attendee_count=Coalesce(models.Subquery(attendees), 0),
        )


class Meeting(models.Model):
    class Kind(models.TextChoices):
        LEADERS = "leaders", "Leaders' meeting"
        DELEGATION_VISIT = "delegation_visit", "Delegation visit"
        COMMITTEE = "committee", "Committee meeting"
        CALL = "call", "Call"
        OTHER = "other", "Meeting"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    start_date = models.DateField(null=True, blank=True, db_index=True)
    end_date = models.DateField(null=True, blank=True)
    date_inferred = models.BooleanField(default=False)
    city = models.CharField(max_length=120, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    countries = models.JSONField(default=list, blank=True, help_text="ISO 3166 alpha-2 codes.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    attendees = models.ManyToManyField(
        Participant, through="MeetingAttendance", related_name="meetings", blank=True
    )
    statements = models.ManyToManyField(
        Statement, through="MeetingReport", related_name="meetings", blank=True
    )

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("start_date").desc(nulls_last=True), "-pk"]
        permissions = [("merge_meeting", "Can merge meetings")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="meeting_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("statements:meeting_detail", args=[self.slug])

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city) if part)

    def grouping(self):
        """Why the published statements reporting this meeting are grouped here, for the page:
        (reports with their statements, oldest link first; the points where accounts disagree,
        each once)."""
        reports = list(
            self.reports.filter(statement__status=Statement.Status.PUBLISHED)
            .select_related("statement")
            .order_by("pk")
        )
        disagreements = []
        for report in reports:
            for reason in report.disagreements:
                if reason.get("kind") != "tie" and reason["text"] not in disagreements:
                    disagreements.append(reason["text"])
        return reports, disagreements


class MeetingAttendanceQuerySet(models.QuerySet):
    def public(self):
        """Attendances the public may see: not those that only unpublished statements gave
        (a draft reporting the meeting names the official, and no published report does).
        Attendances no mention explains (a curator's) stay."""
        unpublished = unpublished_statement_ids()

        def named(*, published):
            mentions = StatementParticipant.objects.filter(
                participant=models.OuterRef("participant"),
                statement__meeting_reports__meeting=models.OuterRef("meeting"),
            )
            if published:
                return models.Exists(mentions.exclude(statement__in=unpublished))
            return models.Exists(mentions.filter(statement__in=unpublished))

        draft_meetings = MeetingReport.objects.filter(statement__in=unpublished).values("meeting")
        return self.exclude(
            Q(meeting__in=draft_meetings) & named(published=False) & ~named(published=True)
        )


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendances"
    )
    delegation = models.CharField(max_length=8, choices=country_choices, blank=True)  # as country
    title = models.CharField(max_length=300, blank=True, help_text="The title held there.")

    objects = MeetingAttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "delegation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="meeting_attendance_unique"
            ),
        ]

    def __str__(self):
        return f"{self.participant} at {self.meeting}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()


class MeetingReport(models.Model):
    """A statement reporting a meeting, and how sure the importer was of the link."""

    class Evidence(models.TextChoices):
        STATED = "stated", "Dates stated in the statement"
        STRONG = "strong", "Strong evidence (attendees, place, names)"
        WEAK = "weak", "Weak evidence: check it"
        CURATOR = "curator", "Linked by a curator"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reports")
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="meeting_reports"
    )
    evidence = models.CharField(max_length=10, choices=Evidence.choices, default=Evidence.STATED)
    note = models.CharField(max_length=300, blank=True)
    # Why the importer grouped the statement here, item by item in plain words (shared attendees,
    # dates and relative days, places, ordinals, titles): [{"kind", "text", "agrees"}]; an item
    # that does not agree is a point where the accounts differ (such as a committee's numbering).
    reasons = models.JSONField(default=list, blank=True)
    confidence = models.FloatField(default=1.0, help_text="How sure the link is, 0 to 1.")
    decided_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "statement", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "statement"], name="meeting_report_unique"),
        ]

    def __str__(self):
        return f"{self.statement} reports {self.meeting}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    @property
    def needs_review(self):
        return self.evidence == self.Evidence.WEAK

    @property
    def certainty(self):
        """How sure the link is, in plain words."""
        if self.evidence == self.Evidence.CURATOR:
            return "Confirmed by a curator"
        if self.evidence == self.Evidence.WEAK:
            return f"Uncertain ({self.confidence:.0%}): waiting for a curator to check it"
        if self.evidence == self.Evidence.STATED:
            return "Certain: the dates it states match"
        return f"Likely ({self.confidence:.0%})"

    @property
    def agreements(self):
        return [r for r in self.reasons or [] if r.get("agrees", True)]

    @property
    def disagreements(self):
        return [r for r in self.reasons or [] if not r.get("agrees", True)]


class Commitment(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="commitments")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments"
    )
    text = models.TextField()
    parties = models.JSONField(
        default=list, blank=True, help_text="Who commits: country codes or names as written."
    )
    topics = models.ManyToManyField(Topic, related_name="commitments", blank=True)
    position = models.PositiveIntegerField(help_text="Character offset in the statement body.")

    class Meta:
        ordering = ["statement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "position"], name="commitment_unique_position"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{self.statement.get_absolute_url()}#commitment-{self.pk}"


class Quote(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    speaker_as_written = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Character offset in the statement body.")

    class Meta:
        ordering = ["statement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "position"], name="quote_unique_position"),
        ]

    def __str__(self):
        return f"{self.speaker_as_written}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.statement.get_absolute_url()}#quote-{self.pk}"


class MergeRecord(models.Model):
    """A curator merged one official (or meeting) into another: what went where, and who did it.

    The merged row is gone, so its name and slug are kept here (old links can redirect)."""

    class Kind(models.TextChoices):
        PARTICIPANT = "participant", "Official"
        MEETING = "meeting", "Meeting"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    merged_name = models.CharField(max_length=300)
    merged_slug = models.SlugField(max_length=200)
    merged_pk = models.PositiveBigIntegerField()
    target_participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="merges"
    )
    target_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="merges"
    )
    target_name = models.CharField(max_length=300)
    moved = models.JSONField(default=dict, blank=True, help_text="What was moved, by kind.")
    merged_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        indexes = [models.Index(fields=["kind", "merged_slug"], name="merge_kind_slug_idx")]

    def __str__(self):
        return f"{self.merged_name} → {self.target_name}"

    def get_absolute_url(self):
        return self.target.get_absolute_url() if self.target else ""

    @property
    def target(self):
        return self.target_participant or self.target_meeting


class OfficialCorrection(models.Model):
    """A curator's correction to one official named in a statement, kept apart from the mention
    (which an import rebuilds) so that every later import re-applies it, and only it.

    The mention is found again by the name as the importer wrote it (folded)."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="official_corrections"
    )
    name_key = models.CharField(max_length=200, help_text="The name as written, folded.")
    name = models.CharField(max_length=200, help_text="The name as written.")
    participant = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The official the curator matched the name to (none: not re-matched).",
    )
    title_corrected = models.BooleanField(default=False)
    title = models.CharField(max_length=300, blank=True, help_text="The corrected title.")
    attended = models.BooleanField(null=True, blank=True)
    removed = models.BooleanField(default=False, help_text="Not an official: never named again.")
    corrected_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["statement", "name_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "name_key"], name="official_correction_unique"
            ),
        ]

    def __str__(self):
        return f"{self.name_key} in {self.statement}"

    def get_absolute_url(self):
        return self.statement.get_absolute_url()


# --- keeping `Statement.listing_date` current ------------------------------------------------


@receiver(post_save, sender=MeetingReport)
@receiver(post_delete, sender=MeetingReport)
def _report_changed(sender, instance, **kwargs):
    Statement.objects.filter(pk=instance.statement_id, date=None).refresh_listing_dates()


@receiver(post_save, sender=Meeting)
def _meeting_saved(sender, instance, **kwargs):
    if kwargs.get("created"):
        return  # no statement reports it yet
    Statement.objects.filter(meeting_reports__meeting=instance, date=None).refresh_listing_dates()


# --- Commitments over time (threads) --------------------------------------------------------


def _json_contains():
    """Whether the database can ask "does this JSON list hold X" (not SQLite)."""
    from django.db import connection

    return connection.features.supports_json_field_contains


class CommitmentThreadQuerySet(models.QuerySet):
    def visible(self):
        """Threads with at least one commitment of a published statement."""
        return self.filter(
            models.Exists(
                ThreadMention.objects.filter(thread=models.OuterRef("pk")).exclude(
                    commitment__statement__in=unpublished_statement_ids()
                )
            )
        )

    def matching(self, *, parties=(), topics=(), officials=(), years=(), q=""):
        """Threads with a published mention that fits every filter given (slugs, codes, years).

        `q` is a plain database search: every word must appear in one mention's text."""
        mentions = ThreadMention.objects.filter(thread=models.OuterRef("pk")).exclude(
            commitment__statement__in=unpublished_statement_ids()
        )
        qs = self
        for code in parties:
            qs = (
                qs.filter(parties__contains=[code])
                if _json_contains()
                else qs.filter(parties__icontains=f'"{code}"')
            )
        for slug in topics:
            qs = qs.filter(models.Exists(mentions.filter(commitment__topics__slug=slug)))
        for slug in officials:
            qs = qs.filter(
                models.Exists(
                    mentions.filter(commitment__statement__mentions__participant__slug=slug)
                )
            )
        if years:
            qs = qs.filter(
                models.Exists(mentions.filter(commitment__statement__date__year__in=years))
            )
        words = q.split()
        if words:
            text = Q()
            for word in words[:10]:
                text &= Q(commitment__text__icontains=word)
            qs = qs.filter(models.Exists(mentions.filter(text)))
        return qs

    def with_listing_data(self):
        """Published mentions (oldest first) with statements and topics: one query each."""
        mentions = (
            ThreadMention.objects.exclude(commitment__statement__in=unpublished_statement_ids())
            .select_related("commitment__statement")
            .prefetch_related("commitment__topics")
            .defer("commitment__statement__body", "commitment__statement__search_names")
            .order_by(models.F("commitment__statement__date").asc(nulls_last=True), "pk")
        )
        return self.prefetch_related(models.Prefetch("mentions", queryset=mentions))


class CommitmentThread(models.Model):
    """One undertaking followed through the statements that make it, restate it, widen it or
    report it done. Derived by `statements.ingest.threads`; curators split and join threads."""

    slug = models.SlugField(max_length=200, unique=True)
    text = models.TextField(help_text="The undertaking as first stated.")
    parties = models.JSONField(default=list, blank=True)
    first_date = models.DateField(null=True, blank=True, db_index=True)
    last_date = models.DateField(null=True, blank=True)
    mention_count = models.PositiveIntegerField(default=0)
    terms = models.TextField(
        blank=True, editable=False, help_text="Key terms (stems) used to group."
    )
    curated = models.BooleanField(default=False, help_text="A curator split or joined it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitmentThreadQuerySet.as_manager()

    class Meta:
        ordering = [models.F("first_date").desc(nulls_last=True), "-pk"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("statements:commitment_detail", args=[self.slug])


class ThreadMention(models.Model):
    """A commitment as one mention of a thread, and what it does to the undertaking."""

    class Role(models.TextChoices):
        FIRST = "first", "First made"
        REAFFIRMED = "reaffirmed", "Reaffirmed"
        EXPANDED = "expanded", "Expanded"
        DONE = "done", "Reported done"

    thread = models.ForeignKey(CommitmentThread, on_delete=models.CASCADE, related_name="mentions")
    commitment = models.OneToOneField(
        Commitment, on_delete=models.CASCADE, related_name="thread_mention"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.REAFFIRMED)
    pinned = models.BooleanField(default=False, help_text="Placed by a curator: never regrouped.")

    class Meta:
        ordering = ["thread", "pk"]
        indexes = [models.Index(fields=["thread", "role"], name="thread_mention_role_idx")]

    def __str__(self):
        return f"{self.get_role_display()}: {self.commitment}"

    def get_absolute_url(self):
        return self.thread.get_absolute_url()


class ThreadPin(models.Model):
    """A curator's decision that a commitment belongs to a thread (split or join).

    Commitments are rebuilt when their statement is re-imported, so the decision is keyed by the
    statement and the commitment's folded text, not by the commitment row, and survives that."""

    thread = models.ForeignKey(CommitmentThread, on_delete=models.CASCADE, related_name="pins")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    text_key = models.CharField(max_length=64)
    pinned_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pinned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["thread", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "text_key"], name="thread_pin_unique"),
        ]

    def __str__(self):
        return f"{self.statement_id}:{self.text_key[:8]} → {self.thread_id}"

    def get_absolute_url(self):
        return self.thread.get_absolute_url()
