"""Line-aware YAML loading: the only module that imports yaml.

PyYAML's `load` forgets where values came from, silently keeps the last of two equal keys,
expands aliases without limit and shows its errors as reprs. Here we let PyYAML *compose*
the document (a node tree with line marks) and turn the nodes into plain Python values
ourselves, so that every value keeps its line and column, duplicate keys are reported,
aliases and object-constructing tags are refused before they can cost anything, and YAML's
own errors are translated into a `Problem` with a hint on how to fix the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Location, Problem

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


@dataclass
class Document:
    """Plain values loaded from YAML, with the position of every value and key."""

    path: str
    value: Any
    line_offset: int = 0
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    plain_scalars: dict[Path, Scalar] = field(default_factory=dict)

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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, [translate_error(exc, path, text, line_offset)]
    doc = Document(path, None, line_offset)
    if node is None:
        return doc, []
    problems: list[Problem] = []
    doc.value = _Converter(doc, problems).convert(node, ())
    return doc, problems


class _Converter:
    """Turn a composed node tree into plain values, recording positions and problems."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()

    def mark(self, node: Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.doc.line_offset, node.start_mark.column + 1)

    def problem(self, node: Node, path: Path, message: str) -> None:
        line, column = self.mark(node)
        self.problems.append(Problem(Location(self.doc.path, line, column), _dotted(path), message))

    def convert(self, node: Node, path: Path) -> Any:
        if id(node) in self.seen:
            # The composer hands back the anchored node itself for an alias: refusing a
            # second visit refuses aliases before any expansion ("billion laughs").
            self.problem(node, path, "YAML aliases (*name) are not supported; write the value out")
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
        self.problem(
            node,
            path,
            f"the YAML tag '{node.tag}' is not allowed; remove it and write a plain value",
        )
        return None

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self.bad_tag(node, path)
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if node.tag == _TAG + "timestamp":
                message = f"'{node.value}' is not a valid date: {exc}; write YYYY-MM-DD"
            else:
                message = f"'{node.value}' cannot be read: {exc}"
            self.problem(node, path, message)
            return None
        if not node.style and node.tag != _TAG + "str":  # libyaml says "" for plain, PyYAML None
            self.doc.plain_scalars[path] = Scalar(node.value, node.tag.removeprefix(_TAG))
        return value

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
            if not isinstance(key, str):
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
        return result


def _dotted(path: Path) -> str:
    """Format a value path as editors read it: headlines[2].source."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


dotted = _dotted

# What PyYAML says -> how to fix it. Matched against the lower-cased problem text.
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
        "cannot start any token",
        "YAML does not allow a tab here (indent with spaces), or a value starts with a "
        "character that needs the whole value in quotes ('@', '`', '%')",
    ),
    (
        "found unknown escape character",
        'inside "double quotes" a backslash starts an escape; write \\\\ for a backslash '
        "or use 'single quotes'",
    ),
    (
        "found unexpected end of stream",
        "a quote is opened but never closed; close it on the same value",
    ),
    (
        "expected <block end>",
        "check the indentation: items of one list or mapping must start in the same column, "
        "and a value that starts with a quote must end with that quote",
    ),
    (
        "expected ',' or ']'",
        "a [list, of, values] is not closed, or one of its values contains ',' or ':' and "
        "needs quotes",
    ),
    (
        "expected ',' or '}'",
        "a {mapping} is not closed, or one of its values needs quotes",
    ),
    ("found undefined alias", "'*' starts an alias in YAML; put the value in quotes"),
    ("found undefined tag handle", "'!' starts a tag in YAML; put the value in quotes"),
    (
        "found character that cannot start any token",
        "put the value in quotes",
    ),
    (
        "but found another document",
        "there is a second '---' line inside the YAML; remove it",
    ),
    (
        "special characters are not allowed",
        "remove the control character; it may have come in with pasted text",
    ),
)


def translate_error(exc: yaml.YAMLError, path: str, text: str, line_offset: int = 0) -> Problem:
    """Turn one of PyYAML's exceptions into a Problem with a location and a hint."""
    line = column = None
    problem_text = str(exc)
    context = ""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        problem_text = exc.problem or ""
        context = exc.context or ""
    elif isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        problem_text = (
            f"the character #x{exc.character:04X} is not allowed in YAML"
            if isinstance(exc.character, int)
            else str(exc.reason)
        ) + " (special characters are not allowed)"
    lines = text.split("\n")
    key = ""
    if line is not None and 0 < line <= len(lines):
        match = re.match(r"\s*(?:-\s+)?([\w-]+)\s*:", lines[line - 1])
        key = match.group(1) if match else ""
    hint = ""
    lowered = f"{context} {problem_text}".lower()
    for needle, advice in _HINTS:
        if needle in lowered:
            hint = advice.format(key=key or "title")
            break
    message = "YAML syntax error: " + (f"{context}: " if context else "") + problem_text
    message = message.replace("\n", " ").strip()
    if hint:
        message += f"; {hint}"
    if line is not None:
        line += line_offset
    return Problem(Location(path, line, column), key or "YAML", message)
