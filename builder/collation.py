"""The order in which names are listed: the only module that imports pyuca.

Python orders text by code point, which puts "Єнакієве", "Ізюм" and "Ґалаґан" after
"Ясинувата" (the Ukrainian letters Є, І, Ї and Ґ have code points below А or above Я)
and "Łódź" after "Zaporizhzhia". Names are ordered instead by the Unicode Collation
Algorithm with its default table (pyuca's DUCET): accents and case only break ties,
Latin comes before Cyrillic (unless the site's own letters are put first: `name_key`'s
`first`), є after е and і after и. The default table reads a few
letters as a base letter with a mark, which Ukrainian, Russian and Belarusian write as
letters of their own, after that base letter: ґ after г, ї after і, ё after е, ў after у,
and й after ї (Ukrainian's и і ї й, Russian's и й and Belarusian's і й all hold). Each is
given to the algorithm as its base letter and a character weighed after every letter,
which puts it after every name with the base letter there and before the next letter:
"Гуляйполе" < "Ґалаґан" < "Дніпро", "Іванівка" < "Ізюм" < "Їжаківка" < "Йосипівка".
Numbers in names are ordered by their value ("3rd Assault Brigade" before "47th", "Topic
2" before "Topic 10"), as a reader scanning an index expects (CLDR's numeric ordering).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# After every letter of every script: a noncharacter, which the algorithm weighs after
# all that its table names (an implicit weight). It is in keys only, never in output.
_AFTER_EVERY_LETTER = "\uffff"
_OWN_LETTERS = str.maketrans(
    {
        letter: base + _AFTER_EVERY_LETTER
        for letter, base in {
            "ґ": "г",
            "Ґ": "Г",
            "ї": "і",
            "Ї": "І",
            "й": "і" + _AFTER_EVERY_LETTER,  # after ї in Ukrainian (и і ї й); after и in
            "Й": "І" + _AFTER_EVERY_LETTER,  # Russian and after і in Belarusian all the same
            "ё": "е",
            "Ё": "Е",
            "ў": "у",
            "Ў": "У",
        }.items()
    }
)


@functools.cache
def _collator() -> Any:
    from pyuca import Collator  # reads its table (0.2 s): only where names are ordered

    return Collator()


@functools.cache  # a digest's names recur in every build the preview makes
def name_key(name: str, first: tuple[str, ...] = ()) -> tuple[int, ...]:
    """Return the key that orders `name` among names (for `sorted`).

    `first` names the letters listed first, by the first word of their Unicode names
    ("CYRILLIC"): the site's own, as its language's order has them (a Ukrainian reader
    looks for "Суспільне" before "BBC"). Names that start with no letter stay before all.
    """
    text = unicodedata.normalize("NFC", name).translate(_OWN_LETTERS)
    numbered = _NUMBER.sub(_by_value, text)
    key = tuple(_collator().sort_key(numbered))
    if numbered != text:  # "7" and "007" are weighed alike: as written breaks the tie
        key += (0, *_collator().sort_key(text))
    if not first:
        return key
    start = text.lstrip()[:1]
    if not start.isalpha():
        return (0, *key)
    return (1 if unicodedata.name(start, "").split(" ")[0] in first else 2, *key)


# A run of digits, weighed by its value: written with as many digits as the longest number
# a name holds (to a trillion), so that "2" is weighed as "000000000002", before "10".
_NUMBER = re.compile(r"\d+")


def _by_value(number: re.Match[str]) -> str:
    return f"{int(number.group()):012d}"


# The first letter of names that start with none (a digit, a quotation mark): grouped
# together, before the letters, where the algorithm puts them.
OTHER_INITIAL = "#"


def initials(names: list[str]) -> list[str]:
    """Return the letter each of `names` (ordered by `name_key`) is listed under in an
    index: names whose first letters the algorithm weighs alike are under one letter (É
    under E, Ł under L; Ї is a letter of its own, after І), in capitals and without a
    mark the algorithm does not weigh (E, not É; Ї and Й as they are); a name that starts
    with no letter is under "#"."""
    groups: list[tuple[object, list[str]]] = []  # each letter's weights, and its capitals
    listed: list[int] = []  # the group of each name
    for name in names:
        first = unicodedata.normalize("NFC", name.strip())[:1].upper()
        if not first or not unicodedata.category(first).startswith("L"):
            weight: object = OTHER_INITIAL
        else:
            weight = _primary(first)
            base = unicodedata.normalize("NFD", first)[0]
            first = base if _primary(base) == weight else first
        if not groups or groups[-1][0] != weight:
            groups.append((weight, []))
        groups[-1][1].append(first)
        listed.append(len(groups) - 1)
    labels = [
        OTHER_INITIAL
        if weight == OTHER_INITIAL
        else min(capitals, key=lambda letter: (name_key(letter), letter))
        for weight, capitals in groups
    ]
    return [labels[group] for group in listed]


def _primary(letter: str) -> tuple[int, ...]:
    """The weights that tell `letter` from other letters (before accents and case)."""
    key = name_key(letter)
    return key[: key.index(0)] if 0 in key else key
