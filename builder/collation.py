"""The order in which names are listed: the only module that imports pyuca.

Python orders text by code point, which puts "Єнакієве", "Ізюм" and "Ґалаґан" after
"Ясинувата" (the Ukrainian letters Є, І, Ї and Ґ have code points below А or above Я)
and "Łódź" after "Zaporizhzhia". Names are ordered instead by the Unicode Collation
Algorithm with its default table (pyuca's DUCET): accents and case only break ties,
Latin comes before Cyrillic, є after е and і after и. The default table reads a few
letters as a base letter with a mark, which Ukrainian, Russian and Belarusian write as
letters of their own, after that base letter: ґ after г, ї after і, ё after е, ў after у,
and й after ї (Ukrainian's и і ї й, Russian's и й and Belarusian's і й all hold). Each is
given to the algorithm as its base letter and a character weighed after every letter,
which puts it after every name with the base letter there and before the next letter:
"Гуляйполе" < "Ґалаґан" < "Дніпро", "Іванівка" < "Ізюм" < "Їжаківка" < "Йосипівка".
"""

from __future__ import annotations

import functools
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
def name_key(name: str) -> tuple[int, ...]:
    """Return the key that orders `name` among names (for `sorted`)."""
    text = unicodedata.normalize("NFC", name).translate(_OWN_LETTERS)
    return tuple(_collator().sort_key(text))
