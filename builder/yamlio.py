"""Line-aware YAML loading: the only module that imports yaml.

PyYAML's `load` forgets where values came from, silently keeps the last of two equal keys,
expands aliases without limit and shows its errors as reprs. Here we let PyYAML *compose*
the document (a node tree with line marks) and turn the nodes into plain Python values
ourselves, so that every value keeps its line and column, duplicate keys are reported,
aliases and object-constructing tags are refused before they can cost anything, and YAML's
own errors are translated into a `Problem` with a hint on how to fix the text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Location, Problem

try:  # a YAML 1.2 parser in Rust, for the common case of clean plain files (load_fast)
    import yaml_rs as _yaml_rs
except ImportError:  # pragma: no cover - not built for every platform; load() does all
    _yaml_rs = None  # type: ignore[assignment]

try:  # libyaml's parser is several times faster; both give the same nodes and marks.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass(frozen=True)
class Scalar:
    """How a plain (unquoted) scalar was written, when YAML gave it a type other than str."""

    text: str
    tag: str


@dataclass(frozen=True)
class Unreadable:
    """A plain scalar YAML typed but could not construct (`2024-02-30`): its text and why.

    Text fields keep the text; fields of other kinds report the reason.
    """

    text: str
    reason: str


@dataclass
class Document:
    """Plain values loaded from YAML, with the position of every value and key.

    A document from `load_fast` is not `exact`: it has no positions and no record of how
    scalars were written, so checks that need those treat it as a problem, and the caller
    loads the text again with `load`.
    """

    path: str
    value: Any
    line_offset: int = 0
    exact: bool = True
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    plain_scalars: dict[Path, Scalar] = field(default_factory=dict)
    # Text after " #" on the line of an unquoted value, which YAML drops as a comment.
    trailing_comments: dict[Path, str] = field(default_factory=dict)
    # The comment after a key with no value, by the key's path: "tags: #frontline".
    empty_with_comment: dict[Path, str] = field(default_factory=dict)

    def where(self, path: Path) -> Location:
        """Return the location of the value at `path`, or of its nearest parent we know."""
        return self._find(self.positions, path)

    def value_at(self, path: Path) -> Any:
        """Return the loaded value at `path`, or None where there is none."""
        value = self.value
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def where_key(self, path: Path) -> Location:
        """Return the location of the key of the mapping entry at `path`."""
        return (
            self._find(self.key_positions, path) if path in self.key_positions else self.where(path)
        )

    def _find(self, table: dict[Path, tuple[int, int]], path: Path) -> Location:
        while path not in table and path:
            path = path[:-1]
        if path in table:
            line, column = table[path]
            return Location(self.path, line, column)
        return Location(self.path, self.line_offset + 1 if self.line_offset else 1)


def load(path: str, text: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Load one YAML document from `text`; positions are shifted down by `line_offset` lines.

    Returns the document (None when the text could not be parsed at all) and every problem.
    """
    too_deep = surrogate_problem(path, text, line_offset) or _nesting_problem(
        path, text, line_offset
    )
    if too_deep is not None:
        return None, [too_deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
        doc = Document(path, None, line_offset)
        if node is None:
            return doc, []
        problems: list[Problem] = []
        converter = _Converter(doc, problems, text.split("\n"))
        doc.value = converter.convert(node, ())
    except yaml.YAMLError as exc:
        return None, [translate_error(exc, path, text, line_offset)]
    except RecursionError:  # pragma: no cover - _nesting_problem refuses such text first
        return None, [_too_deep(Location(path, line_offset + 1))]
    if converter.shared_nodes or _MAYBE_ANCHOR.search(text):
        problems.extend(_anchor_problems(doc, text))
    return doc, problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_problem(path: str, text: str, line_offset: int = 0) -> Problem | None:
    """Report a lone surrogate: text decoded with errors="surrogateescape" holds one for
    each byte that was not UTF-8, and no parser or file can take it."""
    bad = _SURROGATE.search(text)
    if bad is None:
        return None
    before = text[: bad.start()]
    line = before.count("\n") + 1 + line_offset
    column = bad.start() - (before.rfind("\n") + 1) + 1
    return Problem(
        Location(path, line, column),
        "",
        f"contains U+{ord(bad.group()):04X}, which is not a character (bytes that are not "
        "UTF-8); save the file as UTF-8",
    )


# Content nests four levels (the day, its headlines, a headline, its tags); far deeper text
# is a mistake or an attack. PyYAML composes nodes recursively: a few hundred levels raise
# RecursionError, a hundred thousand crash libyaml's composer outright (a segfault).
MAX_DEPTH = 64
_INDENT = re.compile(r"^ *", re.MULTILINE)
_COMPACT = re.compile(r"^ *((?:[-?:](?: +|$))+)", re.MULTILINE)


def _nesting_bound(text: str) -> int:
    """Return an upper bound of the nesting depth of YAML `text`, cheaply, without parsing.

    Every level opens with a flow bracket, or is a block collection; going two block levels
    down takes at least one more column of indentation or an indicator ('- ', '? ', ': ')
    on the same line.
    """
    flow = text.count("[") + text.count("{")
    indent = max((len(m) for m in _INDENT.findall(text)), default=0)
    compact = max((len(m.split()) for m in _COMPACT.findall(text)), default=0)
    return flow + 2 * (indent + compact) + 4


def _nesting_problem(path: str, text: str, line_offset: int) -> Problem | None:
    """Refuse YAML nested deeper than MAX_DEPTH, before composing it (events use no recursion)."""
    if _nesting_bound(text) <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    if mark is None:  # pragma: no cover - both parsers always mark events
                        return _too_deep(Location(path, line_offset + 1))
                    location = Location(path, mark.line + 1 + line_offset, mark.column + 1)
                    return _too_deep(location)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose meets the same error at the same place, and reports it
    return None


def _too_deep(location: Location) -> Problem:
    return Problem(
        location,
        "YAML",
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; content needs "
        "at most four (a day, its headlines, a headline, its tags): check the brackets and "
        "the indentation",
    )


# Text where YAML 1.1 (PyYAML) and YAML 1.2 (yaml_rs) could read differently, or that needs
# the exact loader's checks: anchors, aliases, tags, merge keys, comments (which may cut a
# value short), unquoted sexagesimal numbers (10:00 is 600 in 1.1), octal-looking numbers
# and characters YAML 1.1 does not allow. Every branch starts with a character, not with
# "^ or one of these" (what comes before is looked at behind): then the regex engine skips
# to the next character that can start one, instead of trying every branch at every
# character: it finds them in a day file in a third of the time. tests/test_yamlio.py
# holds it to the plainer form's answers.
_NEEDS_EXACT = re.compile(
    r"[&*!](?<![^\s\[{,:-][&*!])[^\s,\]}]"  # after the start, a space, [ { , : or -
    r"|<<"
    r"|#(?<!\S#)"  # after the start or a space
    r"|:\s+[-+]?(?:\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?\s*(?:$|[,\]}])|0[0-7_]+\s*$)"
    # Characters YAML 1.1 refuses (PyYAML reports them; yaml_rs may take them).
    "|[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]",
    re.MULTILINE,
)


# A one-line quoted scalar at the start of a value or item: its text cannot be YAML syntax,
# so it is blanked before looking for _NEEDS_EXACT ("Context: *text*" is no alias).
_QUOTED = re.compile(
    r"""((?:^|[:\[{,-])[ \t]+|^|[\[{,])(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')""",
    re.MULTILINE,
)


def _needs_exact(text: str) -> bool:
    """Whether _NEEDS_EXACT matches the text with its one-line quoted scalars blanked.

    Blanking only removes matches, so only the lines where the raw text matches are
    blanked and looked at again: most lines of a day file need neither.
    """
    for match in _NEEDS_EXACT.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        lines = text[start : len(text) if end < 0 else end]
        if _NEEDS_EXACT.search(_QUOTED.sub(r"\1''", lines)):
            return True
    return False


def load_fast(path: str, text: str, line_offset: int = 0) -> Document | None:
    """Load plain YAML quickly with yaml_rs; None when the text needs the exact loader.

    yaml_rs parses several times faster than PyYAML but reads YAML 1.2 and keeps no
    positions. It is only used for text that both read alike (see _NEEDS_EXACT), and a
    document it loads is not `exact`: any problem found in it is looked at again with
    `load`, so every message and every value is the same as the exact loader's.
    """
    if _yaml_rs is None or _needs_exact(text):
        return None
    try:
        value = _yaml_rs.loads(text, parse_datetime=True)
    except Exception:
        return None
    if not _text_keys(value):
        return None  # `: x`, `1: x`, deep nesting: the exact loader reads or reports them
    return Document(path, value, line_offset, exact=False)


def _text_keys(value: Any) -> bool:
    """Tell whether every mapping key is text and nesting stays within MAX_DEPTH.

    Found by fuzzing: yaml_rs reads `: x` as the key None, which the checks cannot name.
    Deeper text goes to the exact loader, which refuses it. No recursion: yaml_rs reads
    block nesting far deeper than Python's stack. Only lists and mappings are visited: a
    day's hundreds of plain values are looked at only as their container's children (ten
    years' day files took 1.4 s of a core here when each value was).
    """
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            if not all(map(isinstance, item, itertools.repeat(str))):
                return False
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if children and depth >= MAX_DEPTH:  # its children are deeper than MAX_DEPTH
            return False
        inner = depth + 1
        pending.extend([(child, inner) for child in children if isinstance(child, _NESTED)])
    return True


_NESTED = (dict, list)


# A '&' or '*' where YAML could read an anchor or alias: at the start of a value or item.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]", re.MULTILINE)


def _anchor_problems(doc: Document, text: str) -> list[Problem]:
    """Report every anchor (&name) and alias (*name) where it is written."""
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            message = "YAML aliases (*name) are not supported; write the value out"
        elif getattr(event, "anchor", None):
            message = (
                "YAML anchors (&name) are not supported; if the value starts with '&', "
                "put it in quotes"
            )
        else:
            continue
        mark = event.start_mark
        if mark is None:  # pragma: no cover - both parsers always mark events
            continue
        location = Location(doc.path, mark.line + 1 + doc.line_offset, mark.column + 1)
        problems.append(Problem(location, _field_at(doc, location), message))
    return problems


def _field_at(doc: Document, location: Location) -> str:
    """Name the value whose position is nearest before `location`."""
    best: Path = ()
    best_position = (0, 0)
    target = (location.line or 0, location.column or 0)
    # Keys stand where their field is written; an alias's value node stands at its anchor.
    for path, position in (*doc.positions.items(), *doc.key_positions.items()):
        if best_position <= position <= target:
            best, best_position = path, position
    return _dotted(best)


class _Converter:
    """Turn a composed node tree into plain values, recording positions and problems."""

    def __init__(self, doc: Document, problems: list[Problem], lines: list[str]) -> None:
        self.doc = doc
        self.problems = problems
        self.lines = lines
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()
        self.shared_nodes = False

    def mark(self, node: Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.doc.line_offset, node.start_mark.column + 1)

    def problem(self, node: Node, path: Path, message: str) -> None:
        line, column = self.mark(node)
        self.problems.append(Problem(Location(self.doc.path, line, column), _dotted(path), message))

    def convert(self, node: Node, path: Path) -> Any:
        if id(node) in self.seen:
            # The composer hands back the anchored node itself for an alias: refusing a
            # second visit refuses aliases before any expansion ("billion laughs"). They
            # are reported where they are written, by _anchor_problems.
            self.shared_nodes = True
            return None
        self.seen.add(id(node))
        self.doc.positions[path] = self.mark(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                return self.bad_tag(node, path)
            return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                return self.bad_tag(node, path)
            return self.mapping(node, path)
        return self.bad_tag(node, path)  # pragma: no cover - no other node kinds exist

    def bad_tag(self, node: Node, path: Path) -> None:
        tag = node.tag.replace(_TAG, "!!")
        if tag.startswith("!") and not tag.startswith("!!"):
            message = (
                f"'{tag}' starts a YAML tag; if the '!' is part of the text, put the whole "
                "value in quotes"
            )
        else:
            message = f"the YAML tag '{tag}' is not allowed; remove it and write a plain value"
        self.problem(node, path, message)
        return None

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self.bad_tag(node, path)
        plain = not node.style  # libyaml says "" for plain, PyYAML None
        if plain:
            self._note_trailing_comment(node, path)
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if node.tag == _TAG + "timestamp":
                reason = f"'{node.value}' is not a valid date: {exc}; write YYYY-MM-DD"
            else:
                reason = f"'{node.value}' cannot be read: {exc}"
            return Unreadable(node.value, reason)
        if plain and node.tag != _TAG + "str":
            self.doc.plain_scalars[path] = Scalar(node.value, node.tag.removeprefix(_TAG))
        return value

    def _note_trailing_comment(self, node: ScalarNode, path: Path) -> None:
        end = node.end_mark
        if end.line >= len(self.lines) or end.line != node.start_mark.line:
            return
        rest = self.lines[end.line][end.column :]
        match = re.match(r"\s+#(.*)", rest)
        if match:
            self.doc.trailing_comments[path] = match[1].strip()

    def mapping(self, node: MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "merge":
                what = "merge keys (<<)" if key_node.tag == _TAG + "merge" else "complex keys"
                self.problem(key_node, path, f"YAML {what} are not supported; write the keys out")
                continue
            key = self.scalar(key_node, path)
            if key is None:
                continue
            if isinstance(key, Unreadable):
                key = key.text
            elif not isinstance(key, str):
                key = key_node.value  # `2024: x` or `yes: x` -> the text as written
            child = (*path, key)
            line = self.mark(key_node)[0]
            if key in first_lines:
                self.problem(
                    key_node,
                    child,
                    f"duplicate key '{key}' (first at line {first_lines[key]}); "
                    "YAML would silently keep only the last one: remove or rename one of them",
                )
                continue
            first_lines[key] = line
            self.doc.key_positions[child] = self.mark(key_node)
            result[key] = self.convert(value_node, child)
            if result[key] is None and isinstance(value_node, ScalarNode) and not value_node.value:
                self._note_comment_for_value(key_node, child)
        return result

    def _note_comment_for_value(self, key_node: ScalarNode, path: Path) -> None:
        """Record the comment after a key with no value ("tags: #frontline"): most likely
        the value, which YAML read as a comment."""
        end = key_node.end_mark
        if end.line < len(self.lines):
            # "#frontline", "#1 ..."; not "# none yet", a comment written as one
            match = re.match(r":[ \t]+#(\S.*)", self.lines[end.line][end.column :])
            if match:
                self.doc.empty_with_comment[path] = match[1].strip()


def _dotted(path: Path) -> str:
    """Format a value path as editors read it: headlines[2].source."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


dotted = _dotted

# What PyYAML (libyaml or pure Python) says -> how to fix it. Matched against the
# lower-cased context and problem; the first match wins.
_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "a value that contains ': ' must be in quotes, e.g. {key}: \"Kharkiv: shelling resumes\"",
    ),
    (
        "could not find expected ':'",
        "each line needs 'key: value'; a value that runs over several lines, or that "
        "contains '#' or ': ', must be in quotes",
    ),
    (
        "found unknown escape character",
        'inside "double quotes" a backslash starts an escape; write \\\\ for a backslash '
        "or use 'single quotes'",
    ),
    ("found unexpected end of stream", "a quote is opened but never closed; close it"),
    (
        "found a tab character that violates indentation",
        "YAML does not allow tabs for indentation; indent with spaces",
    ),
    (
        "flow sequence",
        "a [list, of, values] is not closed, or one of its values contains ',' or ':' and "
        "needs quotes",
    ),
    ("flow mapping", "a {{mapping}} is not closed, or one of its values needs quotes"),
    (
        "did not find expected key",
        "check the indentation: items of one list or mapping must start in the same column, "
        "and a value that starts with a quote must end with that quote",
    ),
    (
        "expected <block end>",
        "check the indentation: items of one list or mapping must start in the same column, "
        "and a value that starts with a quote must end with that quote",
    ),
    (
        "did not find expected '-' indicator",
        "check the indentation: every item of a list starts with '- ' in the same column",
    ),
    (
        "while scanning an alias",
        "'*' at the start of a value starts a YAML alias; put the whole value in quotes",
    ),
    (
        "while scanning an anchor",
        "'&' at the start of a value starts a YAML anchor; put the whole value in quotes",
    ),
    ("found undefined alias", "'*' starts a YAML alias; put the whole value in quotes"),
    ("found undefined tag handle", "'!' starts a YAML tag; put the whole value in quotes"),
    (
        "but found another document",
        "there is a second '---' line inside the YAML; remove it",
    ),
)


def translate_error(exc: yaml.YAMLError, path: str, text: str, line_offset: int = 0) -> Problem:
    """Turn one of PyYAML's exceptions into a Problem with a location and a hint."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, path, text, line_offset)
    line = column = None
    problem_text = str(exc)
    context = ""
    if isinstance(exc, yaml.MarkedYAMLError):
        problem_text = exc.problem or ""
        context = exc.context or ""
        # An unclosed [list] or {mapping} is where it was opened, not where YAML gave up.
        opened = "flow sequence" in context or "flow mapping" in context
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
    lines = text.split("\n")
    key = ""
    if line is not None and 0 < line <= len(lines):
        key = _key_of(lines[line - 1])
    pasted = _pasted_character(lines[:line] if line is not None else lines)
    if pasted is not None:  # the cause, before YAML's confusion it brought
        space_line, space_column, message = pasted
        field = _key_of(lines[space_line - 1]) or "YAML"
        return Problem(Location(path, space_line + line_offset, space_column), field, message)
    unclosed = _unclosed_quote(lines[:line] if line is not None else lines)
    if unclosed is not None:  # the cause: YAML read on to a quote lines below, or the end
        quote_line, quote_column, quote = unclosed
        return Problem(
            Location(path, quote_line + line_offset, quote_column),
            _key_of(lines[quote_line - 1]) or "YAML",
            f"YAML syntax error: the value opened with {quote} here is not closed on its "
            f"line; end it with {quote} (a value that starts with a quote must end with "
            "that quote)",
        )
    lowered = f"{context} {problem_text}".lower()
    hint = ""
    if line is not None and 0 < line <= len(lines):
        hint = _typographic_quote_hint(lines[line - 1]) or _hash_hint(lines[line - 1])
    if not hint and "cannot start any token" in lowered and line is not None and column is not None:
        hint = _token_hint(lines[line - 1][column - 1 : column] if line <= len(lines) else "")
    for needle, advice in _HINTS:
        if not hint and needle in lowered:
            hint = advice.format(key=key or "title")
    message = "YAML syntax error: " + (f"{context}: " if context else "") + problem_text
    message = message.replace("\n", " ").strip()
    if hint:
        message += f"; {hint}"
    if line is not None:
        line += line_offset
    return Problem(Location(path, line, column), key or "YAML", message)


# Dashes and bullets of typesetting, which word processors put where a list item's '-' was.
_BULLETS = "–—‒−•·‣◦▪●"


def _key_of(line: str) -> str:
    """Return the key a line of YAML starts with ("" if none)."""
    match = re.match(rf"\s*(?:[-{_BULLETS}]\s+)?([\w-]+)\s*:", line)
    return match.group(1) if match else ""


# Spaces other than U+0020 that text pasted from web pages, word processors and messengers
# brings: YAML takes them for part of the text, so "title:<U+00A0>..." is no key and value.
PASTED_SPACES = {
    "\u00a0": "a non-breaking space (U+00A0)",
    "\u202f": "a narrow non-breaking space (U+202F)",
    "\u2007": "a figure space (U+2007)",
    "\u3000": "an ideographic space (U+3000)",
    "\u200b": "a zero-width space (U+200B)",
    **{chr(code): f"a typographic space (U+{code:04X})" for code in range(0x2000, 0x200B)},
}
_PASTED = "".join(PASTED_SPACES)
# Where YAML needs an ordinary space: in the indentation, after a list's '-' and after a
# key's ':'.
_STRUCTURE_SPACE = re.compile(
    rf"^[ \t]*(?P<indent>[{_PASTED}])[ \t{_PASTED}]*(?:-|[\w-]+:)"
    rf"|^[ \t]*-(?P<dash>[{_PASTED}])"
    rf"|^[ \t]*(?:-[ \t]+)?(?P<key>[\w-]+):(?P<after>[{_PASTED}])"
)


# A value that starts with a quote: after a key's ':' or a list's '-'.
_QUOTE_OPENS = re.compile(r"^\s*(?:-\s+)?(?:[\w-]+\s*:\s+|-\s+)(?=['\"])")


def _unclosed_quote(lines: list[str]) -> tuple[int, int, str] | None:
    """Find a value that opens a quote its line does not close, where the next line starts
    a key or an item ("note: 'A photo report.", then "  - title: …"): YAML reads on to the
    next such quote, an apostrophe lines below, and gives up there. (line, column, quote)."""
    for number, text in enumerate(lines, 1):
        found = _QUOTE_OPENS.match(text)
        if found is None:
            continue
        quote, value = text[found.end()], text[found.end() + 1 :].rstrip()
        if quote == "'":
            closed = value.replace("''", "").count("'") % 2 == 1
        else:
            closed = re.sub(r"\\.", "", value).count('"') % 2 == 1
        following = lines[number] if number < len(lines) else ""
        if not closed and (_key_of(following) or following.strip().startswith("- ")):
            return number, found.end() + 1, quote
    return None


def _pasted_character(lines: list[str]) -> tuple[int, int, str] | None:
    """Find the first space of another kind where YAML needs an ordinary one, or dash or
    bullet where it needs '-' (in text that YAML could not read, up to the line where it
    gave up): (line, column, message)."""
    for number, line in enumerate(lines, 1):
        if line.isascii():
            continue
        bullet = _LIST_BULLET.match(line)
        if bullet is not None:
            char = bullet.group("bullet")
            name = unicodedata.name(char, "dash").lower()
            return (
                number,
                bullet.start("bullet") + 1,
                f"YAML syntax error: '{char}' ({_article(name)} {name}) starts this item, where "
                "a list needs '-', the hyphen: type '-' over it (word processors turn '- ' "
                "into a dash or a bullet)",
            )
        match = _STRUCTURE_SPACE.match(line)
        if match is None:
            continue
        space = next(name for name in ("indent", "dash", "after") if match.group(name))
        column = match.start(space) + 1
        where = {"indent": "in the indentation", "dash": "after '-'"}.get(space)
        where = where or f"after '{match.group('key')}:'"
        name = PASTED_SPACES[line[column - 1]]
        return (
            number,
            column,
            f"YAML syntax error: {name} {where}, where YAML needs an ordinary space; type "
            "a space over it (text pasted from web pages, word processors and messengers "
            "brings such spaces)",
        )
    return None


# A list item begun with a dash or bullet of typesetting, which YAML reads as text.
_LIST_BULLET = re.compile(rf"^[ \t]*(?P<bullet>[{_BULLETS}])[ \t{_PASTED}]+[\w-]+:")


def _article(name: str) -> str:
    return "an" if name[:1] in "aeiou" else "a"


# Quotation marks of typesetting, which YAML reads as any other character.
_TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛‹›"
_QUOTED_VALUE = re.compile(rf"^[ \t]*(?:-[ \t]+)?([\w-]+):[ \t]+([{_TYPOGRAPHIC_QUOTES}])(.*)$")


def _typographic_quote_hint(line: str) -> str:
    """Explain a value that starts with a typographic quote, which quotes nothing in YAML."""
    match = _QUOTED_VALUE.match(line)
    if match is None:
        return ""
    key, mark, rest = match.groups()
    inner = rest.rstrip().rstrip(_TYPOGRAPHIC_QUOTES)
    example = f'{key}: "{inner}"' if '"' not in inner and len(inner) <= 60 else f'{key}: "..."'
    return (
        f"{mark} is a typographic quotation mark, which YAML reads as part of the text, not "
        f"as a quote: put the value in straight quotes, {example}"
    )


# '#' at the start of an item of a [list]: a comment to YAML, which hides the rest.
_HASH_ITEM = re.compile(r"^[ \t]*(?:-[ \t]+)?([\w-]+):[ \t]*\[(.*)$")


def _hash_hint(line: str) -> str:
    """Explain a [list] whose item starts with '#' ("tags: [#frontline, #nuclear]")."""
    match = _HASH_ITEM.match(line)
    if match is None or not re.search(r"(?:^|[\s,])#", match[2]):
        return ""
    items = [item.strip().lstrip("#").strip() for item in match[2].rstrip().rstrip("]").split(",")]
    return (
        "'#' after '[', ',' or a space starts a YAML comment, which hides the rest of the "
        f"line: write the items without '#', {match[1]}: [{', '.join(i for i in items if i)}]"
    )


def _token_hint(char: str) -> str:
    """Explain "found character that cannot start any token" for the character found."""
    if char == "\t":
        return "YAML does not allow tabs for indentation; indent with spaces"
    if char:
        return f"a value that starts with '{char}' must be in quotes"
    return "put the value in quotes"


def _reader_problem(
    exc: yaml.reader.ReaderError, path: str, text: str, line_offset: int
) -> Problem:
    """Report a character YAML refuses, at its line and column counted in characters."""
    position = exc.position
    if _Loader is not yaml.SafeLoader:
        # libyaml counts bytes of UTF-8; the pure-Python reader counts characters.
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    key_match = re.match(r"\s*(?:-\s+)?([\w-]+)\s*:", text.split("\n")[line - 1])
    if isinstance(exc.character, int):
        message = (
            f"contains the control character U+{exc.character:04X}, which cannot go into a "
            "web page or feed; delete it (it often comes with pasted text)"
        )
    else:
        message = f"YAML cannot read this text: {exc.reason}"
    field_name = key_match[1] if key_match else "YAML"
    return Problem(Location(path, line + line_offset, column), field_name, message)


def quote(text: str) -> str:
    """Write `text` as one double-quoted YAML scalar that reads back as exactly `text`."""
    dumped: str = yaml.safe_dump(
        text, default_style='"', allow_unicode=True, width=1_000_000, explicit_end=False
    )
    return dumped.rstrip("\n")
