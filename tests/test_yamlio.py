"""Line-aware YAML loading: positions, duplicate keys, aliases, tags, translated errors."""

import random
import re
import time

import pytest

from builder import yamlio


def test_positions_count_from_the_top_of_the_file() -> None:
    doc, problems = yamlio.load("d.md", "date: 2024-06-22\nheadlines:\n  - title: x\n", 1)
    assert problems == []
    assert doc is not None
    assert doc.where(("headlines", 0, "title")).line == 4
    assert doc.where(("headlines", 0, "title")).column == 12
    assert doc.where_key(("headlines",)).line == 3


def test_duplicate_keys_are_reported_not_silently_dropped() -> None:
    doc, problems = yamlio.load("f.yaml", "title: a\nnote: b\ntitle: c\n")
    assert [(p.location.line, p.field) for p in problems] == [(3, "title")]
    assert "first at line 1" in problems[0].message
    assert doc is not None and doc.value["title"] == "a"


def test_aliases_are_refused_before_expansion() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghijklmnopqrstuvwxyz":
        prev = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    start = time.perf_counter()
    _, problems = yamlio.load("bomb.yaml", laughs)
    assert time.perf_counter() - start < 2  # 5**25 items if expanded: never finishes
    assert problems and all("aliases" in p.message or "anchors" in p.message for p in problems)
    assert sum("aliases" in p.message for p in problems) == 25 * 5


def test_object_tags_are_refused() -> None:
    _, problems = yamlio.load("t.yaml", "x: !!python/object/apply:os.system ['true']\n")
    assert len(problems) == 1
    assert "tag" in problems[0].message and "not allowed" in problems[0].message


def test_trailing_comments_on_unquoted_text_are_kept_for_a_warning() -> None:
    doc, _ = yamlio.load("t.yaml", 'title: Putin #1 enemy\nnote: "kept #whole"\nsource: x  # id\n')
    assert doc is not None
    assert doc.value["title"] == "Putin"
    assert doc.trailing_comments == {("title",): "1 enemy", ("source",): "id"}


def test_an_impossible_date_keeps_its_text() -> None:
    doc, problems = yamlio.load("t.yaml", "date: 2024-02-30\n")
    assert problems == [] and doc is not None
    assert doc.value["date"] == yamlio.Unreadable(
        "2024-02-30",
        "'2024-02-30' is not a valid date: day is out of range for month; write YYYY-MM-DD",
    )


def test_unquoted_scalars_remember_their_text() -> None:
    doc, _ = yamlio.load("t.yaml", "time: 10:00\nplace: No\nquoted: '10:00'\n")
    assert doc is not None
    assert doc.value["time"] == 600
    assert doc.plain_scalars[("time",)].text == "10:00"
    assert doc.plain_scalars[("place",)].text == "No"
    assert ("quoted",) not in doc.plain_scalars


def test_syntax_error_names_line_key_and_fix() -> None:
    doc, problems = yamlio.load("d.md", "date: 2024-06-22\ntitle: Putin: no talks\n", 1)
    assert doc is None
    (problem,) = problems
    assert (problem.location.line, problem.location.column, problem.field) == (3, 13, "title")
    assert "must be in quotes" in problem.message
    assert "Traceback" not in problem.message and "<" not in problem.message.split(";")[0]


@pytest.mark.parametrize(
    ("text", "place", "start"),
    [
        # The space after a key: YAML reads "source:\u00a0espreso" as text, and gives up lines
        # later (or, here, at the next key).
        ("a:\n  - title: x\n    source:\u00a0espreso\n    tags: [b]\n", (3, 12, "source"),
         "YAML syntax error: a non-breaking space (U+00A0) after 'source:', where YAML needs"),
        ("a:\n  - title: x\n\u202f\u202f\u202f\u202ftags: [b]\n    places: [c]\n", (3, 1, "tags"),
         "YAML syntax error: a narrow non-breaking space (U+202F) in the indentation"),
        ("a:\n  -\u00a0title: x\n    tags: [b]\n", (2, 4, "title"),
         "YAML syntax error: a non-breaking space (U+00A0) after '-'"),
        # A word processor's dash or bullet for a list's '-'.
        ("a:\n  – title: x\n    tags: [b]\n", (2, 3, "title"),
         "YAML syntax error: '–' (an en dash) starts this item, where a list needs '-'"),
        ("a:\n  - title: x\n  • title: y\n    tags: [b]\n", (3, 3, "title"),
         "YAML syntax error: '•' (a bullet) starts this item, where a list needs '-'"),
        # Another problem than a pasted space: a non-breaking space inside a value is text.
        ('a:\n  - title: "5\u00a0000\n\u00a0people"\n    tags: [b\n', (4, 11, "tags"),
         "YAML syntax error: while parsing a flow sequence"),
        ("title: “Zelensky: talks”\n", (1, 17, "title"),
         "YAML syntax error: mapping values are not allowed in this context; “ is a "
         'typographic quotation mark, which YAML reads as part of the text, not as a quote: '
         'put the value in straight quotes, title: "Zelensky: talks"'),
        ("title: «Зеленський: переговори»\n", (1, 19, "title"),
         "YAML syntax error: mapping values are not allowed in this context; « is a "),
    ],
)  # fmt: skip
def test_a_pasted_space_or_typographic_quote_is_named_where_it_is(
    text: str, place: tuple[int, int, str], start: str
) -> None:
    """Text pasted from web pages, word processors and messengers brings non-breaking
    spaces and typographic quotes, which YAML reads as text: the error says so, at the
    space (YAML itself gives up later, at a line that is fine)."""
    _, problems = yamlio.load("d.md", text)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.location.line, problem.location.column, problem.field) == place
    assert problem.message.startswith(start), problem.message


def test_a_value_that_yaml_read_as_a_comment_is_remembered_with_its_key() -> None:
    """ "tags: #frontline" is a key with no value and a comment, to YAML: the comment is
    kept for the check to warn of (unless it reads as one: "# none yet")."""
    text = "title: x\ntags: #frontline #nuclear\nplaces: # none yet\nstory: \nnote: a #b\n"
    doc, problems = yamlio.load("d.md", text)
    assert problems == [] and doc is not None
    assert doc.value == {"title": "x", "tags": None, "places": None, "story": None, "note": "a"}
    assert doc.empty_with_comment == {("tags",): "frontline #nuclear"}


def test_typographic_quotes_around_text_without_a_colon_are_kept() -> None:
    doc, problems = yamlio.load("d.md", "title: “Zelensky says no”\nnote: x\u00a0y\n")
    assert problems == []
    assert doc is not None and doc.value == {"title": "“Zelensky says no”", "note": "x\u00a0y"}


def test_reader_errors_get_a_position() -> None:
    _, problems = yamlio.load("c.yaml", "a: 1\nb: x\x07y\n")
    (problem,) = problems
    assert (problem.location.line, problem.location.column) == (2, 5)
    assert "U+0007" in problem.message


# The plain form of yamlio._NEEDS_EXACT, whose branches start with "^ or one of these": the
# quicker form must give the same answer for every text.
_PLAIN_NEEDS_EXACT = re.compile(
    r"(?:^|[\s\[{,:-])[&*!][^\s,\]}]"
    r"|<<"
    r"|(?:^|\s)#"
    r"|:\s+[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?\s*(?:$|[,\]}])"
    r"|:\s+[-+]?0[0-7_]+\s*$"
    "|[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]",
    re.MULTILINE,
)


def _plainly_needs_exact(text: str) -> bool:
    for match in _PLAIN_NEEDS_EXACT.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        lines = text[start : len(text) if end < 0 else end]
        if _PLAIN_NEEDS_EXACT.search(yamlio._QUOTED.sub(r"\1''", lines)):
            return True
    return False


def test_the_quick_look_for_what_needs_the_exact_loader_answers_as_the_plain_one() -> None:
    pieces = [
        *"ab: -,[]{}&*!#<\"'\n\t 0123456789_.+",
        "\x00", "\u2028", "é", "Київ", "10:30", ": 012", "  - ", "title: ", 'note: "x *y*"',
        "&a", "*b", "!c", "# c", "<<: x", "t: 1:2:3", "t: 0777", "- &x", "[*y", "{!z",
    ]  # fmt: skip
    rng = random.Random(7)
    texts = ["", "#", "&x", "a\n#x", "a: 10:30\n", "a:\n  10:30", 'n: "a *b* c"', "k: '#x'"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(30_000)]
    for text in texts:
        assert yamlio._needs_exact(text) == _plainly_needs_exact(text), repr(text)
    assert any(map(yamlio._needs_exact, texts)) and not all(map(yamlio._needs_exact, texts))
