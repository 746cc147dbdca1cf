"""The order of names (collation.py), and the places index of a built site in it."""

import html
import re
import shutil
import sys
from pathlib import Path

import pytest

from builder.build import build
from builder.collation import initials, name_key
from builder.pages import LETTERS_FROM
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

ALPHABETS = {
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}


@pytest.mark.parametrize("language", sorted(ALPHABETS))
def test_each_alphabet_is_in_its_own_order(language: str) -> None:
    for letters in (ALPHABETS[language], ALPHABETS[language].upper()):
        assert "".join(sorted(letters, key=name_key)) == letters
        shuffled = letters[::-1]
        assert "".join(sorted(shuffled, key=name_key)) == letters


def test_place_names_sort_as_a_reader_looks_for_them() -> None:
    ordered = [
        "Eden",
        "Édessa",
        "kyiv",
        "Kyiv",
        "Łódź",
        "Lviv",
        "Zaporizhzhia",
        "Авдіївка",
        "Гуляйполе",
        "Ґалаґан",
        "Дніпро",
        "Єнакієве",
        "Запоріжжя",
        "Иван",
        "Іванівка",
        "Ізюм",
        "Їжаківка",
        "Йосипівка",
        "Київ",
        "Куп'янськ",
        "Ясинувата",
    ]
    assert sorted(reversed(ordered), key=name_key) == ordered
    assert sorted(ordered, key=name_key) == ordered


def test_numbers_in_names_are_ordered_by_their_value() -> None:
    ordered = ["3rd Assault Brigade", "47th Brigade", "110th Brigade", "Topic 2", "Topic 10"]
    assert sorted(reversed(ordered), key=name_key) == ordered
    assert sorted(["Topic 7", "Topic 007"], key=name_key) == sorted(
        ["Topic 007", "Topic 7"], key=name_key
    )  # weighed alike, the tie broken as written: the same order from any order


def test_a_name_written_decomposed_sorts_as_written_composed() -> None:
    assert name_key("І\u0308жаківка") == name_key("Їжаківка")  # І and a combining diaeresis
    assert name_key("И\u0306осипівка") == name_key("Йосипівка")


def test_the_places_index_lists_ukrainian_names_in_alphabet_order(tmp_path: Path) -> None:
    """Ізюм and Єнакієве were listed after Ясинувата (code point order)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    day = tmp_path / "content" / "digests" / "2024" / "2024-06-22.md"
    text = day.read_text("utf-8")
    names = ["Ясинувата", "Ізюм", "Єнакієве", "Гуляйполе", "Ґалаґан", "Київ"]
    places = ", ".join(f'"{name}"' for name in names)
    text, count = re.subn(r"(?m)^    places: \[[^\]]*\]$", f"    places: [{places}]", text, count=1)
    if not count:  # the first headline has none: give it these
        text, count = re.subn(
            r"(?m)^(    source: .*)$", rf"\1\n    places: [{places}]", text, count=1
        )
    assert count == 1
    day.write_text(text, "utf-8")
    build(Project.find(tmp_path), tmp_path / "site")
    index = (tmp_path / "site" / "places" / "index.html").read_text("utf-8")
    listed = [n for n in re.findall(r'<a href="/places/[^"]+/">([^<]+)</a>', index) if n in names]
    assert listed == ["Гуляйполе", "Ґалаґан", "Єнакієве", "Ізюм", "Київ", "Ясинувата"]


@pytest.mark.parametrize(
    ("language", "ordered"),
    [
        # The default order: Latin first, then Greek and Cyrillic, then Arabic.
        ("en", ["«Азов»", "BBC", "Reuters", "Ελλάδα", "Суспільне", "Українська правда", "ایران"]),
        # A Ukrainian site's own letters first (CLDR's order for uk), then the default's.
        ("uk", ["«Азов»", "Суспільне", "Українська правда", "BBC", "Reuters", "Ελλάδα", "ایران"]),
        ("fa", ["«Азов»", "ایران", "BBC", "Reuters", "Ελλάδα", "Суспільне", "Українська правда"]),
        ("el", ["«Азов»", "Ελλάδα", "BBC", "Reuters", "Суспільне", "Українська правда", "ایران"]),
    ],
)
def test_a_sites_own_letters_are_listed_first(
    tmp_path: Path, language: str, ordered: list[str]
) -> None:
    """The sources, tags and places indexes of a Ukrainian site list Cyrillic names before
    Latin ones, as Ukrainian readers look for them (they came after "The Kyiv Independent");
    a name that starts with no letter stays first, under "#"."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    site = tmp_path / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("language: en", f"language: {language}"))
    sources = tmp_path / "content" / "sources.yaml"
    tags = tmp_path / "content" / "tags.yaml"
    with sources.open("a", encoding="utf-8") as registry, tags.open("a", encoding="utf-8") as more:
        for number, name in enumerate(ordered):
            registry.write(f'added-{number}:\n  name: "{name}"\n  url: "https://e.org/{number}"\n')
            registry.write("  language: uk\n")
            more.write(f'added-{number}:\n  name: "{name}"\n')
    day = tmp_path / "content" / "digests" / "2024" / "2024-06-22.md"
    items = "".join(
        f'  - title: "Added {number}"\n    url: "https://e.org/{number}/a"\n'
        f'    source: added-{number}\n    tags: [added-{number}]\n    places: ["{name}"]\n'
        for number, name in enumerate(ordered)
    )
    day.write_text(day.read_text("utf-8").replace("headlines:\n", "headlines:\n" + items, 1))
    build(Project.find(tmp_path), tmp_path / "site")
    for kind in ("sources", "tags", "places"):
        index = (tmp_path / "site" / kind / "index.html").read_text("utf-8")
        names = [html.unescape(n) for n in re.findall(r'<a href="/[^"]+/">([^<]+)</a>', index)]
        assert [name for name in names if name in ordered] == ordered, kind


def test_names_are_under_their_first_letter_as_the_alphabet_has_it() -> None:
    names = sorted(
        [
            *("10th", '"Quoted"', "Édessa", "eden", "Łódź", "Lviv", "Іванівка", "ізюм"),
            *("Їжаківка", "Йосипівка", "Гуляйполе", "Ґалаґан", "Ёлка", "Єнакієве"),
        ],
        key=name_key,
    )
    under = dict(zip(names, initials(names), strict=True))
    assert under == {
        "10th": "#",
        '"Quoted"': "#",
        "eden": "E",
        "Édessa": "E",  # under E, its accent not weighed
        "Łódź": "L",
        "Lviv": "L",
        "Гуляйполе": "Г",
        "Ґалаґан": "Ґ",  # letters of their own
        "Ёлка": "Ё",
        "Єнакієве": "Є",
        "Іванівка": "І",
        "ізюм": "І",
        "Їжаківка": "Ї",
        "Йосипівка": "Й",
    }
    assert initials(["Édessa"]) == ["E"] and initials(["Łódź"]) == ["Ł"]


def _listed(index: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """The letters an index page links to, its headings, and each name under its heading."""
    nav = re.search(r'<nav class="letters"[^>]*>(.*?)</nav>', index, re.S)
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav.group(1)) if nav else []
    headings = re.findall(r'<h2 class="letter" id="([^"]+)">([^<]+)</h2>', index)
    under, heading = [], ""
    for match in re.finditer(
        r'<h2 class="letter" id="[^"]+">([^<]+)</h2>|<li><a href="/places/[^"]+/">([^<]+)</a>',
        index,
    ):
        heading = match.group(1) or heading
        if match.group(2):
            under.append((heading, match.group(2)))
    return links, headings, under


def test_a_long_index_is_split_under_first_letters_with_links_to_each(tmp_path: Path) -> None:
    """The benchmark's 80 places: under Latin P and the Cyrillic letters, Є and І in their
    places; the row of links names each heading once, in order; a short index (the
    sample's tags) has neither."""
    generate(tmp_path, days=40, headlines=30, seed=3)
    build(Project.find(tmp_path), tmp_path / "site")
    index = (tmp_path / "site" / "places" / "index.html").read_text("utf-8")
    links, headings, under = _listed(index)
    assert len(under) >= LETTERS_FROM
    assert links == headings and len({anchor for anchor, _ in headings}) == len(headings)
    letters = [letter for _, letter in headings]
    assert letters[0] == "P" and letters.index("Є") < letters.index("З") < letters.index("І")
    assert letters.index("І") < letters.index("К") and letters[-1] == "Я"
    names = [name for _, name in under]
    assert names == sorted(names, key=name_key)
    for letter, name in under:
        assert initials([name]) == [letter], name
    tags = (tmp_path / "site" / "tags" / "index.html").read_text("utf-8")
    assert 'class="letters"' not in tags and 'class="letter"' not in tags
