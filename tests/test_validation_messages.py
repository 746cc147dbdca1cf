"""Validation rules as tables: input text -> the exact problems reported, without a disk.

Day files go through `builder.reader.parse_day`, checks across files through
`builder.validate.check_days`, the configuration files through `builder.reader.parse_config`.
Expected problems are written `line:col: field: message` and prefixed with the file's path.
A case marked xfail(strict=True) states what the code should say but does not yet.
"""

from __future__ import annotations

import pytest

from builder.errors import Problem, sort_problems
from builder.reader import Config, DayFile, parse_config, parse_day
from builder.validate import check_days

PATH = "content/digests/2024/2024-06-22.md"

# A day with one valid headline. In `headline_day(...)` the lines are numbered:
# 1 ---, 2 date, 3 headlines:, 4 title, 5 url, 6 source, 7... the extra lines, then ---.
DATE = "date: 2024-06-22"
HEADLINES = "headlines:"
TITLE = '  - title: "Firefights near Pokrovsk"'
URL = '    url: "https://example.org/news/1"'
SOURCE = "    source: espreso"


def day(*lines: str, body: str = "Fighting went on.\n") -> str:
    """Return a day file: '---', the front matter `lines`, '---', then the commentary."""
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + body


def headline_day(*extra: str, body: str = "Fighting went on.\n") -> str:
    """Return a day with one valid headline and `extra` lines after it, from line 7 on."""
    return day(DATE, HEADLINES, TITLE, URL, SOURCE, *extra, body=body)


def formatted(problems: list[Problem]) -> list[str]:
    return [p.format() for p in sort_problems(problems)]


def in_file(path: str, *lines: str) -> list[str]:
    return [f"{path}:{line}" for line in lines]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


COLON_HINT = (
    "a value that contains ': ' must be in quotes, e.g. title: \"Kharkiv: shelling resumes\""
)
CONTROL_CHARACTER = (
    "contains the control character U+0007, which cannot go into a web page or feed; "
    "delete it (it often comes with pasted text)"
)
NO_TOKEN = (
    "YAML syntax error: while scanning for the next token: found character that cannot start "
    "any token; "
)
TAB_HINT = NO_TOKEN + "YAML does not allow tabs for indentation; indent with spaces"


ONE_ALPHABET = (
    "it looks right, but search, sorting and place pages take it for another word; type it again in"
)


def starts_with(char: str) -> str:
    return NO_TOKEN + f"a value that starts with '{char}' must be in quotes"


INDENTATION_HINT = (
    "check the indentation: items of one list or mapping must start in the same column, "
    "and a value that starts with a quote must end with that quote"
)
HEADLINE_FIELD_NAMES = (
    "title, url, source, tags, places, time, note, label, story, language, archive_url, "
    "updated, correction"
)
NOT_HTTP = "is not an absolute http(s) URL"
LINK_REFUSED = (
    "is not allowed: links must be absolute http(s) URLs or paths within the site; "
    "write an https:// address or remove the link"
)

DAY_CASES = [
    # YAML syntax ------------------------------------------------------------------------
    pytest.param(
        day(DATE, HEADLINES, "  - title: Kharkiv: shelling resumes", URL, SOURCE),
        [
            "4:19: title: YAML syntax error: mapping values are not allowed in this context; "
            f"{COLON_HINT}"
        ],
        id="unquoted colon in a headline title",
    ),
    pytest.param(
        day(DATE, "title: Putin: no talks", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:13: title: YAML syntax error: mapping values are not allowed in this context; "
            f"{COLON_HINT}"
        ],
        id="unquoted colon in the day title",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, '\turl: "https://example.org/news/1"', SOURCE),
        [f"5:1: url: {TAB_HINT}"],
        id="tab used for indentation",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, URL, "    source: ukrinform", "\ttags: [frontline]"),
        [
            "7:1: tags: YAML syntax error: while scanning a plain scalar: found a tab character "
            f"that violates indentation; {TAB_HINT.removeprefix(NO_TOKEN)}"
        ],
        id="tab indenting a field under an unquoted value",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: @GeneralStaffUA reports", URL, SOURCE),
        [f"4:12: title: {starts_with('@')}"],
        id="value starting with @",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: `Pokrovsk` under fire", URL, SOURCE),
        [f"4:12: title: {starts_with('`')}"],
        id="value starting with a backtick",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: %50 of the front", URL, SOURCE),
        [f"4:12: title: {starts_with('%')}"],
        id="value starting with %",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: *Breaking news", URL, SOURCE),
        [
            "4:12: title: YAML syntax error: found undefined alias; "
            "'*' starts a YAML alias; put the whole value in quotes"
        ],
        id="value starting with *",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: *Breaking* news", URL, SOURCE),
        [
            "4:21: title: YAML syntax error: while scanning an alias: did not find expected "
            "alphabetic or numeric character; '*' at the start of a value starts a YAML alias; "
            "put the whole value in quotes"
        ],
        id="value starting with *emphasis*",
    ),
    pytest.param(
        headline_day('    time: "09:15'),
        [
            "7:17: time: YAML syntax error: while scanning a quoted scalar: found unexpected end "
            "of stream; a quote is opened but never closed; close it"
        ],
        id="unclosed quote on the last line",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Firefights near Pokrovsk', URL, SOURCE),
        [
            '4:12: title: YAML syntax error: the value opened with " here is not closed on its '
            'line; end it with " (a value that starts with a quote must end with that quote)'
        ],
        id="unclosed quote followed by more fields",
    ),
    pytest.param(
        headline_day(
            "    note: 'A photo report.",
            '  - title: "DeepState\'s map of Pokrovsk"',
            URL,
            SOURCE,
            '    note: "With DeepState\'s map."',
        ),
        [
            "7:11: note: YAML syntax error: the value opened with ' here is not closed on its "
            "line; end it with ' (a value that starts with a quote must end with that quote)"
        ],
        id="unclosed single quote, an apostrophe lines below",
    ),
    pytest.param(
        day(DATE, 'title: "Putin" says no', HEADLINES, TITLE, URL, SOURCE),
        [
            "3:16: title: YAML syntax error: while parsing a block mapping: did not find expected "
            f"key; {INDENTATION_HINT}"
        ],
        id="text after the closing quote",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, '     url: "https://example.org/news/1"', SOURCE),
        [
            "5:6: url: YAML syntax error: while parsing a block mapping: did not find expected "
            f"key; {INDENTATION_HINT}"
        ],
        id="headline field indented too far",
    ),
    pytest.param(
        headline_day(' - title: "Talks in Geneva"', '    url: "https://example.org/news/2"'),
        [
            "7:2: title: YAML syntax error: while parsing a block mapping: did not find expected "
            f"key; {INDENTATION_HINT}"
        ],
        id="headline item indented less than the first",
    ),
    pytest.param(
        headline_day('   - title: "Talks in Geneva"', '     url: "https://example.org/news/2"'),
        [
            "7:4: title: YAML syntax error: while parsing a block collection: did not find "
            "expected '-' indicator; check the indentation: every item of a list starts with "
            "'- ' in the same column"
        ],
        id="headline item indented more than the first",
    ),
    pytest.param(
        headline_day("    tags: [frontline, diplomacy", '    time: "09:15"'),
        [
            "7:11: tags: YAML syntax error: while parsing a flow sequence: did not find expected "
            "',' or ']'; a [list, of, values] is not closed, or one of its values contains ',' "
            "or ':' and needs quotes"
        ],
        id="unclosed list before the next field",
    ),
    pytest.param(
        headline_day("    tags: [frontline, diplomacy"),
        [
            "7:11: tags: YAML syntax error: while parsing a flow sequence: did not find expected "
            "',' or ']'; a [list, of, values] is not closed, or one of its values contains ',' "
            "or ':' and needs quotes"
        ],
        id="unclosed list at the end of the front matter",
    ),
    pytest.param(
        day(DATE, 'title: "a \\q"', HEADLINES, TITLE, URL, SOURCE),
        [
            "3:11: title: YAML syntax error: while parsing a quoted scalar: found unknown escape "
            'character; inside "double quotes" a backslash starts an escape; write \\\\ for a '
            "backslash or use 'single quotes'"
        ],
        id="unknown backslash escape",
    ),
    # Front matter -----------------------------------------------------------------------
    pytest.param(
        "date: 2024-06-22\nheadlines: []\n",
        [
            "1:1: front matter: missing front matter: a day file starts with a line '---', then "
            "its fields (date, headlines, ...), then another '---' line, then the commentary"
        ],
        id="missing front matter",
    ),
    pytest.param(
        "---\ndate: 2024-06-22\nheadlines: []\n\nFighting went on.\n",
        [
            "1:1: front matter: the front matter is never closed: add a line '---' after the "
            "last field"
        ],
        id="front matter never closed",
    ),
    pytest.param(
        headline_day("...", '  - title: "Pokrovsk: 21 firefights"', URL, SOURCE),
        [
            "7:1: front matter: this line '...' ends the front matter, but the lines under it "
            "up to the '---' at line 11 are fields, not commentary: delete the '...' line"
        ],
        id="a placeholder '...' among the headlines",
    ),
    pytest.param(
        day(),
        [
            "2:1: front matter: the front matter is empty; write at least date: YYYY-MM-DD and "
            "headlines:"
        ],
        id="empty front matter",
    ),
    pytest.param(
        day("# to do"),
        [
            "2:1: front matter: the front matter is empty; write at least date: YYYY-MM-DD and "
            "headlines:"
        ],
        id="front matter with only a comment",
    ),
    pytest.param(
        day("- date: 2024-06-22"),
        [
            "2:1: the day's front matter must be a mapping of 'key: value' lines, e.g. "
            "date: 2024-06-22"
        ],
        id="front matter that is a list",
    ),
    # Dates ------------------------------------------------------------------------------
    pytest.param(
        day("date: 2024-06-21", HEADLINES, TITLE, URL, SOURCE),
        [
            "2:7: date: the date 2024-06-21 does not match the file name 2024-06-22.md; fix the "
            "date or rename the file"
        ],
        id="date not matching the file name",
    ),
    pytest.param(
        day("date: 2024-02-30", HEADLINES, TITLE, URL, SOURCE),
        [
            "2:7: date: '2024-02-30' is not a valid date: day is out of range for month; write "
            "YYYY-MM-DD"
        ],
        id="impossible date",
    ),
    pytest.param(
        day('date: "2024-02-30"', HEADLINES, TITLE, URL, SOURCE),
        ["2:7: date: '2024-02-30' is not a date; write YYYY-MM-DD, e.g. 2024-06-22"],
        id="impossible date in quotes",
    ),
    pytest.param(
        day("date: 24-06-22", HEADLINES, TITLE, URL, SOURCE),
        ["2:7: date: '24-06-22' is not a date; write YYYY-MM-DD, e.g. 2024-06-22"],
        id="two-digit year",
    ),
    pytest.param(
        day("date: 2024-06-22 10:00:00", HEADLINES, TITLE, URL, SOURCE),
        ["2:7: date: must be a date without a time, e.g. 2024-06-22"],
        id="date with a time",
    ),
    pytest.param(
        day("date: 2024-06-22T10:00:00Z", HEADLINES, TITLE, URL, SOURCE),
        ["2:7: date: must be a date without a time, e.g. 2024-06-22"],
        id="ISO datetime",
    ),
    # Required fields and types ----------------------------------------------------------
    pytest.param(
        day(HEADLINES, TITLE, URL, SOURCE),
        [
            "2:1: required field 'date' is missing in the day's front matter; write e.g. "
            "date: 2024-06-22"
        ],
        id="date missing",
    ),
    pytest.param(
        day(DATE, 'title: "A quiet day"'),
        [
            "2:1: required field 'headlines' is missing in the day's front matter; write e.g. "
            "headlines: [...]"
        ],
        id="headlines missing",
    ),
    pytest.param(
        day(DATE, HEADLINES),
        ["3:1: headlines: required field 'headlines' is empty; write e.g. headlines: [...]"],
        id="headlines empty",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - url: "https://example.org/news/1"', SOURCE),
        [
            "4:5: headlines[0]: required field 'title' is missing in headline 1; write e.g. "
            "title: Ukraine's General Staff reports 21 firefights"
        ],
        id="headline title missing",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, SOURCE),
        [
            "4:5: headlines[0]: required field 'url' is missing in headline 1; write e.g. "
            "url: https://example.org/news/1"
        ],
        id="headline url missing",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, URL),
        [
            "4:5: headlines[0]: required field 'source' is missing in headline 1; write e.g. "
            "source: espreso"
        ],
        id="headline source missing",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - title: ""', URL, SOURCE),
        [
            "4:5: headlines[0].title: required field 'title' is empty; write e.g. "
            "title: Ukraine's General Staff reports 21 firefights"
        ],
        id="headline title empty string",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title:", URL, SOURCE),
        [
            "4:5: headlines[0].title: required field 'title' is empty; write e.g. "
            "title: Ukraine's General Staff reports 21 firefights"
        ],
        id="headline title without a value",
    ),
    pytest.param(
        day(DATE, "summmary: Fighting near Pokrovsk", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:1: summmary: unknown field 'summmary' in the day's front matter (did you mean "
            "'summary'?); the fields are: date, title, summary, headlines, draft, updated, "
            "correction"
        ],
        id="unknown day field",
    ),
    pytest.param(
        headline_day("    tag: [frontline]"),
        [
            "7:5: headlines[0].tag: unknown field 'tag' in headline 1 (did you mean 'tags'?); "
            f"the fields are: {HEADLINE_FIELD_NAMES}"
        ],
        id="unknown headline field",
    ),
    pytest.param(
        headline_day("    mood: grim"),
        [
            f"7:5: headlines[0].mood: unknown field 'mood' in headline 1; the fields are: "
            f"{HEADLINE_FIELD_NAMES}"
        ],
        id="unknown headline field with nothing close",
    ),
    pytest.param(
        day(
            DATE, HEADLINES, TITLE, '    link: "https://example.org/news/1"', "    outlet: espreso"
        ),
        [
            f"5:5: headlines[0].link: unknown field 'link' in headline 1 (did you mean 'url'?); "
            f"the fields are: {HEADLINE_FIELD_NAMES}",
            f"6:5: headlines[0].outlet: unknown field 'outlet' in headline 1 (did you mean "
            f"'source'?); the fields are: {HEADLINE_FIELD_NAMES}",
        ],
        id="a field named as other tools name it",
    ),
    pytest.param(
        headline_day("    tags: frontline"),
        ["7:11: headlines[0].tags: must be a list, e.g. tags: [frontline, diplomacy], not text"],
        id="tags as text, not a list",
    ),
    pytest.param(
        headline_day("    places: Pokrovsk"),
        [
            "7:13: headlines[0].places: must be a list, e.g. places: [Pokrovsk, Kharkiv region], "
            "not text"
        ],
        id="places as text, not a list",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  title: "Firefights near Pokrovsk"', "  source: espreso"),
        ["4:3: headlines: must be a list with one '- title: ...' item per headline, not a mapping"],
        id="headlines as a mapping",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - Firefights near Pokrovsk"),
        [
            "4:5: headlines[0]: headline 1 must be a mapping of 'key: value' lines, e.g. "
            "title: Ukraine's General Staff reports 21 firefights"
        ],
        id="headline as text",
    ),
    pytest.param(
        day(DATE, HEADLINES, "  - title: [Firefights, Pokrovsk]", URL, SOURCE),
        ["4:12: headlines[0].title: must be text, not a list"],
        id="title as a list",
    ),
    pytest.param(
        day(DATE, "summary: {text: Fighting}", HEADLINES, TITLE, URL, SOURCE),
        ["3:10: summary: must be text, not a mapping"],
        id="summary as a mapping",
    ),
    # Duplicate keys ---------------------------------------------------------------------
    pytest.param(
        day(DATE, 'title: "Pokrovsk"', 'title: "Geneva"', HEADLINES, TITLE, URL, SOURCE),
        [
            "4:1: title: duplicate key 'title' (first at line 3); YAML would silently keep only "
            "the last one: remove or rename one of them"
        ],
        id="duplicate day key",
    ),
    pytest.param(
        headline_day("    source: ukrinform"),
        [
            "7:5: headlines[0].source: duplicate key 'source' (first at line 6); YAML would "
            "silently keep only the last one: remove or rename one of them"
        ],
        id="duplicate headline key",
    ),
    # Values -----------------------------------------------------------------------------
    pytest.param(
        headline_day("    time: 10:00"),
        [
            "7:11: headlines[0].time: YAML read the unquoted time 10:00 as the number 600 (YAML "
            '1.1 sexagesimal); put it in quotes: time: "10:00"'
        ],
        id="unquoted time",
    ),
    pytest.param(
        headline_day('    time: "25:00"'),
        [
            "7:11: headlines[0].time: '25:00' is not a time of day; write 24-hour HH:MM in "
            'quotes, e.g. "09:15"'
        ],
        id="hour out of range",
    ),
    pytest.param(
        headline_day('    time: "9.15"'),
        [
            "7:11: headlines[0].time: '9.15' is not a time of day; write 24-hour HH:MM in "
            'quotes, time: "09:15"'
        ],
        id="time with a dot",
    ),
    pytest.param(
        headline_day("    time: 14.30"),
        [
            "7:11: headlines[0].time: '14.30' is not a time of day; write 24-hour HH:MM in "
            'quotes, time: "14:30"'
        ],
        id="time with a dot, unquoted (a number to YAML)",
    ),
    pytest.param(
        headline_day('    time: "9:15 PM"'),
        [
            "7:11: headlines[0].time: '9:15 PM' is not a time of day; write 24-hour HH:MM in "
            'quotes, time: "21:15"'
        ],
        id="a 12-hour time",
    ),
    pytest.param(
        headline_day('    time: "15:30:00"'),
        [
            "7:11: headlines[0].time: '15:30:00' is not a time of day; write 24-hour HH:MM in "
            'quotes, time: "15:30"'
        ],
        id="a time with seconds",
    ),
    pytest.param(
        headline_day('    time: "3 p.m."'),
        [
            "7:11: headlines[0].time: '3 p.m.' is not a time of day; write 24-hour HH:MM in "
            'quotes, time: "15:00"'
        ],
        id="an hour of a 12-hour clock",
    ),
    pytest.param(
        headline_day("    label: opinon"),
        [
            "7:12: headlines[0].label: unknown label 'opinon' (did you mean 'opinion'?); the "
            "labels are: disinformation, opinion, unconfirmed, analysis"
        ],
        id="unknown label",
    ),
    pytest.param(
        headline_day("    label: Opinion"),
        [
            "7:12: headlines[0].label: unknown label 'Opinion' (did you mean 'opinion'?); the "
            "labels are: disinformation, opinion, unconfirmed, analysis"
        ],
        id="label with a capital",
    ),
    pytest.param(
        headline_day("    story: Chasiv-Yar"),
        [
            "7:12: headlines[0].story: 'Chasiv-Yar' is not a valid id: use lowercase letters, "
            "digits and single hyphens, e.g. 'chasiv-yar'"
        ],
        id="story id with capitals",
    ),
    pytest.param(
        headline_day("    tags: [Front Line]"),
        [
            "7:12: headlines[0].tags[0]: 'Front Line' is not a valid id (lowercase letters, "
            "digits and single hyphens, e.g. 'front-line'): use an id of content/tags.yaml, "
            "not a name"
        ],
        id="tag id with a space",
    ),
    pytest.param(
        day(DATE, HEADLINES, TITLE, URL, "    source: Censor.NET"),
        [
            "6:13: headlines[0].source: 'Censor.NET' is not a valid id (lowercase letters, "
            "digits and single hyphens, e.g. 'censor-net'): use an id of "
            "content/sources.yaml, not a name"
        ],
        id="a source's name for its id",
    ),
    pytest.param(
        headline_day("    tags: [frontline, frontline]"),
        ["7:23: headlines[0].tags[1]: 'frontline' is listed twice; remove one"],
        id="tag listed twice",
    ),
    pytest.param(
        headline_day("    places: ['']"),
        ["7:14: headlines[0].places[0]: is empty; remove it or write the name"],
        id="empty place",
    ),
    pytest.param(
        headline_day("    places: ['--']"),
        [
            "7:14: headlines[0].places[0]: '--' has no letters or digits to name its page with; "
            "write the name"
        ],
        id="place without letters",
    ),
    *(
        pytest.param(
            headline_day(f"    language: {code}"),
            [f"7:15: headlines[0].language: '{code}' {said}"] if said else [],
            id=case_id,
        )
        for case_id, code, said in [
            (
                "language name instead of a code",
                "Ukrainian",
                "is a language's name, not its code: write uk (Ukrainian)",
            ),
            (
                "language named in Ukrainian",
                "перська",
                "is a language's name, not its code: write fa (Persian)",
            ),
            (
                "a country's code for a language",
                "ua",
                "is the code of a country (Ukraine), not of a language: its main language, "
                "Ukrainian, is uk",
            ),
            (
                "a three-letter code for a language",
                "ukr",
                "is not the code pages use: write uk (Ukrainian)",
            ),
            (
                "a language code in capitals",
                "EN",
                "is not a language code as pages write it: write en",
            ),
            ("a language code CLDR does not know", "prs", ""),
        ]
    ),
    # URLs -------------------------------------------------------------------------------
    *(
        pytest.param(
            day(DATE, HEADLINES, TITLE, f'    url: "{url}"', SOURCE),
            [f"5:10: headlines[0].url: '{url}' {message}"],
            id=case_id,
        )
        for case_id, url, message in [
            (
                "javascript: URL",
                "javascript:alert(1)",
                f"{NOT_HTTP} ('javascript:' links are not allowed); write https://...",
            ),
            (
                "data: URL",
                "data:text/html,hello",
                f"{NOT_HTTP} ('data:' links are not allowed); write https://...",
            ),
            (
                "ftp: URL",
                "ftp://example.org/news/1",
                f"{NOT_HTTP} ('ftp:' links are not allowed); write https://...",
            ),
            (
                "relative URL",
                "/news/1",
                f"{NOT_HTTP} (relative or schemeless links are not allowed); write https://...",
            ),
            (
                "URL without a scheme",
                "example.org/news/1",
                f"{NOT_HTTP} (relative or schemeless links are not allowed); "
                "write https://example.org/news/1",
            ),
            (
                "schemeless //host URL",
                "//example.org/news/1",
                f"{NOT_HTTP} (relative or schemeless links are not allowed); "
                "write https://example.org/news/1",
            ),
            (
                "http URL with no host",
                "http:///news/1",
                "has no valid host name; write e.g. https://example.org/page",
            ),
            (
                "http URL that is only the scheme",
                "http://",
                "has no valid host name; write e.g. https://example.org/page",
            ),
            (
                "host name without a dot",
                "https://example/news/1",
                "has no valid host name; write e.g. https://example.org/page",
            ),
            (
                "white space inside a URL",
                "https://example.org/news 1",
                "contains white space; a URL must be one unbroken address",
            ),
            (
                "tab inside a URL",
                "https://example.org/news\t1",
                "contains white space; a URL must be one unbroken address",
            ),
            ("broken IPv6 host", "https://[::1/news", "is not a valid URL (Invalid IPv6 URL)"),
        ]
    ),
    pytest.param(
        headline_day('  - title: "Pokrovsk: 21 firefights"', URL, SOURCE),
        ["8:10: headlines[1].url: the same URL as headlines[0] (line 5); remove one of them"],
        id="same URL twice in one day",
    ),
    pytest.param(
        headline_day("    note: 'See [the map](javascript:alert(1))'"),
        [f"7:11: headlines[0].note: the link 'javascript:alert(1)' {LINK_REFUSED}"],
        id="javascript: link in a note",
    ),
    pytest.param(
        headline_day(body="Intro.\n\nSee [the map](javascript:alert(1)).\n"),
        [f"10: commentary: the link 'javascript:alert(1)' {LINK_REFUSED}"],
        id="javascript: link in the commentary",
    ),
    pytest.param(
        headline_day("    note: 'See [the map](http:evil.example/map)'"),
        [
            "7:11: headlines[0].note: the link 'http:evil.example/map' has no '//' after "
            "'http:': a browser would guess where it leads; write the whole address, "
            "'http://evil.example/map', or a path within the site"
        ],
        id="http: link without its slashes in a note",
    ),
    pytest.param(
        headline_day(body="Intro.\n\nSee [the map](https:/evil.com).\n"),
        [
            "10: commentary: the link 'https:/evil.com' has no '//' after 'https:': a browser "
            "would guess where it leads; write the whole address, 'https://evil.com', or a "
            "path within the site"
        ],
        id="https: link with one slash in the commentary",
    ),
    # Control characters -----------------------------------------------------------------
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Bell\\x07 rings"', URL, SOURCE),
        [
            "4:12: headlines[0].title: contains the control character U+0007, which cannot go "
            "into a web page or feed; delete it (it often comes with pasted text)"
        ],
        id="control character in a title, escaped",
    ),
    pytest.param(
        day(DATE, 'summary: "Esc\\e"', HEADLINES, TITLE, URL, SOURCE),
        [
            "3:10: summary: contains the control character U+001B, which cannot go into a web "
            "page or feed; delete it (it often comes with pasted text)"
        ],
        id="control character in the summary, escaped",
    ),
    pytest.param(
        headline_day(body="Line one\nLine \x07two\n"),
        [
            "9:6: commentary: contains the control character U+0007, which cannot go into a web "
            "page or feed; delete it"
        ],
        id="control character in the commentary",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Odesa\ufdd0 port"', URL, SOURCE),
        [
            "4:12: headlines[0].title: contains the noncharacter U+FDD0, which cannot go into a "
            "web page or feed; delete it (it often comes with pasted text)"
        ],
        id="noncharacter in a title",
    ),
    pytest.param(
        headline_day(body="Line one\nLine \ufdd1two\n"),
        [
            "9:6: commentary: contains the noncharacter U+FDD1, which cannot go into a web "
            "page or feed; delete it"
        ],
        id="noncharacter in the commentary",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Odesa \u202eport hit"', URL, SOURCE),
        [
            "4:12: headlines[0].title: contains the direction control U+202E (right-to-left "
            "override) with no U+202C to end it, which would turn the text after it around, "
            "the site's name beside a title too; delete it (it often comes with pasted text)"
        ],
        id="a right-to-left override left open in a title",
    ),
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Bell\x07 rings"', URL, SOURCE),
        [f"4:17: title: {CONTROL_CHARACTER}"],
        id="raw control character in a title",
    ),
    pytest.param(
        day(
            DATE,
            'title: "Бої біля Покровська"',
            'summary: "Bell\x07"',
            HEADLINES,
            TITLE,
            URL,
            SOURCE,
        ),
        [f"4:15: summary: {CONTROL_CHARACTER}"],
        id="raw control character after Cyrillic text",
    ),
    # YAML features ----------------------------------------------------------------------
    pytest.param(
        day(DATE, 'title: &day "Pokrovsk"', "summary: *day", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:8: title: YAML anchors (&name) are not supported; if the value starts with '&', "
            "put it in quotes",
            "4:10: summary: YAML aliases (*name) are not supported; write the value out",
        ],
        id="alias",
    ),
    pytest.param(
        day(DATE, "summary: *day", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:10: summary: YAML syntax error: found undefined alias; '*' starts a YAML alias; "
            "put the whole value in quotes"
        ],
        id="alias without an anchor",
    ),
    pytest.param(
        day(DATE, "title: &Co news from Pokrovsk", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:8: title: YAML anchors (&name) are not supported; if the value starts with '&', "
            "put it in quotes"
        ],
        id="anchor",
    ),
    pytest.param(
        day(
            DATE,
            'title: !!python/object/apply:os.system ["echo hi"]',
            HEADLINES,
            TITLE,
            URL,
            SOURCE,
        ),
        [
            "3:8: title: the YAML tag '!!python/object/apply:os.system' is not "
            "allowed; remove it and write a plain value"
        ],
        id="python/object/apply tag",
    ),
    pytest.param(
        day(DATE, "title: !!python/object:builder.model.Day {}", HEADLINES, TITLE, URL, SOURCE),
        [
            "3:8: title: the YAML tag '!!python/object:builder.model.Day' is not "
            "allowed; remove it and write a plain value"
        ],
        id="python/object tag",
    ),
    pytest.param(
        day(DATE, "title: !!binary aGVsbG8=", HEADLINES, TITLE, URL, SOURCE),
        ["3:8: title: the YAML tag '!!binary' is not allowed; remove it and write a plain value"],
        id="binary tag",
    ),
    pytest.param(
        headline_day("    <<: {tags: [frontline]}"),
        ["7:5: headlines[0]: YAML merge keys (<<) are not supported; write the keys out"],
        id="merge key",
    ),
    pytest.param(
        day(DATE, "? [a, b]", ": c", HEADLINES, TITLE, URL, SOURCE),
        ["3:3: YAML complex keys are not supported; write the keys out"],
        id="complex key",
    ),
    # A letter of the other keyboard layout in a word: the title's Latin i among Cyrillic
    # letters, a place's Cyrillic і among Latin ones, a note's Latin K, a Greek letter.
    pytest.param(
        day(
            DATE,
            'title: "Удари по Запорiжжю"',
            HEADLINES,
            '  - title: "Обстріл Kиєва: HIMARSів, Starlinkом і Вʼячеслав не змішані"',
            URL,
            SOURCE,
            '    places: ["Kharkіv", Запоріжжя]',
            '    note: "Про Kиїв і ATACMS"',
        ),
        [
            "3:8: warning: title: 'Запорiжжю' mixes Cyrillic and Latin letters ('i' is Latin):"
            f" {ONE_ALPHABET} Cyrillic letters",
            "5:12: warning: headlines[0].title: 'Kиєва' mixes Cyrillic and Latin letters"
            f" ('K' is Latin): {ONE_ALPHABET} Cyrillic letters",
            "8:14: warning: headlines[0].places[0]: 'Kharkіv' mixes Latin and Cyrillic letters"
            f" ('і' is Cyrillic): {ONE_ALPHABET} Latin letters",
            "9:11: warning: headlines[0].note: 'Kиїв' mixes Cyrillic and Latin letters"
            f" ('K' is Latin): {ONE_ALPHABET} Cyrillic letters",
        ],
        id="a word in two alphabets",
    ),
    pytest.param(
        headline_day('    note: "Pоkrоvsk, in Greek: Ποkrovsk"'),
        [
            "7:11: warning: headlines[0].note: 'Pоkrоvsk' mixes Latin and Cyrillic letters"
            f" ('о' is Cyrillic): {ONE_ALPHABET} Latin letters",
        ],
        id="a word in two alphabets, its odd letter twice",
    ),
    pytest.param(
        headline_day('    note: "ВIДЕО"'),  # censor.net's own, a Latin I
        [
            "7:11: warning: headlines[0].note: 'ВIДЕО' mixes Cyrillic and Latin letters"
            f" ('I' is Latin): {ONE_ALPHABET} Cyrillic letters",
        ],
        id="a word in two alphabets, in capitals",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DAY_CASES)
def test_parse_day_reports_exact_problems(text: str, expected: list[str]) -> None:
    _, problems = parse_day(PATH, text)
    assert formatted(problems) == in_file(PATH, *expected)


VALID_DAYS = [
    pytest.param(headline_day(), id="one headline"),
    pytest.param(day(DATE, "headlines: []"), id="no headlines"),
    pytest.param(headline_day(body=""), id="no commentary"),
    pytest.param("---\ndate: 2024-06-22\nheadlines: []\n...\n", id="front matter ending in ..."),
    pytest.param(
        day(DATE, HEADLINES, '  - title: "Sign \u202bעזה\u202c and \u2067غزة\u2069"', URL, SOURCE),
        id="direction controls each ended",
    ),
    pytest.param(
        "---\ndate: 2024-06-22\nheadlines: []\n...\nIntro.\n\n---\n\nMore.\n",
        id="front matter ending in ..., a rule in the commentary",
    ),
    pytest.param(
        "\ufeff" + headline_day('    time: "09:15"').replace("\n", "\r\n"), id="BOM and CRLF"
    ),
    pytest.param(headline_day().replace("\n", "\r"), id="old Mac line ends"),
    pytest.param(
        headline_day("    tags: [frontline]", '    places: [Pokrovsk, "Часів Яр"]'),
        id="tags and places",
    ),
    pytest.param(
        day(DATE, 'summary: "tab\\tinside"', HEADLINES, TITLE, URL, SOURCE), id="tab in a text"
    ),
    # Two alphabets run together as a name (the outlet's own) or a menu copied whole, and a
    # Latin name declined in Cyrillic: no letter typed in the other layout.
    pytest.param(
        headline_day(
            '    note: "За даними АрміяInform, СпортLifestyleГороскопи"',
            '    places: ["HIMARSів"]',
        ),
        id="alphabets joined as a name",
    ),
]


@pytest.mark.parametrize("text", VALID_DAYS)
def test_parse_day_accepts_valid_days(text: str) -> None:
    day_file, problems = parse_day(PATH, text)
    assert formatted(problems) == []
    assert day_file is not None
    assert day_file.day.date.isoformat() == "2024-06-22"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("title: 1945", "1945"),
        ("title: No", "No"),
        ("title: 3.50", "3.50"),
        ("title: 1_000", "1_000"),
    ],
)
def test_unquoted_numbers_and_booleans_are_kept_as_typed(line: str, title: str) -> None:
    day_file, problems = parse_day(PATH, day(DATE, line, HEADLINES, TITLE, URL, SOURCE))
    assert formatted(problems) == []
    assert day_file is not None and day_file.day.title == title


def test_headline_with_crlf_reports_the_same_line_and_column() -> None:
    text = "\ufeff" + headline_day("    label: opinon").replace("\n", "\r\n")
    _, problems = parse_day(PATH, text)
    assert [(p.location.line, p.location.column, p.field) for p in problems] == [
        (7, 12, "headlines[0].label")
    ]


# The security-relevant refusals, whatever their messages say.


def test_refuses_an_alias_without_expanding_it() -> None:
    text = day(DATE, 'title: &day "Pokrovsk"', "summary: *day", HEADLINES, TITLE, URL, SOURCE)
    day_file, problems = parse_day(PATH, text)
    assert [(p.field, p.message) for p in problems] == [
        (
            "title",
            "YAML anchors (&name) are not supported; if the value starts with '&', "
            "put it in quotes",
        ),
        ("summary", "YAML aliases (*name) are not supported; write the value out"),
    ]
    assert day_file is not None and day_file.day.summary is None


def test_refuses_a_billion_laughs_quickly() -> None:
    lines = ['a0: &a0 "lol"'] + [
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)
    ]
    _, problems = parse_day(PATH, day(*lines))
    refused = [p for p in problems if p.message.startswith("YAML aliases (*name) are not")]
    assert len(refused) == 9 * 9


def test_refuses_a_raw_control_character_after_cyrillic_text() -> None:
    text = day(DATE, 'title: "Бої"', 'summary: "Bell\x07"', HEADLINES, TITLE, URL, SOURCE)
    day_file, problems = parse_day(PATH, text)
    assert day_file is None
    assert [p.message for p in problems] == [CONTROL_CHARACTER]


# Checks across files ---------------------------------------------------------------------

SITE = """\
title: "Test Digest"
description: "A small digest for tests"
base_url: "https://digest.example.org/"
language: en
timezone: Europe/Kyiv
author: "Test editors"
"""
SOURCES = """\
espreso:
  name: "Espreso Global"
  url: "https://global.espreso.tv/"
  language: en
ukrinform:
  name: "Ukrinform"
  url: "https://www.ukrinform.net/"
  language: en
"""
TAGS = """\
frontline:
  name: "Frontline"
diplomacy:
  name: "Diplomacy"
  description: "Talks, visits and the positions governments take"
"""


def parse_configuration(
    site: str | None = SITE, sources: str | None = SOURCES, tags: str | None = TAGS
) -> tuple[Config | None, list[Problem]]:
    return parse_config(
        {
            "site.yaml": ("content/site.yaml", site),
            "sources.yaml": ("content/sources.yaml", sources),
            "tags.yaml": ("content/tags.yaml", tags),
        }
    )


def check_files(*files: tuple[str, str]) -> list[str]:
    """Parse day files given as (path, text), check them together; return all problems."""
    config, problems = parse_configuration()
    assert config is not None and problems == []
    day_files: list[DayFile] = []
    for path, text in files:
        day_file, found = parse_day(path, text)
        problems += found
        if day_file is not None:
            day_files.append(day_file)
    return formatted(problems + check_days(config, day_files))


PATH_23 = "content/digests/2024/2024-06-23.md"


def day_23(*extra: str) -> str:
    """Return a valid day file for 2024-06-23 with one headline and `extra` lines (from 7)."""
    return day(
        "date: 2024-06-23",
        HEADLINES,
        '  - title: "Talks in Geneva"',
        '    url: "https://example.org/news/2"',
        "    source: ukrinform",
        *extra,
    )


PATH_SPRING = "content/digests/2024/2024-03-31.md"


def at(time: str, number: int) -> tuple[str, ...]:
    """Return the lines of a headline (4 lines) published at `time`."""
    return (
        f'  - title: "Report {number}"',
        f'    url: "https://example.org/news/{number}"',
        "    source: espreso",
        f'    time: "{time}"',
    )


CROSS_FILE_CASES = [
    pytest.param(
        [(PATH, day(DATE, HEADLINES, TITLE, URL, "    source: esspreso"))],
        in_file(
            PATH,
            "6:13: headlines[0].source: unknown source 'esspreso' (did you mean "
            "'espreso'?); use one of the ids in content/sources.yaml or add it there",
        ),
        id="unknown source, with a suggestion",
    ),
    pytest.param(
        [(PATH, day(DATE, HEADLINES, TITLE, URL, "    source: bbc"))],
        in_file(
            PATH,
            "6:13: headlines[0].source: unknown source 'bbc'; use one of the ids in "
            "content/sources.yaml or add it there",
        ),
        id="unknown source, nothing close",
    ),
    pytest.param(
        [(PATH, headline_day("    tags: [diplomacy, frontlin]"))],
        in_file(
            PATH,
            "7:23: headlines[0].tags[1]: unknown tag 'frontlin' (did you mean "
            "'frontline'?); use one of the ids in content/tags.yaml or add it there",
        ),
        id="unknown tag",
    ),
    pytest.param(
        [
            (
                PATH,
                day(
                    DATE,
                    HEADLINES,
                    TITLE,
                    '    url: "/news/1"',
                    "    source: esspreso",
                    "    tags: [Frontline, frontlne]",
                ),
            )
        ],
        in_file(
            PATH,
            f"5:10: headlines[0].url: '/news/1' {NOT_HTTP} (relative or schemeless links are "
            "not allowed); write https://...",
            "6:13: headlines[0].source: unknown source 'esspreso' (did you mean 'espreso'?); "
            "use one of the ids in content/sources.yaml or add it there",
            "7:12: headlines[0].tags[0]: 'Frontline' is not a valid id (lowercase letters, "
            "digits and single hyphens, e.g. 'frontline'): use an id of content/tags.yaml, not "
            "a name",
            "7:23: headlines[0].tags[1]: unknown tag 'frontlne' (did you mean 'frontline'?); "
            "use one of the ids in content/tags.yaml or add it there",
        ),
        id="every problem of one headline",
    ),
    pytest.param(
        [(PATH, headline_day("    places: [Kyiv, Київ]"))],
        in_file(
            PATH,
            "7:20: headlines[0].places[1]: 'Київ' and 'Kyiv' would share the page "
            "places/kyiv/; spell the place one way ('Kyiv') everywhere",
        ),
        id="place in Latin and Cyrillic letters",
    ),
    pytest.param(
        [
            (PATH, headline_day("    places: [Kharkiv region]")),
            (PATH_23, day_23("    places: [Kharkiv Region]")),
        ],
        in_file(
            PATH_23,
            "7:14: headlines[0].places[0]: 'Kharkiv Region' and 'Kharkiv region' "
            "would share the page places/kharkiv-region/; spell the place one way "
            "('Kharkiv region') everywhere",
        ),
        id="place capitalised differently on another day",
    ),
    pytest.param(
        [
            (PATH, headline_day()),
            (
                "content/digests/old/2024-06-22.md",
                day(DATE, HEADLINES, TITLE, '    url: "https://example.org/news/9"', SOURCE),
            ),
        ],
        in_file(
            "content/digests/old/2024-06-22.md",
            "2:7: date: 2024-06-22 is also the date "
            f"of {PATH}: keep one file per day and move these headlines into it",
        ),
        id="two files for one date",
    ),
    pytest.param(
        [
            (PATH, headline_day()),
            (PATH_23, day("date: 2024-06-23", HEADLINES, TITLE, URL, "    source: ukrinform")),
        ],
        in_file(
            PATH_23,
            "5:10: warning: headlines[0].url: the same URL is already on "
            f"2024-06-22 ({PATH}:5); is it the same article twice?",
        ),
        id="same URL on another day is a warning",
    ),
    pytest.param(
        [(PATH, headline_day("    places: [Kyiv]")), (PATH_23, day_23("    places: [Kyiv]"))],
        [],
        id="same place spelled alike on two days",
    ),
    pytest.param(
        [
            (
                PATH_SPRING,
                day(
                    "date: 2024-03-31",
                    HEADLINES,
                    *at("02:59", 1),
                    *at("03:00", 2),
                    *at("03:59", 3),
                    *at("04:00", 4),
                ),
            )
        ],
        in_file(
            PATH_SPRING,
            "11:11: warning: headlines[1].time: 03:00 did not happen on 2024-03-31 in "
            "Europe/Kyiv: the clocks went forward from 03:00 to 04:00, so feeds read it as "
            "04:00; write the time the clocks showed",
            "15:11: warning: headlines[2].time: 03:59 did not happen on 2024-03-31 in "
            "Europe/Kyiv: the clocks went forward from 03:00 to 04:00, so feeds read it as "
            "04:59; write the time the clocks showed",
        ),
        id="a time the clocks skipped is a warning",
    ),
    pytest.param(
        [
            (
                "content/digests/2024/2024-10-27.md",
                day("date: 2024-10-27", HEADLINES, *at("03:30", 1)),
            )
        ],
        [],
        id="a time the clocks showed twice is the first",
    ),
    pytest.param(
        [
            (
                PATH,
                day(
                    DATE,
                    'updated: "2025-03-30 03:20"',
                    HEADLINES,
                    TITLE,
                    URL,
                    SOURCE,
                    '    updated: "2025-03-30 03:45"',
                    '    correction: "Fixed."',
                ),
            )
        ],
        in_file(
            PATH,
            "3:10: warning: updated: 2025-03-30 03:20 did not happen in Europe/Kyiv: the "
            "clocks went forward from 03:00 to 04:00, so feeds read it as 04:20; write the "
            "time the clocks showed",
            "8:14: warning: headlines[0].updated: 2025-03-30 03:45 did not happen in "
            "Europe/Kyiv: the clocks went forward from 03:00 to 04:00, so feeds read it as "
            "04:45; write the time the clocks showed",
        ),
        id="an update at a time the clocks skipped is a warning",
    ),
]


@pytest.mark.parametrize(("files", "expected"), CROSS_FILE_CASES)
def test_check_days_reports_exact_problems(
    files: list[tuple[str, str]], expected: list[str]
) -> None:
    assert check_files(*files) == expected


def test_an_unknown_id_that_is_a_sources_name_is_answered_with_its_id() -> None:
    """'ukrainska-pravda' is no source, but it is the slug of the name of the one whose id
    is 'up': that is the id meant, however unlike the two look."""
    up = 'up:\n  name: "Ukrainska Pravda"\n  url: "https://www.pravda.com.ua/"\n  language: uk\n'
    config, problems = parse_configuration(sources=SOURCES + up)
    assert config is not None and problems == []
    day_file, problems = parse_day(PATH, headline_day().replace("espreso", "ukrainska-pravda"))
    assert day_file is not None and problems == []
    assert formatted(check_days(config, [day_file])) == in_file(
        PATH,
        "6:13: headlines[0].source: unknown source 'ukrainska-pravda' (did you mean 'up'?); "
        "use one of the ids in content/sources.yaml or add it there",
    )


def test_url_on_another_day_is_a_warning_not_an_error() -> None:
    config, _ = parse_configuration()
    assert config is not None
    day_files = [
        parse_day(PATH, headline_day())[0],
        parse_day(PATH_23, day("date: 2024-06-23", HEADLINES, TITLE, URL, SOURCE))[0],
    ]
    problems = check_days(config, [f for f in day_files if f is not None])
    assert [p.is_error for p in problems] == [False]


# Configuration files ---------------------------------------------------------------------

SITE_FIELD_NAMES = (
    "title, description, base_url, language, timezone, author, days_per_page, headlines_per_page"
)

CONFIG_CASES = [
    pytest.param(
        {"site": SITE.replace("author:", "autor:")},
        [
            "content/site.yaml:6:1: autor: unknown field 'autor' in site.yaml (did you mean "
            f"'author'?); the fields are: {SITE_FIELD_NAMES}",
        ],
        id="misspelt site field",
    ),
    pytest.param(
        {"site": SITE + "base_path: /digest/\n"},
        [
            "content/site.yaml:7:1: base_path: unknown field 'base_path' in site.yaml; the fields "
            f"are: {SITE_FIELD_NAMES}"
        ],
        id="unknown site field",
    ),
    pytest.param(
        {"site": SITE.replace("base_url:", "url:").replace("timezone:", "tz:")},
        [
            "content/site.yaml:3:1: url: unknown field 'url' in site.yaml (did you mean "
            f"'base_url'?); the fields are: {SITE_FIELD_NAMES}",
            "content/site.yaml:5:1: tz: unknown field 'tz' in site.yaml (did you mean "
            f"'timezone'?); the fields are: {SITE_FIELD_NAMES}",
        ],
        id="site fields named as other tools name them",
    ),
    pytest.param(
        {"sources": SOURCES.replace('  name: "Espreso', '  title: "Espreso')},
        [
            "content/sources.yaml:2:3: espreso.title: unknown field 'title' in source "
            "'espreso' (did you mean 'name'?); the fields are: name, url, language",
        ],
        id="a source's name called its title",
    ),
    pytest.param(
        {"sources": SOURCES.replace("  language: en\nukrinform", "  langauge: en\nukrinform")},
        [
            "content/sources.yaml:4:3: espreso.langauge: unknown field 'langauge' in source "
            "'espreso' (did you mean 'language'?); the fields are: name, url, language",
        ],
        id="misspelt source field",
    ),
    pytest.param(
        {"tags": TAGS.replace("  description:", "  descripton:")},
        [
            "content/tags.yaml:5:3: diplomacy.descripton: unknown field 'descripton' in tag "
            "'diplomacy' (did you mean 'description'?); the fields are: name, description"
        ],
        id="misspelt tag field",
    ),
    pytest.param(
        {"sources": SOURCES.replace("ukrinform:", "Ukrinform News:")},
        [
            "content/sources.yaml:5:1: Ukrinform News: 'Ukrinform News' is not a valid source id: "
            "use lowercase letters, digits and single hyphens, e.g. 'ukrinform-news'"
        ],
        id="invalid source id",
    ),
    pytest.param(
        {"tags": TAGS.replace("diplomacy:", "diplomacy_talks:")},
        [
            "content/tags.yaml:3:1: diplomacy_talks: 'diplomacy_talks' is not a valid tag id: use "
            "lowercase letters, digits and single hyphens, e.g. 'diplomacy-talks'"
        ],
        id="invalid tag id",
    ),
    pytest.param(
        {"sources": SOURCES.replace('"https://www.ukrinform.net/"', "www.ukrinform.net")},
        [
            f"content/sources.yaml:7:8: ukrinform.url: 'www.ukrinform.net' {NOT_HTTP} (relative "
            "or schemeless links are not allowed); write https://www.ukrinform.net"
        ],
        id="source home page without a scheme",
    ),
    pytest.param(
        {"sources": SOURCES.replace("language: en\nukrinform", "language: English\nukrinform")},
        [
            "content/sources.yaml:4:13: espreso.language: 'English' is a language's name, not "
            "its code: write en (English)"
        ],
        id="source language as a name",
    ),
    pytest.param(
        {"site": SITE.replace("Europe/Kyiv", "Europe/Kiyv")},
        [
            "content/site.yaml:5:11: timezone: unknown time zone 'Europe/Kiyv' (did you mean "
            "'Europe/Kyiv'?); write an IANA name such as Europe/Kyiv"
        ],
        id="misspelt time zone",
    ),
    pytest.param(
        {"site": SITE.replace("Europe/Kyiv", "Europe")},
        [
            "content/site.yaml:5:11: timezone: unknown time zone 'Europe' (did you mean "
            "'Europe/Rome'?); write an IANA name such as Europe/Kyiv"
        ],
        id="a region of time zones, not one",
    ),
    pytest.param(
        {"site": SITE.replace("language: en", "language: xx")},
        [
            "content/site.yaml:4:11: language: no month and day names are known for 'xx'; use a "
            "language code such as en or uk"
        ],
        id="language unknown to Babel",
    ),
    pytest.param(
        {"site": SITE.replace("language: en", "language: english")},
        [
            "content/site.yaml:4:11: language: 'english' is a language's name, not its code: "
            "write en (English)"
        ],
        id="language name instead of a code",
    ),
    pytest.param(
        {"site": SITE.replace("https://digest", "ftp://digest")},
        [
            f"content/site.yaml:3:11: base_url: 'ftp://digest.example.org/' {NOT_HTTP} ('ftp:' "
            "links are not allowed); write https://..."
        ],
        id="base_url not http(s)",
    ),
    pytest.param(
        {"site": SITE.replace('"https://digest.example.org/"', "/digest/")},
        [
            f"content/site.yaml:3:11: base_url: '/digest/' {NOT_HTTP} (relative or schemeless "
            "links are not allowed); write https://..."
        ],
        id="relative base_url",
    ),
    pytest.param(
        {"site": SITE.replace("example.org/", "example.org/?lang=en")},
        [
            "content/site.yaml:3:11: base_url: 'https://digest.example.org/?lang=en' must not "
            "have a query or fragment"
        ],
        id="base_url with a query",
    ),
    pytest.param(
        {"site": SITE + "days_per_page: 0\n"},
        ["content/site.yaml:7:16: days_per_page: '0' must be a whole number of at least 1"],
        id="days_per_page zero",
    ),
    pytest.param(
        {"site": None},
        [
            "content/site.yaml: the file is missing; create it (docs/content-format.md lists "
            "its fields)"
        ],
        id="site.yaml missing",
    ),
    pytest.param(
        {"site": "- War Digest\n"},
        [
            "content/site.yaml:1:1: site.yaml must be a mapping of 'key: value' lines, e.g. "
            "title: War Digest"
        ],
        id="site.yaml as a list",
    ),
    pytest.param(
        {"tags": "frontline:\n  name: Frontline\n  name: Front\n"},
        [
            "content/tags.yaml:3:3: frontline.name: duplicate key 'name' (first at line 2); YAML "
            "would silently keep only the last one: remove or rename one of them"
        ],
        id="duplicate key in tags.yaml",
    ),
]


@pytest.mark.parametrize(("texts", "expected"), CONFIG_CASES)
def test_parse_config_reports_exact_problems(
    texts: dict[str, str | None], expected: list[str]
) -> None:
    config, problems = parse_configuration(**texts)
    assert config is None
    assert formatted(problems) == expected


def test_parse_config_accepts_the_sample_configuration() -> None:
    config, problems = parse_configuration()
    assert problems == []
    assert config is not None
    assert sorted(config.sources) == ["espreso", "ukrinform"]
    assert sorted(config.tags) == ["diplomacy", "frontline"]
