"""The shapes of the API's answers, for the OpenAPI description (`api.openapi_document`).

Written by hand beside the views that build the answers; tests/test_openapi.py checks every
documented object against real answers over the seeds, key for key, so a field added to a view
and not here (or the other way round) fails the suite.
"""


def obj(description="", **properties):
    schema = {"type": "object", "properties": properties, "required": sorted(properties)}
    return {**schema, "description": description} if description else schema


def array(items):
    return {"type": "array", "items": items}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    if "$ref" in schema:  # OpenAPI 3.0 ignores a $ref's siblings
        return {"allOf": [schema], "nullable": True}
    return {**schema, "nullable": True}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
URL = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
COUNTRY = {"type": "string", "description": "ISO 3166 alpha-2 code"}
ANY_OBJECTS = array({"type": "object"})  # described in docs/API.md, not field by field here

PAGING = {
    "count": INTEGER,
    "page": INTEGER,
    "page_size": INTEGER,
    "num_pages": INTEGER,
    "next": nullable(URL),
    "previous": nullable(URL),
}


# Present only when it can narrow the search (two languages among the results, or one chosen).
OPTIONAL_FACETS = {"language"}


def facets(names):
    schema = obj(
        "Per facet, its values with how many results choosing each would give; `language` only "
        "when the results span two languages or one is chosen",
        **{name: array(ref("FacetValue")) for name in names},
    )
    schema["required"] = sorted(set(names) - OPTIONAL_FACETS)
    return schema


def schemas(facet_names):
    """components.schemas: every answer the API documents field by field."""
    named = {"name": STRING, "slug": STRING}
    mention = obj(
        statement=STRING,
        statement_url=URL,
        date=nullable(DATE),
        role={"type": "string", "enum": ["first", "reaffirmed", "expanded", "done"]},
        text=STRING,
    )
    thread = {
        "slug": STRING,
        "text": {"type": "string", "description": "The undertaking as first stated"},
        "parties": array(COUNTRY),
        "topics": array({"type": "string", "description": "Topic slug"}),
        "first_date": nullable(DATE),
        "url": URL,
        "api_url": URL,
        "mentions": array(mention),
    }
    return {
        "FacetValue": obj(value=STRING, label=STRING, count=INTEGER),
        "SearchResult": obj(
            slug=STRING,
            title=STRING,
            date=nullable(DATE),
            listing_date=nullable(DATE),
            listing_date_source={"type": "string", "enum": ["statement", "meeting", "none"]},
            publisher=STRING,
            url=URL,
            snippet={"type": "string", "description": "HTML: the text escaped, matches in <mark>"},
            officials=array({"type": "string", "description": "Official slug"}),
            topics=array({"type": "string", "description": "Topic slug"}),
        ),
        "Search": obj(
            count=INTEGER,
            page=INTEGER,
            results=array(ref("SearchResult")),
            facets=facets(facet_names),
            did_you_mean={
                "type": "string",
                "nullable": True,
                "description": "The query with its misspelled words corrected, when it found "
                "two results or fewer; null otherwise",
            },
        ),
        "Suggestions": obj(
            suggestions=array(
                obj(
                    kind={"type": "string", "enum": ["official", "topic", "meeting"]},
                    label={"type": "string", "description": "Plain text, not HTML"},
                    url=URL,
                )
            )
        ),
        "Meeting": obj(
            slug=STRING,
            title=STRING,
            start_date=nullable(DATE),
            end_date=nullable(DATE),
            date_inferred=BOOLEAN,
            place=STRING,
            venue=STRING,
            city=STRING,
            kind=STRING,
            countries=array(COUNTRY),
            url=URL,
            api_url=URL,
            attendees=ANY_OBJECTS,
            statements=ANY_OBJECTS,
            commitments=ANY_OBJECTS,
            comparison=nullable(ref("Comparison")),
            compare_url=nullable(URL),
        ),
        "Comparison": obj(
            "Two or more governments' accounts of one meeting, aligned by subject",
            governments=array(
                obj(
                    country=COUNTRY,
                    label=STRING,
                    statements=array(obj(slug=STRING, title=STRING, publisher=STRING, url=URL)),
                    only_here=obj(
                        "What this account names and no other does",
                        people=array(obj(**named)),
                        topics=array(obj(**named)),
                        commitments=array(obj(text=STRING, statement=STRING)),
                        numbers=array(STRING),
                        ordinals=array(STRING),
                        dates=array(STRING),
                    ),
                )
            ),
            differences=array({"type": "string", "description": "A plain sentence"}),
            rows=array(
                obj(
                    subject=array(STRING),
                    cells=array(
                        nullable(obj(country=COUNTRY, statement=STRING, text=STRING)),
                    ),
                )
            ),
        ),
        "CommitmentThread": obj(**thread),
        "CommitmentThreads": obj(**PAGING, results=array(ref("CommitmentThread"))),
        "CommitmentThreadDetail": obj(
            **thread,
            officials=array(obj(slug=STRING, name=STRING, api_url=URL)),
            meetings=array(obj(slug=STRING, title=STRING, api_url=URL)),
        ),
    }


def answers(name, errors=True):
    """An operation's `responses`: 200 with the named schema, and the API's errors."""
    responses = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ref(name)}}}
    }
    if errors:
        responses["400"] = {"description": "Invalid parameters: {errors: [...]}"}
    return responses
