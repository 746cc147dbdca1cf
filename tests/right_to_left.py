"""Headlines written right to left, added to a copy of the full test site.

A day of Persian, Arabic and Dari headlines (Dari's code, `prs`, is one CLDR does not know)
beside an English one that says it is English: on an English site the first three run the
other way from the page, on a Persian site the last one does. The Arabic one was corrected
(the corrections page lists it). Used by the tests of the
pages' HTML (test_readers), of the fast paths (test_fragments, test_fastpages) and of what
a browser shows (test_browser).
"""

from __future__ import annotations

from pathlib import Path

DAY = "2024/07/18"  # after the full site's newest day
# The day's headlines, by their links, in its order.
PERSIAN = "https://www.bbc.com/persian/articles/c0000000001o"  # with a note; labelled
ARABIC = "https://www.aljazeera.net/news/2024/7/18/kyiv-drones"  # no note; corrected
DARI = "https://www.bbc.com/persian/articles/c0000000002o"  # prs, which CLDR does not know
ENGLISH = "https://www.reuters.com/world/europe/kyiv-drones-2024-07-18/"  # language: en

SOURCES = """\
bbc-persian:
  name: "BBC فارسی"
  url: "https://www.bbc.com/persian"
  language: fa
aljazeera-ar:
  name: "الجزيرة"
  url: "https://www.aljazeera.net/"
  language: ar
"""

DAY_FILE = f"""\
---
date: 2024-07-18
title: "Drones over Kyiv, seen from Tehran"
summary: "Persian and Arabic reports of the night's drone attack."
headlines:
  - title: "پهپادهای ایرانی «شاهد» بار دیگر به کی‌یف حمله کردند؛ ۳ کشته"
    url: "{PERSIAN}"
    source: bbc-persian
    language: fa
    tags: [frontline]
    places: [Київ]
    label: analysis
    note: "گزارش بی‌بی‌سی فارسی درباره حمله پهپادی (۱۸ ژوئیه)."
  - title: "هجوم بطائرات مسيّرة على كييف"
    url: "{ARABIC}"
    source: aljazeera-ar
    language: ar
    tags: [frontline]
    places: [Київ]
    updated: "2024-07-18 12:00"
    correction: "The number of drones was corrected."
  - title: "حملهٔ پهپادی بر کیف؛ سه تن کشته شدند"
    url: "{DARI}"
    source: bbc-persian
    language: prs
    tags: [diplomacy]
    note: "گزارش به زبان دری (افغانستان)."
  - title: "Drones hit Kyiv overnight; three killed"
    url: "{ENGLISH}"
    source: reuters
    language: en
    tags: [frontline]
    places: [Київ]
    note: "The English report, for comparison."
---
Iranian-made drones struck Kyiv again (three killed). The reports above are in Persian,
Arabic and Dari.
"""


def add_right_to_left(project: Path, site_language: str = "en") -> None:
    """Add the day and its sources to the content of `project` (a copy of the full site),
    and set the site's language."""
    content = project / "content"
    with (content / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write(SOURCES)
    (content / "digests" / "2024" / "2024-07-18.md").write_text(DAY_FILE, encoding="utf-8")
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    assert "language: en\n" in text
    site.write_text(text.replace("language: en\n", f"language: {site_language}\n"), "utf-8")
