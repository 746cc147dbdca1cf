"""The order of names (collation.py), and the places index of a built site in it."""

import re
import shutil
from pathlib import Path

import pytest

from builder.build import build
from builder.collation import name_key
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent

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
