"""A facet's long tie at the most statements any of its values has, picked as the database
picks it (count, then slug) without counting every tied value.

At 1M statements a common word's meetings are a tie of tens of thousands at three statements
(every statement of the meeting matched); their buckets outnumber what one Tantivy aggregation
may return (its bucket limit, 65,000), and the tie came back cut. Here a small archive with
such a tie longer than a lowered limit: the engine walks the meetings in slug order
(`IndexSearch._walk_tie`), and shows what the database shows, with no aggregation over it."""

import pytest

from statements.search import engine
from tests.factories import MeetingFactory, ReportFactory, StatementFactory
from tests.search.test_tantivy_search import answer, compare

TIED, HALF = 120, 30  # meetings with both statements matched, with one
LIMIT = 70  # buckets an aggregation may return here: fewer than the tie has values


@pytest.fixture
def meetings(db):
    """150 meetings of two statements each, slugs in another order than ids; both statements of
    120 of them say "walkword", one of the other 30; 20 statements say something else."""
    for i in range(TIED + HALF):
        meeting = MeetingFactory(slug=f"meeting-{(i * 37) % (TIED + HALF):03d}")
        for j in range(2):
            body = "walkword talks" if i < TIED or j == 0 else "other talks"
            ReportFactory(meeting=meeting, statement=StatementFactory(body=body))
    for _ in range(20):
        StatementFactory(body="other text")


@pytest.fixture
def lowered(monkeypatch):
    """Aggregations limited to LIMIT buckets (refused beyond, as Tantivy refuses beyond its own
    limit), walks in chunks of 16 slugs; records the walks' answers."""
    aggregate, walk = engine.IndexSearch._aggregate, engine.IndexSearch._walk_tie
    seen = {"refused": 0, "walks": []}

    def limited(self, query, aggs):
        found = aggregate(self, query, aggs)
        for name in aggs:
            if len(found[name].get("buckets", ())) > LIMIT:
                seen["refused"] += 1
                raise engine.FacetsTooLarge(f"{name}: more than {LIMIT} buckets")
        return found

    def walking(self, *args):
        seen["walks"].append(walk(self, *args))
        return seen["walks"][-1]

    monkeypatch.setattr(engine.IndexSearch, "_aggregate", limited)
    monkeypatch.setattr(engine.IndexSearch, "_walk_tie", walking)
    monkeypatch.setattr(engine, "TIE_WALK_LAST", 16)
    monkeypatch.setattr(engine, "TIE_WALK_ROUNDS", 20)
    return seen


@pytest.mark.parametrize("params", ["q=walkword", "", "q=walkword&sort=newest", "q=talks"])
def test_a_long_tie_is_walked_in_slug_order_as_the_database_orders(meetings, lowered, params):
    assert compare(params)
    assert lowered["walks"] and all(walk is not None for walk in lowered["walks"])
    assert not lowered["refused"]  # the index answered the facets, not the database
    shown = [value for value, *_ in answer(params, index=True)[1]["meeting"]]
    assert len(shown) == 12


def test_the_walk_finds_the_first_tied_slugs(meetings, lowered):
    """Of the 150 slugs meeting-000 … meeting-149, those of the 120 tied meetings come first
    only where the 30 half-matched ones are not: the walk must skip them."""
    half = {f"meeting-{(i * 37) % (TIED + HALF):03d}" for i in range(TIED, TIED + HALF)}
    expected = [s for s in (f"meeting-{n:03d}" for n in range(TIED + HALF)) if s not in half]
    shown = [value for value, *_ in answer("q=walkword", index=True)[1]["meeting"]]
    assert sorted(shown) == expected[:12]
    assert set(expected[:12]) & set(f"meeting-{n:03d}" for n in range(12)) != set(expected[:12])


@pytest.mark.parametrize(
    "params",
    [
        "q=walkword&all=meeting",  # more shown than the tie has: counted whole
        "q=walkword&meeting=meeting-140",  # a chosen meeting
        "q=walkword&kind=readout",  # a filter: counted over the matches, whole
        "q=other",  # a sparse tie: counted whole
    ],
)
def test_what_is_not_walked_agrees_too(meetings, params):
    compare(params)


def test_a_narrow_search_never_waits_for_the_most_a_meeting_counts(meetings, monkeypatch):
    """`_most` counts every meeting of the snapshot (17 aggregations at 1M): only a search that
    matches at least WALK_DENSITY of the archive can walk a tie, so only such a search pays it."""
    StatementFactory(body="rarissimo")
    asked = []
    most = engine.IndexSearch._most
    monkeypatch.setattr(
        engine.IndexSearch, "_most", lambda self, name: asked.append(name) or most(self, name)
    )
    assert compare("q=rarissimo") == 1
    assert asked == []
    compare("q=walkword")
    assert set(asked) == {"meeting"}


def test_a_tie_at_the_most_past_the_first_answer_is_asked_with_the_facets(sparse, monkeypatch):
    """A search in less than COMPLEMENT_SHARE of the archive whose meetings' tie is too sparse to
    walk, at the most any meeting has (`_most`), running past the first SPARSE_FIRST values:
    the tie is asked in the same aggregation as the facets, not again once their answer is in
    (the phrase "arms trafficking" at 1M: 1,530 meetings with all three statements matched)."""
    monkeypatch.setattr(engine, "SPARSE_FIRST", 20)  # fewer than the 120 tied meetings
    monkeypatch.setattr(engine, "TIE_ALONE", 1000)  # the top values asked too (next tests: not)
    assert compare("q=walkword") == 2 * TIED + HALF
    assert len([names for names in sparse if "meeting" in names]) == 1, sparse
    assert len(answer("q=walkword", index=True)[1]["meeting"]) == 12


@pytest.fixture
def sparse(meetings, monkeypatch):
    """The archive of `meetings` with 300 statements more (walkword in 270 of 590: (270 / 590)
    ** 2 = 0.21 of the 150 meetings expected tied, 31), its ties never walked; records the
    names of each aggregation over the search's matches."""
    for _ in range(300):
        StatementFactory(body="filler")
    monkeypatch.setattr(engine, "WALK_DENSITY", 0.3)
    aggregate, asked = engine.IndexSearch._aggregate, []

    def counted(self, query, aggs):
        if query is self.query:  # (not `_most`'s, over ranges of meetings' ids)
            asked.append(sorted(aggs))
        return aggregate(self, query, aggs)

    monkeypatch.setattr(engine.IndexSearch, "_aggregate", counted)
    return asked


def test_a_tie_expected_to_fill_the_top_is_asked_alone(sparse):
    """31 meetings expected at the most (2), TIE_ALONE times the 12 shown or more: the meetings
    are asked as their tie alone, in the facets' one aggregation, not their top values too
    (the phrase "arms trafficking" at 1M: 146 ms for the top 1,000, 65 for the tie)."""
    assert compare("q=walkword") == 2 * TIED + HALF
    meetings = [names for names in sparse if any("meeting" in name for name in names)]
    assert len(meetings) == 1, sparse
    assert engine.TOP_TIE + "meeting" in meetings[0] and "meeting" not in meetings[0]
    assert len(answer("q=walkword", index=True)[1]["meeting"]) == 12


@pytest.mark.parametrize(
    ("params", "density"),
    [
        ("q=filler", 0.3),  # no meeting: the tie is empty
        ("q=other", 0.05),  # 50 of 620, no meeting with both statements matched
        ("q=walkword&all=meeting", 0.3),  # 120 tied, fewer than the 1,000 shown
    ],
)
def test_a_wrong_guess_asks_the_meetings_again(sparse, monkeypatch, params, density):
    """Guessed to fill the top (as many meetings at the most as the archive could hold), the
    tie alone has fewer values than are shown: the meetings are asked again, as before, and
    the answer is the database's."""
    monkeypatch.setattr(engine, "WALK_DENSITY", density)  # the tie asked, never walked
    monkeypatch.setattr(engine.IndexSearch, "_at_most", lambda self, name: 10**9)
    compare(params)
    meetings = [names for names in sparse if any("meeting" in name for name in names)]
    assert [engine.TOP_TIE + "meeting" in names for names in meetings] == [True, False], sparse
    assert "meeting" in meetings[1]


def test_the_values_at_the_most_are_counted_exactly(meetings, monkeypatch):
    """`_at_most`, the guess's base, over chunks of ids (here 16 meetings a chunk): a chunk whose
    top passes the most so far (the last, with a meeting of three statements) is asked again."""
    from statements.models import Meeting
    from statements.search.engine import IndexSearch, ready_index
    from statements.search.query import parse

    monkeypatch.setattr(engine, "ID_CHUNK", 16)
    search = IndexSearch(ready_index(), parse(""))
    assert (search._most("meeting"), search._at_most("meeting")) == (2, TIED + HALF)
    three = MeetingFactory(slug="meeting-three")
    for _ in range(3):
        ReportFactory(meeting=three, statement=StatementFactory(body="three"))
    search = IndexSearch(ready_index(), parse(""))
    assert (search._most("meeting"), search._at_most("meeting")) == (3, 1)
    assert Meeting.objects.count() == TIED + HALF + 1


def test_a_tie_alone_past_the_bucket_limit_is_asked_apart(sparse, monkeypatch):
    """The facets' aggregation refused with the tie in it (past Tantivy's bucket limit): asked
    again without it, the meetings' top values with the others, as before the tie was asked."""
    aggregate = engine.IndexSearch._aggregate

    def refusing(self, query, aggs):
        if any(name.startswith(engine.TOP_TIE) for name in aggs):
            raise engine.FacetsTooLarge("the tie: more buckets than allowed")
        return aggregate(self, query, aggs)

    monkeypatch.setattr(engine.IndexSearch, "_aggregate", refusing)
    assert compare("q=walkword") == 2 * TIED + HALF
    meetings = [names for names in sparse if any("meeting" in name for name in names)]
    assert len(meetings) == 1 and "meeting" in meetings[0], sparse
