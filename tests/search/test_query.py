"""The query language, parsed once for both engines, and its rendering to each engine's syntax."""

import pytest

from statements.search.postgres import to_tsquery_text
from statements.search.query import MAX_QUERY_CHARS, MAX_TERMS, Term
from statements.search.query import parse as parse_translated
from statements.search.sqlite import to_match


def parse(raw):
    """The parse as typed: translations (bilingual.py) are tested in test_bilingual.py."""
    return parse_translated(raw, translate=False)


def texts(groups):
    return [[t.text for t in group] for group in groups]


def test_words_phrases_or_exclusions_prefixes():
    query = parse('López  "Trilateral Fentanyl Committee" Trudeau OR Bárcena -Canada migra*')
    assert texts(query.groups) == [
        ["lopez"],
        ["trilateral fentanyl committee"],
        ["trudeau", "barcena"],
        ["migra"],
    ]
    assert query.groups[1][0].phrase
    assert query.groups[3][0].prefix
    assert [t.text for t in query.excluded] == ["canada"]
    assert not query.notices


def test_inner_punctuation_is_kept_for_the_engines_tokenizers():
    query = parse("Sherwood-Randall U.S. (fentanyl), don't")
    assert texts(query.groups) == [["sherwood-randall"], ["u.s"], ["fentanyl"], ["don't"]]


def test_negated_phrase_and_not_operator():
    query = parse('migration -"Trilateral Fentanyl Committee" NOT Canada')
    assert texts(query.groups) == [["migration"]]
    assert [t.text for t in query.excluded] == ["trilateral fentanyl committee", "canada"]


@pytest.mark.parametrize(
    "raw",
    ["", "   ", '"', '""', "-", "*", "OR", "NOT", "AND", "🙂", "!!! ???", "\x00\x01", "---"],
)
def test_nothing_to_search(raw):
    query = parse(raw)
    assert query.is_empty
    assert not query


def test_lone_operators_explain_themselves():
    assert "OR and NOT" in parse("OR fentanyl").notices[0]
    assert texts(parse("fentanyl OR").groups) == [["fentanyl"]]


def test_unclosed_quote_runs_to_the_end():
    query = parse('border "joint statement')
    assert texts(query.groups) == [["border"], ["joint statement"]]


def test_limits():
    long = parse("word " * 1000)
    assert len(long.groups) == MAX_TERMS
    assert any(str(MAX_QUERY_CHARS) in n for n in long.notices)
    assert any(str(MAX_TERMS) in n for n in long.notices)
    assert len(parse("x" * 10_000).groups[0][0].text) <= 80


def test_only_exclusions():
    query = parse("-canada -mexico")
    assert query.only_excludes
    assert "only excludes" in query.notices[0]


@pytest.mark.parametrize(
    "raw",
    [
        "' OR 1=1 --",
        "a'b\\c",
        'title:x "y',
        "a:* & !b | c <-> d",
        "NEAR(a b) ^c {d}",
        'he said ""hi""',
    ],
)
def test_rendering_quotes_every_term(raw):
    """Whatever was typed, each engine receives only quoted operands and our own operators."""
    query = parse(raw)
    fts = to_match(query)
    tsq = to_tsquery_text(query)
    for term in query.positive_terms + query.excluded:
        assert '"' + term.text.replace('"', '""') + '"' in fts
        assert "'" + term.text.replace("\\", "\\\\").replace("'", "''") + "'" in tsq


def test_rendering_shapes():
    query = parse('a OR b "c d" e* -f')
    assert to_match(query) == '(("a" OR "b") AND "c d" AND "e" *) NOT ("f")'
    assert to_tsquery_text(query) == "( 'a' | 'b' ) & 'c d' & 'e':* & !( 'f' )"


def test_term_words():
    assert Term("sherwood-randall").words == ["sherwood", "randall"]
