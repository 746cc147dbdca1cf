"""`digest import`: pasted listings in the shapes outlets use -> the exact entries and files."""
# ruff: noqa: E501 - listings are real-shaped lines, kept whole so each case reads as pasted

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import subprocess
import sys
from typing import Any

import pytest

from builder.documents import read_listing_file
from builder.i18n import normalise_word
from builder.importdates import age
from builder.importdays import merge_day, render_day
from builder.importer import parse_listing
from builder.importlinks import app_page, index_page, match_source, unwrapped, without_outlet
from builder.importmodel import Entry, Listing
from builder.importtext import URL_IN_TEXT, boilerplate
from builder.importzones import zone_of_script
from builder.links import clean_url
from builder.reader import parse_day

SOURCES = {
    "espreso": "https://global.espreso.tv/",
    "censor": "https://censor.net/",
    "ukrinform": "https://www.ukrinform.net/",
    "pravda": "https://www.pravda.com.ua/",
    "korea-times": "https://www.koreatimes.co.kr/",
}
D21 = "2024-06-21"
D22 = "2024-06-22"
DEFAULT = dt.date(2024, 6, 25)
U1 = "https://censor.net/en/news/3495986/the_po_is_set_to_hold_the_second_peace_summit"
U2 = "https://www.ukrinform.net/rubric-ato/3877599-isw-putin.html"
U3 = "https://www.pravda.com.ua/news/2024/06/21/7461234/"

# (id, listing, --source, [(date, time, title, url, source)], [dropped line numbers])
CASES = [
    (
        "seed-read-also-footer",
        "Read also:\n  • News\n2024, Saturday\n22 June\n"
        "Ukraine's General Staff reports 21 firefights in Pokrovsk sector\n"
        "Putin finds justification for use of nuclear weapons - ISW\n"
        "2024, Friday\n21 June\n"
        "Ukraine aims to hold second Peace Summit by late 2024\n"
        '"Putin is interested in negotiations, Biden in escalation": foreign fakes for June 21\n'
        "Ukraine strikes 4 refineries, radar stations in Russia and Crimea – Ukraine’s General"
        " Staff\nMore news",
        "espreso",
        [
            (
                D22,
                None,
                "Ukraine's General Staff reports 21 firefights in Pokrovsk sector",
                "",
                "espreso",
            ),
            (
                D22,
                None,
                "Putin finds justification for use of nuclear weapons - ISW",
                "",
                "espreso",
            ),
            (D21, None, "Ukraine aims to hold second Peace Summit by late 2024", "", "espreso"),
            (
                D21,
                None,
                '"Putin is interested in negotiations, Biden in escalation": foreign fakes for June 21',
                "",
                "espreso",
            ),
            (
                D21,
                None,
                "Ukraine strikes 4 refineries, radar stations in Russia and Crimea – Ukraine’s General Staff",
                "",
                "espreso",
            ),
        ],
        [1, 2, 12],
    ),
    (
        # Characters of no width that pasted text brings into links (a word processor's soft
        # hyphen, a zero width space, a word joiner): never part of an address, dropped.
        "links-with-characters-of-no-width",
        f"21.06.2024\nPeace Summit — {U1[:30]}\u00ad{U1[30:]}\nISW on Putin – {U2[:40]}\u200b{U2[40:]}\n",
        "",
        [
            (D21, None, "Peace Summit", U1, "censor"),
            (D21, None, "ISW on Putin", U2, "ukrinform"),
        ],
        [],
    ),
    (
        "html-link-with-a-word-joiner",
        f'<ul><li><a href="{U3[:35]}\u2060{U3[35:]}">Pravda story</a></li>'
        f'<li><a href="{U1}">Peace Summit</a></li></ul>',
        "",
        [
            (DEFAULT.isoformat(), None, "Pravda story", U3, "pravda"),
            (DEFAULT.isoformat(), None, "Peace Summit", U1, "censor"),
        ],
        [],
    ),
    (
        "us-date-times-on-own-line",
        f"June 21, 2024\n\n19:02\nNetherlands to provide Ukraine with Patriot\n\n18:40\n"
        f"Second Peace Summit by late 2024 — {U1}\n",
        "",
        [
            (D21, "19:02", "Netherlands to provide Ukraine with Patriot", "", ""),
            (D21, "18:40", "Second Peace Summit by late 2024", U1, "censor"),
        ],
        [],
    ),
    (
        "weekday-us-date-12-hour-times-before-headline",
        "Friday, June 21, 2024\n12:11 PM Japan extends sanctions against Russia\n"
        "12:30 AM Night attack on Kharkiv\n9:05 pm Evening address",
        "",
        [
            (D21, "12:11", "Japan extends sanctions against Russia", "", ""),
            (D21, "00:30", "Night attack on Kharkiv", "", ""),
            (D21, "21:05", "Evening address", "", ""),
        ],
        [],
    ),
    (
        "dotted-date-bullets-and-dashed-times",
        "21.06.2024\n• 09:17 - Russia attacks village in Zaporizhzhia region\n"
        "- 10:00 – Bomb squad clears path in Kharkiv region\n"
        "* U.S. bans sale of Kaspersky products\n"
        "1. Ukraine urges FATF to blacklist Russia\n2) EU approves negotiation framework\n"
        "1,100 Russian soldiers destroyed per day",
        "",
        [
            (D21, "09:17", "Russia attacks village in Zaporizhzhia region", "", ""),
            (D21, "10:00", "Bomb squad clears path in Kharkiv region", "", ""),
            (D21, None, "U.S. bans sale of Kaspersky products", "", ""),
            (D21, None, "Ukraine urges FATF to blacklist Russia", "", ""),
            (D21, None, "EU approves negotiation framework", "", ""),
            (D21, None, "1,100 Russian soldiers destroyed per day", "", ""),
        ],
        [],
    ),
    (
        "ukrainian-date-and-boilerplate",
        f"Читайте також:\n21 червня 2024\nНОВИНИ\n"
        f"Нідерланди нададуть Україні систему Patriot — {U3}\n"
        "ДУМКА\nЯпонія розширила санкції проти Росії\nБільше новин",
        "",
        [
            (D21, None, "Нідерланди нададуть Україні систему Patriot", U3, "pravda"),
            (D21, None, "Японія розширила санкції проти Росії", "", ""),
        ],
        [1, 3, 5, 7],
    ),
    (
        "ukrainian-weekday-accusative-with-year-word",
        "у п’ятницю, 21 червня 2024 року\n14:20 Україна повернула сімох дітей\n"
        "Субота, 22 червня 2024 р.\nЗСУ знищили 25 повітряних цілей",
        "",
        [
            (D21, "14:20", "Україна повернула сімох дітей", "", ""),
            (D22, None, "ЗСУ знищили 25 повітряних цілей", "", ""),
        ],
        [],
    ),
    (
        "day-line-without-year-takes-nearest-year",
        "22 June\nSecond Russian tanker enters Mariupol port\nJune 21\nNATO responds",
        "",
        [
            (D22, None, "Second Russian tanker enters Mariupol port", "", ""),
            (D21, None, "NATO responds", "", ""),
        ],
        [],
    ),
    (
        "headlines-before-any-date-go-to-default-date",
        "Kyiv under attack\n21 червня\nOne more",
        "",
        [
            ("2024-06-25", None, "Kyiv under attack", "", ""),
            (D21, None, "One more", "", ""),
        ],
        [],
    ),
    (
        "markdown-links",
        f"## 2024-06-21\n- [Ukraine aims to hold second Peace Summit]({U1})\n"
        f'* [ISW: Putin justifies *nuclear* threats]({U2} "title")\n'
        f"3. [Korea arms](https://m.koreatimes.co.kr/pages/article.amp.asp?newsIdx=377133)\n"
        "- [Unknown outlet story](https://example.com/a)",
        "",
        [
            (D21, None, "Ukraine aims to hold second Peace Summit", U1, "censor"),
            (D21, None, "ISW: Putin justifies *nuclear* threats", U2, "ukrinform"),
            (
                D21,
                None,
                "Korea arms",
                "https://m.koreatimes.co.kr/pages/article.amp.asp?newsIdx=377133",
                "korea-times",
            ),
            (D21, None, "Unknown outlet story", "https://example.com/a", ""),
        ],
        [],
    ),
    (
        "title-dash-url-lines",
        f"21.06.2024\nPeace Summit — {U1}\nISW on Putin – {U2}\nPravda story {U3}\n"
        f"In brackets ({U1}x)\nPipe | https://global.espreso.tv/news-1",
        "",
        [
            (D21, None, "Peace Summit", U1, "censor"),
            (D21, None, "ISW on Putin", U2, "ukrinform"),
            (D21, None, "Pravda story", U3, "pravda"),
            (D21, None, "In brackets", U1 + "x", "censor"),
            (D21, None, "Pipe", "https://global.espreso.tv/news-1", "espreso"),
        ],
        [],
    ),
    (
        "telegram-headline-then-link-line",
        f"21 June 2024\n⚡️\nPeace Summit by late 2024\n{U1}\n\n🔥 ISW on Putin\n<{U2}>\n"
        "https://example.org/stray",
        "",
        [
            (D21, None, "Peace Summit by late 2024", U1, "censor"),
            (D21, None, "ISW on Putin", U2, "ukrinform"),
        ],
        [2, 8],
    ),
    (
        "html-list-copied-from-a-page",
        '<h3>Read also</h3>\n<div class="date">Friday, June 21, 2024</div>\n<ul>\n'
        f'  <li><time>19:02</time> <a href="{U1}">Peace&nbsp;Summit &amp; Patriot</a></li>\n'
        f'  <li><a href="{U2}" class="x">\n    ISW: Putin\n  </a> <a href="/rubric">Ukrinform</a></li>\n'
        '  <li><a href="/relative/only">Relative link headline</a></li>\n'
        "</ul><script>var x = '<li>not this</li>';</script><p>More news</p>",
        "",
        [
            (D21, "19:02", "Peace\u00a0Summit & Patriot", U1, "censor"),
            (D21, None, "ISW: Putin", U2, "ukrinform"),
            (D21, None, "Relative link headline", "", ""),
        ],
        [1, 9],
    ),
    (
        "windows-line-endings-nbsp-and-blank-lines",
        "\ufeff2024,\u00a0Friday\r\n21\u00a0June\r\n\r\n\u00a0•\u00a0Japan extends\u00a0sanctions\r\n"
        "\r\n  \t\r\nU.S. bans Kaspersky\r\n",
        "",
        [
            (D21, None, "Japan extends\u00a0sanctions", "", ""),
            (D21, None, "U.S. bans Kaspersky", "", ""),
        ],
        [],
    ),
    (
        "duplicates-in-the-listing-are-dropped",
        f"21.06.2024\nPeace Summit — {U1}\nPeace summit again — {U1}\nJapan sanctions\n"
        "JAPAN EXTENDS SANCTIONS AGAIN\nJapan Sanctions",
        "",
        [
            (D21, None, "Peace Summit", U1, "censor"),
            (D21, None, "Japan sanctions", "", ""),
            (D21, None, "JAPAN EXTENDS SANCTIONS AGAIN", "", ""),
        ],
        [3, 6],
    ),
    (
        "quotes-and-letters-kept-exactly",
        "21.06.2024\n“Putin is interested”: «fake» for June 21\n'Single' and \"double\" quotes\n"
        "Zelenskyy’s “ґ” and ʼapostrophesʼ…",
        "",
        [
            (D21, None, "“Putin is interested”: «fake» for June 21", "", ""),
            (D21, None, "'Single' and \"double\" quotes", "", ""),
            (D21, None, "Zelenskyy’s “ґ” and ʼapostrophesʼ…", "", ""),
        ],
        [],
    ),
    (
        "rubrics-and-section-headings-dropped",
        "OPINION\n21.06.2024\nVIDEO\nWar in Ukraine:\nКоментар тижня:\n"
        "NATO on Putin's plan: not in good faith\nUN\nMore news →",
        "",
        [
            (D21, None, "NATO on Putin's plan: not in good faith", "", ""),
        ],
        [1, 3, 4, 5, 7, 8],
    ),
    (
        "a-date-inside-a-headline-is-not-a-date-line",
        "21.06.2024\nFakes for June 21, 2024 debunked\n22 June 2024 is the day\n2024, a hard year",
        "",
        [
            (D21, None, "Fakes for June 21, 2024 debunked", "", ""),
            (D21, None, "22 June 2024 is the day", "", ""),
            (D21, None, "2024, a hard year", "", ""),
        ],
        [],
    ),
    (
        "unknown-host-falls-back-to-source-option",
        f"21.06.2024\nPeace Summit — {U1}\nElsewhere — https://example.com/x\nNo link",
        "espreso",
        [
            (D21, None, "Peace Summit", U1, "censor"),
            (D21, None, "Elsewhere", "https://example.com/x", "espreso"),
            (D21, None, "No link", "", "espreso"),
        ],
        [],
    ),
    (
        "html-cards-with-the-link-around-the-heading",
        "<section><h2>Latest news</h2>\n"
        '<article><a href="https://kyivindependent.com/odesa-drone-attack/">\n'
        "  <h3>Russian drone attack on Odesa injures 3</h3></a>\n"
        "  <p>The attack damaged port infrastructure &amp; a residential building.</p>\n"
        '  <time datetime="2024-06-21T21:15:00+03:00">Jun 21, 2024, 9:15 PM</time></article>\n'
        '<article><a href="https://kyivindependent.com/zelensky-meets-orban/"><img src="z.jpg" alt=""></a>\n'
        '  <a href="https://kyivindependent.com/zelensky-meets-orban/"><h3>Zelensky meets Orbán in Kyiv</h3></a>\n'
        '  <span>Jun 22, 2024, 2:02 PM</span><a href="https://kyivindependent.com/zelensky-meets-orban/">Read more</a></article>\n'
        "</section>",
        "",
        [
            (
                D21,
                "21:15",
                "Russian drone attack on Odesa injures 3",
                "https://kyivindependent.com/odesa-drone-attack/",
                "",
            ),
            (
                D22,
                "14:02",
                "Zelensky meets Orbán in Kyiv",
                "https://kyivindependent.com/zelensky-meets-orban/",
                "",
            ),
        ],
        [1, 4, 8],
    ),
    (
        "html-relative-links-completed-from-the-source-times-from-markup",
        '<div class="restList">\n'
        '<article><time datetime="2024-06-21T19:03:00+03:00">19:03</time>\n'
        '<h2><a href="/rubric-ato/3877600-zsu.html">ЗСУ відбили 17 атак на Покровському напрямку</a></h2></article>\n'
        '<article><time datetime="2024-06-21">21.06</time>\n'
        '<h2><a href="rubric-regions/3877601-harkiv.html">У Харкові пролунали вибухи</a></h2></article>\n'
        "</div>",
        "ukrinform",
        [
            (
                D21,
                "19:03",
                "ЗСУ відбили 17 атак на Покровському напрямку",
                "https://www.ukrinform.net/rubric-ato/3877600-zsu.html",
                "ukrinform",
            ),
            (
                D21,
                None,
                "У Харкові пролунали вибухи",
                "https://www.ukrinform.net/rubric-regions/3877601-harkiv.html",
                "ukrinform",
            ),
        ],
        [],
    ),
    (
        "html-page-menus-header-and-footer-are-not-headlines",
        "<!DOCTYPE html><html><head><title>War | News</title>\n"
        '<link rel="canonical" href="https://www.pravda.com.ua/eng/news/"></head><body>\n'
        '<header><a href="/">Ukrainska Pravda</a><nav><a href="/eng/business/">Business news and markets</a></nav>\n'
        "<p>Subscribe for unlimited access</p></header>\n"
        "<main><h1>21 June 2024</h1><ul>\n"
        '<li><span class="kicker">Exclusive</span><h3><a href="/news/2024/06/21/7461234/">How the missile hit the hospital</a></h3></li>\n'
        '<li><h3><a href="../../news/2024/06/21/7461235/">EU approves new aid package</a></h3><p>By Jane Doe</p></li>\n'
        "<li>An item with no link in the list</li>\n"
        '<li class="ad">Advertisement</li></ul>\n'
        "<p>Editors' picks of the week</p></main>\n"
        '<footer><p>© 2024</p><a href="/eng/privacy/">Privacy policy and cookies</a></footer></body></html>',
        "",
        [
            (D21, None, "How the missile hit the hospital", U3, "pravda"),
            (D21, None, "EU approves new aid package", U3.replace("34", "35"), "pravda"),
            (D21, None, "An item with no link in the list", "", ""),
        ],
        [3, 4, 6, 7, 9, 10, 11, 11],
    ),
    (
        "text-copied-from-a-page-times-after-their-headlines",
        "Latest news\nRussian drone attack on Odesa injures 3\nJun 21, 2024, 9:15 PM\n"
        "Zelensky meets Orbán in Kyiv\nJun 22, 2024 | 2:02 PM\n"
        "General Staff: Russia has lost 540,000 troops\n21:00, 20 June 2024",
        "",
        [
            (D21, "21:15", "Russian drone attack on Odesa injures 3", "", ""),
            (D22, "14:02", "Zelensky meets Orbán in Kyiv", "", ""),
            ("2024-06-20", "21:00", "General Staff: Russia has lost 540,000 troops", "", ""),
        ],
        [1],
    ),
    (
        "date-and-time-lines-before-their-headlines-today-and-yesterday",
        "21 червня 2024, 21:03\nЗСУ відбили 17 атак\n20:41\nУ Харкові пролунали вибухи\n"
        "Вчора, 23:10\nСили оборони знищили катер\nToday\nA headline of the day",
        "",
        [
            (D21, "21:03", "ЗСУ відбили 17 атак", "", ""),
            (D21, "20:41", "У Харкові пролунали вибухи", "", ""),
            ("2024-06-24", "23:10", "Сили оборони знищили катер", "", ""),
            ("2024-06-25", None, "A headline of the day", "", ""),
        ],
        [],
    ),
    (
        "the-outlets-name-after-a-headline-is-dropped-other-endings-kept",
        f"21.06.2024\n- [Russia strikes the grid again — Ukrainska Pravda]({U3})\n"
        f"Peace summit set for autumn (Censor.NET) — {U1}\n"
        f"Putin finds justification for nuclear weapons - ISW\n{U2}\n"
        "Zelensky's address (video) — https://www.ukrinform.net/rubric-polytics/1-address.html",
        "",
        [
            (D21, None, "Russia strikes the grid again", U3, "pravda"),
            (D21, None, "Peace summit set for autumn", U1, "censor"),
            (D21, None, "Putin finds justification for nuclear weapons - ISW", U2, "ukrinform"),
            (
                D21,
                None,
                "Zelensky's address (video)",
                "https://www.ukrinform.net/rubric-polytics/1-address.html",
                "ukrinform",
            ),
        ],
        [],
    ),
    (
        "html-items-of-classed-parts-under-date-headings-times-after-titles",
        '<div class="list">\n<div class="date">21 червня 2024</div>\n'
        '<div class="article">\n'
        '  <div class="title"><a href="/news/2024/06/21/7461234/">Росія атакувала Одесу дронами</a></div>\n'
        '  <div class="time">21:45</div></div>\n'
        '<div class="article bold">\n'
        '  <div class="title"><a href="/news/2024/06/21/7461230/">Зеленський зустрівся з Орбаном</a> <span>Відео</span></div>\n'
        '  <div class="time">20:10</div></div>\n'
        '<div class="date">20 червня 2024</div>\n'
        '<div class="article"><div class="title"><a href="/news/2024/06/20/7461000/">Сили оборони знищили катер</a></div>\n'
        '  <div class="time">23:59</div></div></div>',
        "pravda",
        [
            (D21, "21:45", "Росія атакувала Одесу дронами", U3, "pravda"),
            (
                D21,
                "20:10",
                "Зеленський зустрівся з Орбаном",
                "https://www.pravda.com.ua/news/2024/06/21/7461230/",
                "pravda",
            ),
            (
                "2024-06-20",
                "23:59",
                "Сили оборони знищили катер",
                "https://www.pravda.com.ua/news/2024/06/20/7461000/",
                "pravda",
            ),
        ],
        [7],
    ),
    (
        "html-telegram-channel-page-link-lines-and-times-after-the-text",
        '<section><div class="message"><div class="text">Explosions heard in Kharkiv, the mayor says'
        '<br/><br/>Details: <a href="https://suspilne.media/kharkiv/123/">https://suspilne.media/kharkiv/123/</a>'
        '</div>\n<div class="footer"><a href="https://t.me/kharkiv/123"><time datetime="2024-06-25T18:15:00Z">'
        "21:15</time></a></div></div>\n"
        '<div class="message"><div class="text">Air raid alert is over in the city</div>\n'
        '<div class="footer"><a href="https://t.me/kharkiv/124"><time>22:02</time></a></div></div></section>',
        "",
        [
            (
                "2024-06-25",
                "21:15",
                "Explosions heard in Kharkiv, the mayor says",
                "https://suspilne.media/kharkiv/123/",
                "",
            ),
            ("2024-06-25", "22:02", "Air raid alert is over in the city", "", ""),
        ],
        [],
    ),
    (
        "times-after-headlines-move-them-between-days-duplicates-by-day",
        "Title A\nJun 21, 2024, 9:15 PM\nTitle B\nJun 22, 2024, 1:00 PM\n"
        "title a\nJun 22, 2024, 2:00 PM\nTITLE B\nJun 22, 2024, 3:00 PM",
        "",
        [
            (D21, "21:15", "Title A", "", ""),
            (D22, "13:00", "Title B", "", ""),
            (D22, "14:00", "title a", "", ""),
        ],
        [7],
    ),
    (
        "bylines-credits-and-counts-copied-with-headlines-are-dropped",
        "21.06.2024\nRussia strikes Kharkiv again\nBy Jane Doe\n3 min read\nPhoto: Reuters\n"
        "12 comments\nBy 2025 Ukraine will rebuild the grid\nФото: Укрінформ\n5 хв читання",
        "",
        [
            (D21, None, "Russia strikes Kharkiv again", "", ""),
            (D21, None, "By 2025 Ukraine will rebuild the grid", "", ""),
        ],
        [3, 4, 5, 6, 8, 9],
    ),
    (
        "html-a-bylines-link-is-not-the-headlines-link",
        '<p>A headline with no link of its own</p><p>By <a href="https://x.org/author/jane">'
        "Jane Doe</a></p>",
        "",
        [("2024-06-25", None, "A headline with no link of its own", "", "")],
        [1],
    ),
    (
        "tracking-parameters-are-left-out-of-links-then-duplicates-found",
        f"21.06.2024\nPeace summit — {U1}?utm_source=rss&utm_medium=feed\n"
        f"Peace summit, again — {U1}?fbclid=abc\nPravda story\n{U3}?ref=home&utm_campaign=x#top",
        "",
        [
            (D21, None, "Peace summit", U1, "censor"),
            (D21, None, "Pravda story", U3 + "?ref=home#top", "pravda"),
        ],
        [3],
    ),
    (
        "html-a-kicker-in-the-link-is-not-part-of-the-headline-its-class-says-which-is",
        '<ul><li class="item"><a class="overlay" aria-hidden="true" href="https://censor.net/en/news/1-live">'
        "Russia-Ukraine war live: F-16s on the way</a>\n"
        '<h3 class="item__title"><a href="https://censor.net/en/news/1-live"><span class="kicker">Live</span> '
        '<span class="item__headline"><span class="headline-text">Russia-Ukraine war live: F-16s on the way'
        "</span></span></a></h3></li>\n"
        '<li class="item"><h3 class="item__title"><a href="https://censor.net/en/news/2-subtitle">'
        '<span class="subtitle">Opinion</span> Why the grid holds</a></h3></li></ul>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Russia-Ukraine war live: F-16s on the way",
                "https://censor.net/en/news/1-live",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Opinion Why the grid holds",
                "https://censor.net/en/news/2-subtitle",
                "censor",
            ),
        ],
        [],
    ),
    (
        "a-date-and-time-before-a-headline-on-its-line",
        "21.06.2024 21:15 Zelensky meets Orban in Kyiv\nJune 22, 2024, 9:15 PM — Drones hit Odesa\n"
        "22 June 2024 is the day\nKharkiv 21:15 explosions\nВчора, 08:10 Тривога в Києві",
        "",
        [
            (D21, "21:15", "Zelensky meets Orban in Kyiv", "", ""),
            (D22, "21:15", "Drones hit Odesa", "", ""),
            (D22, None, "22 June 2024 is the day", "", ""),
            (D22, None, "Kharkiv 21:15 explosions", "", ""),
            ("2024-06-24", "08:10", "Тривога в Києві", "", ""),
        ],
        [],
    ),
    (
        "a-weekday-after-or-before-the-date-and-an-articles-paragraphs",
        "14 June, 2024 Friday\nNATO responds to Putin\nword word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\nFriday 21 June 2024\n"
        "Peace Summit by late 2024\nSaturday 21 June 2024\nNo weekday match",
        "",
        [
            ("2024-06-14", None, "NATO responds to Putin", "", ""),
            (D21, None, "Peace Summit by late 2024", "", ""),
            (D21, None, "No weekday match", "", ""),
        ],
        [3],
    ),
    (
        "telegram-desktop-copy-of-messages-first-line-the-headline",
        "Суспільне Харків, [21.06.2024 21:15]\n🔴 Вибухи у Харкові: мер повідомив про влучання\n\n"
        "Мер повідомив, що ворог ударив по промисловій зоні.\n\n"
        f"Деталі: {U3}\n\nСуспільне Харків, [21.06.2024 21:40]\n⚡️\n"
        "Повітряну тривогу скасовано\n\nKyiv Independent, [6/22/24 10:02 PM]\n"
        f"Zelensky meets Orbán in Kyiv {U1}\nHungary's leader called for a ceasefire.",
        "",
        [
            (D21, "21:15", "Вибухи у Харкові: мер повідомив про влучання", U3, "pravda"),
            (D21, "21:40", "Повітряну тривогу скасовано", "", ""),
            (D22, "22:02", "Zelensky meets Orbán in Kyiv", U1, "censor"),
        ],
        [4, 9, 14],
    ),
    (
        "times-before-headlines-after-a-middle-dot-or-with-nothing-between",
        "21.06.2024\n14:30 · Title after a middle dot\n21:40Зеленський: F-16 вже в Україні\n"
        "2:0 is a score, not a time",
        "",
        [
            (D21, "14:30", "Title after a middle dot", "", ""),
            (D21, "21:40", "Зеленський: F-16 вже в Україні", "", ""),
            (D21, None, "2:0 is a score, not a time", "", ""),
        ],
        [],
    ),
    (
        "links-side-by-side-in-one-block-each-a-headline",
        '<div class="popular"><a href="https://censor.net/en/news/1/london">Zelensky arrives in London</a>\n'
        '<a href="https://www.ukrinform.net/rubric-ato/2-kharkiv.html">Explosions in Kharkiv: what we know</a>\n'
        '<a href="https://x.org/3">Air defence downs drones over Kyiv</a>'
        ' <a href="https://censor.net/en/tags/air">Air defence</a></div>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Zelensky arrives in London",
                "https://censor.net/en/news/1/london",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Explosions in Kharkiv: what we know",
                "https://www.ukrinform.net/rubric-ato/2-kharkiv.html",
                "ukrinform",
            ),
            ("2024-06-25", None, "Air defence downs drones over Kyiv", "https://x.org/3", ""),
        ],
        [],
    ),
    (
        # A WordPress archive: its sidebars (an <aside>, a block classed "sidebar-popular",
        # a section headed "Most read") are not the listing; an item's other links to its
        # article ("#more-4127", "#comments") and its rubric ("Analysis & Opinion": two
        # words) are beside its headline.
        "a-wordpress-archive-with-sidebars",
        '<body><header class="site-header"><p class="site-title"><a href="https://censor.net/">Censor</a></p></header>\n'
        '<main id="main">\n'
        '<article class="post"><header class="entry-header"><span class="cat-links"><a href="https://censor.net/category/analysis/">Analysis &amp; Opinion</a></span>\n'
        '<h2 class="entry-title"><a href="https://censor.net/en/news/1/glide_bombs_on_kharkiv">Glide bombs hit Kharkiv overnight</a></h2>\n'
        '<span class="posted-on">Posted on <a href="https://censor.net/en/news/1/glide_bombs_on_kharkiv"><time class="entry-date published" datetime="2024-06-21T18:20:00+00:00">June 21, 2024</time></a></span><span class="byline"> by <a href="https://censor.net/author/jane/">Jane Doe</a></span></header>\n'
        '<div class="entry-summary"><p>Two were killed. <a href="https://censor.net/en/news/1/glide_bombs_on_kharkiv#more-4127">Continue reading "Glide bombs hit Kharkiv overnight" &rarr;</a></p></div>\n'
        '<footer class="entry-footer"><a href="https://censor.net/en/news/1/glide_bombs_on_kharkiv#comments">3 Comments on Glide bombs hit Kharkiv overnight</a></footer></article>\n'
        '<article class="post"><header class="entry-header"><span class="cat-links"><a href="https://censor.net/category/war/">War</a></span>\n'
        '<h2 class="entry-title"><a href="https://censor.net/en/news/2/isw_on_toretsk">ISW: Russian forces advance near Toretsk</a></h2>\n'
        '<span class="posted-on">Posted on <a href="https://censor.net/en/news/2/isw_on_toretsk"><time class="entry-date published" datetime="2024-06-21T06:45:00+00:00">June 21, 2024</time></a></span> by <a href="https://censor.net/author/guest/">Guest Author</a></header>\n'
        '<footer class="entry-footer"><a href="https://censor.net/en/news/2/isw_on_toretsk#respond">Leave a comment on ISW: Russian forces advance near Toretsk</a></footer></article>\n'
        "</main>\n"
        '<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>\n'
        '<li><a href="https://censor.net/en/news/3/f16_deliveries_confirmed">Netherlands confirms F-16 deliveries to Ukraine</a></li>\n'
        '<li><a href="https://censor.net/en/news/1/glide_bombs_on_kharkiv">Glide bombs hit Kharkiv overnight</a></li></ul></section></aside>\n'
        '<div class="col"><section><h3>Most read</h3><ol><li><a href="https://www.ukrinform.net/rubric-sports/1-euro.html">Spain beat England to win Euro 2024</a></li>\n'
        '<li><a href="https://www.ukrinform.net/rubric-society/2-horoscope.html">Horoscope for tomorrow, 22 June</a></li></ol></section></div>\n'
        '<div class="sidebar-popular"><div class="sidebar-popular__title">Популярне</div><a href="https://censor.net/ua/news/9/goroskop">Гороскоп на завтра 22 червня для всіх знаків</a><a href="https://censor.net/ua/news/8/svyato">Яке сьогодні свято: 22 червня</a></div>\n'
        '<footer class="site-footer"><a href="https://wordpress.org/">Proudly powered by WordPress</a></footer></body>',
        "",
        [
            (
                "2024-06-21",
                "18:20",
                "Glide bombs hit Kharkiv overnight",
                "https://censor.net/en/news/1/glide_bombs_on_kharkiv",
                "censor",
            ),
            (
                "2024-06-21",
                "06:45",
                "ISW: Russian forces advance near Toretsk",
                "https://censor.net/en/news/2/isw_on_toretsk",
                "censor",
            ),
        ],
        [1, 3, 5, 5, 5, 6, 6, 7, 8, 10, 10, 10, 11, 13, 14, 15, 16, 16, 17, 18, 18, 18, 19],
    ),
    (
        "a-sidebar-pasted-alone-is-the-listing",
        '<aside class="sidebar"><div class="popular"><h3>Популярне</h3>\n'
        '<a href="https://censor.net/ua/news/9/a">Зеленський прибув до Лондона на саміт</a>\n'
        '<a href="https://censor.net/ua/news/8/b">Вибухи в Харкові: що відомо зараз</a></div></aside>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Зеленський прибув до Лондона на саміт",
                "https://censor.net/ua/news/9/a",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Вибухи в Харкові: що відомо зараз",
                "https://censor.net/ua/news/8/b",
                "censor",
            ),
        ],
        [1],
    ),
    (
        # AP News: the moment in milliseconds in an attribute of the element that holds the
        # whole item, or only shown, with its zone ("9:05 AM GMT+3": the time as written).
        "items-dated-by-an-epoch-attribute-or-a-time-with-its-zone",
        '<div class="PageList-items">\n'
        '<div class="PageList-items-item"><div class="PagePromo" data-posted-date-timestamp="1718994432000">\n'
        '<div class="PagePromo-title"><a href="https://censor.net/en/news/1/energy_grid"><span>Russian missiles hit Ukraine\'s energy grid</span></a></div>\n'
        '<div class="PagePromo-date"><bsp-timestamp data-timestamp="1718994432000"><span>6:27 PM GMT+3</span></bsp-timestamp></div></div></div>\n'
        '<div class="PageList-items-item"><div class="PagePromo">\n'
        '<div class="PagePromo-title"><a href="https://censor.net/en/news/2/vance"><span>Kremlin watches the US election closely</span></a></div>\n'
        '<div class="PagePromo-date"><span>9:05 AM GMT+3</span></div></div></div>\n'
        "</div>",
        "",
        [
            (
                "2024-06-21",
                "18:27",
                "Russian missiles hit Ukraine's energy grid",
                "https://censor.net/en/news/1/energy_grid",
                "censor",
            ),
            (
                "2024-06-21",
                "09:05",
                "Kremlin watches the US election closely",
                "https://censor.net/en/news/2/vance",
                "censor",
            ),
        ],
        [],
    ),
    (
        # Al Jazeera: the date said for screen readers ("Published On"), shown beside it
        # hidden from them (aria-hidden, which is not read).
        "items-dated-published-on-or-updated",
        '<section id="news-feed-container">\n'
        '<article class="gc u-clickable-card"><div class="gc__content"><h3 class="gc__title"><a href="https://www.ukrinform.net/rubric-ato/1-key-events.html"><span>Russia-Ukraine war: List of key events, day 848</span></a></h3>\n'
        '<div class="gc__excerpt"><p>Here is the situation on Friday.</p></div>\n'
        '<div class="gc__date"><span class="screen-reader-text">Published On 21 Jun 2024</span><span aria-hidden="true">21 Jun 2024</span></div></div></article>\n'
        '<article class="gc u-clickable-card"><div class="gc__content"><h3 class="gc__title"><a href="https://www.ukrinform.net/rubric-ato/2-summit.html"><span>Zelenskyy wants Russia at the second peace summit</span></a></h3>\n'
        '<div class="gc__date"><span class="screen-reader-text">Updated: 22 June 2024</span><span aria-hidden="true">22 Jun 2024</span></div></div></article>\n'
        "</section>",
        "",
        [
            (
                "2024-06-21",
                None,
                "Russia-Ukraine war: List of key events, day 848",
                "https://www.ukrinform.net/rubric-ato/1-key-events.html",
                "ukrinform",
            ),
            (
                "2024-06-22",
                None,
                "Zelenskyy wants Russia at the second peace summit",
                "https://www.ukrinform.net/rubric-ato/2-summit.html",
                "ukrinform",
            ),
        ],
        [3],
    ),
    (
        # A page copied as text whose times follow their headlines after a byline.
        "times-after-their-headlines-and-a-byline",
        "Glide Bomb Hits Kharkiv Residential Area\n"
        "By Kyiv Post\n"
        "Jul. 16, 2024 17:01\n"
        "Read more\n"
        "ISW: Russian Troops Advance Near Toretsk\n"
        "By Kyiv Post\n"
        "3 min read\n"
        "Jul. 16, 2024 10:12",
        "",
        [
            ("2024-07-16", "17:01", "Glide Bomb Hits Kharkiv Residential Area", "", ""),
            ("2024-07-16", "10:12", "ISW: Russian Troops Advance Near Toretsk", "", ""),
        ],
        [2, 4, 6, 7],
    ),
    (
        # Badges in the link, before or after its headline (UNIAN's "ФОТО", NV's "Premium"),
        # are not part of it; a whole headline in an element classed so is.
        "badges-beside-a-headline-in-its-link",
        '<ul class="newsfeed">\n'
        '<li class="newsfeed__item"><span class="newsfeed__time">21:15</span><a class="newsfeed__link" href="https://www.pravda.com.ua/news/2024/06/21/1/">Ворог атакував Харків: є загиблі <span class="newsfeed__label">ФОТО</span></a></li>\n'
        '<li class="newsfeed__item"><span class="newsfeed__time">20:17</span><a class="newsfeed__link" href="https://www.pravda.com.ua/news/2024/06/21/2/"><span class="newsfeed__label">ВІДЕО</span> ЗСУ уразили склад у Криму</a></li>\n'
        '<li class="newsfeed__item"><span class="newsfeed__time">19:40</span><a class="newsfeed__link" href="https://www.pravda.com.ua/news/2024/06/21/3/"><div class="title"><span class="nv-premium-badge">Premium</span> Орбан і «мирна місія»: чого хоче Угорщина</div></a></li>\n'
        '<li class="newsfeed__item"><span class="newsfeed__time">19:02</span><a class="newsfeed__link" href="https://www.pravda.com.ua/news/2024/06/21/4/"><span class="card-label">Зеленський анонсував другий Саміт миру</span></a></li>\n'
        "</ul>\n"
        '<a class="more" href="https://www.pravda.com.ua/news/">Показати більше новин</a>',
        "",
        [
            (
                "2024-06-25",
                "21:15",
                "Ворог атакував Харків: є загиблі",
                "https://www.pravda.com.ua/news/2024/06/21/1/",
                "pravda",
            ),
            (
                "2024-06-25",
                "20:17",
                "ЗСУ уразили склад у Криму",
                "https://www.pravda.com.ua/news/2024/06/21/2/",
                "pravda",
            ),
            (
                "2024-06-25",
                "19:40",
                "Орбан і «мирна місія»: чого хоче Угорщина",
                "https://www.pravda.com.ua/news/2024/06/21/3/",
                "pravda",
            ),
            (
                "2024-06-25",
                "19:02",
                "Зеленський анонсував другий Саміт миру",
                "https://www.pravda.com.ua/news/2024/06/21/4/",
                "pravda",
            ),
        ],
        [7],
    ),
    (
        # NV: the date in an element classed so, between a rubric and a count with no space.
        "a-date-between-a-rubric-and-a-count-with-no-space",
        '<div class="row-result"><a class="row-result-body__link" href="https://www.pravda.com.ua/news/2024/06/21/11/">\n'
        '<div class="title">Вибухи в Харкові: ворог вдарив по житловому району</div>\n'
        '<div class="additional-info"><span class="rubric">Події</span><span class="date">21 червня, 21:15</span><span class="views">3 412</span></div></a></div>\n'
        '<div class="row-result"><a class="row-result-body__link" href="https://www.pravda.com.ua/news/2024/06/20/12/">\n'
        '<div class="title">Удар по Одесі: пошкоджено портову інфраструктуру</div>\n'
        '<div class="additional-info"><span class="rubric">Події</span><span class="date">20 червня, 18:30</span><span class="views">1 007</span></div></a></div>',
        "",
        [
            (
                "2024-06-21",
                "21:15",
                "Вибухи в Харкові: ворог вдарив по житловому району",
                "https://www.pravda.com.ua/news/2024/06/21/11/",
                "pravda",
            ),
            (
                "2024-06-20",
                "18:30",
                "Удар по Одесі: пошкоджено портову інфраструктуру",
                "https://www.pravda.com.ua/news/2024/06/20/12/",
                "pravda",
            ),
        ],
        [3, 3, 6, 6],
    ),
    (
        # A newsletter box, sponsored content and a donation banner beside the listing are
        # not its headlines; a video's duration is not a time.
        "a-newsletter-box-sponsored-content-a-donation-banner-and-a-video-duration",
        '<main><ul class="story-collection">\n'
        '<li class="story-card"><a href="https://www.ukrinform.net/rubric-ato/1-kharkiv.html"><h3>Russian strike on Kharkiv kills two, governor says</h3></a><time datetime="2024-06-21T08:12:00Z">June 21, 2024</time></li>\n'
        '<li class="story-card"><div class="media"><span class="video-duration">0:59</span></div><a href="https://www.ukrinform.net/rubric-ato/2-footage.html"><h3>Drone footage shows damage after the strike</h3></a></li>\n'
        "</ul>\n"
        '<div class="newsletter-promo__container"><h2>Get a daily digest of breaking news straight to your inbox</h2><a href="https://www.ukrinform.net/newsletters/daily/">Sign up here.</a></div>\n'
        '<div class="sponsored-content__container"><span>Sponsored Content</span><a href="https://www.ukrinform.net/brandfeatures/private-markets"><h3>Why private markets are the next frontier for investors</h3></a></div>\n'
        '<div class="DonateBanner-module_root"><p>We depend on readers like you. Please support us.</p><a href="https://support.example.org/">Support our newsroom today</a></div></main>',
        "",
        [
            (
                "2024-06-21",
                "08:12",
                "Russian strike on Kharkiv kills two, governor says",
                "https://www.ukrinform.net/rubric-ato/1-kharkiv.html",
                "ukrinform",
            ),
            (
                "2024-06-21",
                None,
                "Drone footage shows damage after the strike",
                "https://www.ukrinform.net/rubric-ato/2-footage.html",
                "ukrinform",
            ),
        ],
        [5, 5, 6, 6, 7, 7],
    ),
    (
        # Drupal: each row's fields are <div class="views-field">s (its title, author, date,
        # teaser), not items; the body's classes name its sidebar, which does not make the page
        # one; "Most read" is the sidebar's heading, in a wrapper.
        "a-drupal-view-its-rows-fields-and-a-sidebar-under-a-wrapped-heading",
        '<html><body class="html not-front one-sidebar sidebar-second"><div class="view-content">\n'
        '<div class="views-row views-row-1">\n'
        '<div class="views-field views-field-title"><span class="field-content"><a href="https://www.ukrinform.net/rubric-ato/1-assessment.html">Russian Offensive Campaign Assessment, June 21</a></span></div>\n'
        '<div class="views-field views-field-field-author"><div class="field-content">Christina Harward and Frederick W. Kagan</div></div>\n'
        '<div class="views-field views-field-field-date"><div class="field-content"><span class="date-display-single">Jun 21, 2024</span></div></div>\n'
        '<div class="views-field views-field-body"><div class="field-content">Russian forces advanced near Toretsk... <a href="https://www.ukrinform.net/rubric-ato/1-assessment.html">Read More</a></div></div>\n'
        "</div>\n"
        '<div class="views-row views-row-2">\n'
        '<div class="views-field views-field-title"><span class="field-content"><a href="https://www.ukrinform.net/rubric-ato/2-warning.html">Warning Update: Kremlin targets the NATO summit</a></span></div>\n'
        '<div class="views-field views-field-field-author"><div class="field-content">George Barros</div></div>\n'
        '<div class="views-field views-field-field-date"><div class="field-content"><span class="date-display-single">Jun 20, 2024</span></div></div>\n'
        "</div></div>\n"
        '<div class="region region-sidebar-second"><div class="container__title"><h2>Most read</h2></div><ul>\n'
        '<li><a href="https://www.ukrinform.net/rubric-ato/9-map.html">Interactive map of the invasion of Ukraine</a></li>\n'
        '<li><a href="https://www.ukrinform.net/rubric-ato/8-signup.html">Get our updates in your inbox daily</a></li></ul></div></body></html>',
        "",
        [
            (
                "2024-06-21",
                None,
                "Russian Offensive Campaign Assessment, June 21",
                "https://www.ukrinform.net/rubric-ato/1-assessment.html",
                "ukrinform",
            ),
            (
                "2024-06-20",
                None,
                "Warning Update: Kremlin targets the NATO summit",
                "https://www.ukrinform.net/rubric-ato/2-warning.html",
                "ukrinform",
            ),
        ],
        [4, 6, 6, 10, 13, 14, 15],
    ),
    (
        # A card that is one <a> around its time, badge and heading (Next.js); an author's link
        # on every post (Substack), no headline; a cookie banner and a paywall's "Subscribe".
        "cards-that-are-one-link-an-author-on-every-post-and-a-paywall-link",
        '<body><div class="cookie"><a href="https://censor.net/privacy">We use cookies to make the site work better for you</a></div>\n'
        '<header><a href="https://censor.net/donate">Поддержать</a></header>\n'
        '<div class="feed"><a href="https://censor.net/en/news/1/kharkiv"><time datetime="2024-06-21T16:05:00Z">19:05</time><span class="badge">Обновлено</span><h2>Three killed in a strike on Kharkiv, over 30 wounded</h2></a>\n'
        '<a href="https://censor.net/en/news/2/summit"><time datetime="2024-06-21T14:40:00Z">17:40</time><h2>Zelensky allows Russia at the second peace summit</h2></a></div>\n'
        '<div class="posts"><div class="post-preview"><a href="https://censor.net/en/news/3/f16">The F-16s are coming: what to expect</a><a href="https://censor.net/en/news/3/f16">Airpower will not flip the war overnight.</a><a href="https://censor.net/en/authors/obrien">Phillips P. OBrien</a></div>\n'
        '<div class="post-preview"><a href="https://censor.net/en/news/4/update">Weekend update number 93</a><a href="https://censor.net/en/authors/obrien">Phillips P. OBrien</a></div>\n'
        '<div class="post-preview"><a href="https://censor.net/en/news/5/nato">The NATO summit and the long war</a><a href="https://censor.net/en/authors/obrien">Phillips P. OBrien</a></div></div>\n'
        '<div class="css-gateway"><a href="https://censor.net/subscribe">Subscribe for €1 a week.</a></div></body>',
        "",
        [
            (
                "2024-06-21",
                "16:05",
                "Three killed in a strike on Kharkiv, over 30 wounded",
                "https://censor.net/en/news/1/kharkiv",
                "censor",
            ),
            (
                "2024-06-21",
                "14:40",
                "Zelensky allows Russia at the second peace summit",
                "https://censor.net/en/news/2/summit",
                "censor",
            ),
            (
                "2024-06-21",
                None,
                "The F-16s are coming: what to expect",
                "https://censor.net/en/news/3/f16",
                "censor",
            ),
            (
                "2024-06-21",
                None,
                "Weekend update number 93",
                "https://censor.net/en/news/4/update",
                "censor",
            ),
            (
                "2024-06-21",
                None,
                "The NATO summit and the long war",
                "https://censor.net/en/news/5/nato",
                "censor",
            ),
        ],
        [1, 2, 5, 5, 6, 7, 8],
    ),
    (
        # A page copied as text: a time with its zone ("4:02 pm CET"), as written.
        "times-with-their-zone-after-their-headlines-in-a-page-copied-as-text",
        "Orbán tells EU leaders about his talks with Trump\n"
        "By Jane Doe\n"
        "June 21, 2024 4:02 pm CET\n"
        "Zelensky wants Russia at the second summit\n"
        "June 22, 2024 9:10 am CEST",
        "",
        [
            ("2024-06-21", "16:02", "Orbán tells EU leaders about his talks with Trump", "", ""),
            ("2024-06-22", "09:10", "Zelensky wants Russia at the second summit", "", ""),
        ],
        [2],
    ),
    (
        "a-russian-page-copied-as-text",
        "Главное\n21 июня 2024\nВзрывы в Одессе: что известно\nФото: Reuters\n5 мин чтения\n"
        "Путин и Си встретились в Пекине\n12 комментариев\nАвтор: Иван Петров и Анна Смирнова\n"
        "Читайте также:\nПоказать больше",
        "",
        [
            (D21, None, "Взрывы в Одессе: что известно", "", ""),
            (D21, None, "Путин и Си встретились в Пекине", "", ""),
        ],
        [1, 4, 5, 7, 8, 9, 10],
    ),
    (
        # A block's heading (<div class="section_title">) beside its items is no item itself:
        # its one-word link was taken as a headline, and its items as the listing's.
        "a-block-heading-beside-a-column-of-items-is-no-item",
        '<div class="news"><div class="item"><span class="time">21:15</span> <a href="https://www.pravda.com.ua/news/1/">Russian bombs hit Kharkiv, three killed</a></div>\n'
        '<div class="item"><span class="time">20:17</span> <a href="https://www.pravda.com.ua/news/2/">Defence forces hit an air defence system in Crimea</a></div></div>\n'
        '<div class="container_sub_right"><div class="section_title"><a href="https://www.pravda.com.ua/articles/">Publications</a></div>\n'
        '<div class="pub"><a href="https://www.pravda.com.ua/articles/3/">What Trump and Vance mean for Ukraine</a></div>\n'
        '<div class="pub"><a href="https://www.pravda.com.ua/articles/4/">Shelters that are not there in Kyiv</a></div></div>',
        "",
        [
            (
                "2024-06-25",
                "21:15",
                "Russian bombs hit Kharkiv, three killed",
                "https://www.pravda.com.ua/news/1/",
                "pravda",
            ),
            (
                "2024-06-25",
                "20:17",
                "Defence forces hit an air defence system in Crimea",
                "https://www.pravda.com.ua/news/2/",
                "pravda",
            ),
        ],
        [3, 4, 5],
    ),
    (
        # Blocks beside a listing headed by a <div> classed as a title ("Найчитаніше",
        # "Новини партнерів", "Вибір редакції"), a right-hand column, and a "Read also" box of
        # one link set in the list: none of their links are headlines.
        "side-blocks-titled-in-divs-and-a-read-also-box-of-one-link",
        '<ul class="news-list"><li class="news-list__item"><span>22:05</span> <a href="https://censor.net/ua/news/1">Zelensky signs the law on multiple citizenship</a></li>\n'
        '<li class="news-list__item"><span>21:18</span> <a href="https://censor.net/ua/news/2">Guided bombs on Kharkiv: three dead</a></li>\n'
        '<li class="news-list__item"><div class="read-also"><div class="read-also__title">ЧИТАЙТЕ ТАКОЖ</div><a href="https://censor.net/ua/resonance/9">How Ukraine prepares for a winter without power</a></div></li>\n'
        '<li class="news-list__item"><span>20:44</span> <a href="https://censor.net/ua/news/3">The central bank keeps its key rate at 13%</a></li></ul>\n'
        '<div class="side-block"><div class="side-block__title">Найчитаніше</div>\n'
        '<a href="https://censor.net/ua/news/7">Power outage schedules for July 17 published</a><a href="https://censor.net/ua/news/8">Heat of up to 39 degrees is coming</a></div>\n'
        '<div class="partners-news"><div class="partners-news__title">Новини партнерів</div><div><a href="https://www.obozrevatel.com/x.htm">A doctor names the foods that help in the heat</a></div></div>\n'
        '<section class="c-section"><h2>Вибір редакції</h2><article><a href="https://censor.net/ua/resonance/5">How people live in Vovchansk after two months</a><time datetime="2024-06-12T10:00:00+03:00">12 June</time></article>\n'
        '<article><a href="https://censor.net/ua/resonance/6">How to survive the heat: doctors advise</a><time datetime="2024-06-11T14:30:00+03:00">11 June</time></article></section>',
        "",
        [
            (
                "2024-06-25",
                "22:05",
                "Zelensky signs the law on multiple citizenship",
                "https://censor.net/ua/news/1",
                "censor",
            ),
            (
                "2024-06-25",
                "21:18",
                "Guided bombs on Kharkiv: three dead",
                "https://censor.net/ua/news/2",
                "censor",
            ),
            (
                "2024-06-25",
                "20:44",
                "The central bank keeps its key rate at 13%",
                "https://censor.net/ua/news/3",
                "censor",
            ),
        ],
        [3, 3, 5, 6, 6, 7, 7, 8, 8, 9],
    ),
    (
        # An outlet's Telegram channel and "load more" buttons, in any words, are no headlines.
        "telegram-channels-and-load-more-buttons",
        '<ul><li><a href="https://censor.net/ua/news/1">Air defence shoots down 22 of 24 drones</a></li>\n'
        '<li><a href="https://censor.net/ua/news/2">Parliament passes the law on multiple citizenship</a></li></ul>\n'
        '<div class="TelegramPromo"><a href="https://t.me/censor_net">Цензор.НЕТ у Telegram — головне за день</a></div>\n'
        '<a class="btn-more" href="https://censor.net/ua/news/all/page/2">Завантажити ще новини</a>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence shoots down 22 of 24 drones",
                "https://censor.net/ua/news/1",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Parliament passes the law on multiple citizenship",
                "https://censor.net/ua/news/2",
                "censor",
            ),
        ],
        [3, 4],
    ),
    (
        # The same story twice: untimed at the top of the page, then in the feed with its time.
        "a-story-repeated-gives-its-time-to-the-first",
        '<div class="top"><a href="https://censor.net/ua/news/1">Guided bombs on Kharkiv: three dead</a></div>\n'
        '<div class="newsline"><div class="item"><a href="https://censor.net/ua/news/2"><span class="time">22:15</span> Air defence at work over Kyiv</a></div>\n'
        '<div class="item"><a href="https://censor.net/ua/news/1"><span class="time">21:15</span> Guided bombs on Kharkiv: three dead</a></div></div>',
        "",
        [
            (
                "2024-06-25",
                "21:15",
                "Guided bombs on Kharkiv: three dead",
                "https://censor.net/ua/news/1",
                "censor",
            ),
            (
                "2024-06-25",
                "22:15",
                "Air defence at work over Kyiv",
                "https://censor.net/ua/news/2",
                "censor",
            ),
        ],
        [3],
    ),
    (
        # A link's last word in capitals in its own element says what the article holds
        # ("ФОТО", "VIDEO"): not part of the headline, nor is the stop before it. In a
        # title's words, it stays.
        "media-marks-at-the-end-of-a-link",
        '<ul><li><a href="https://www.pravda.com.ua/news/1/">Russians hit Kharkiv with guided bombs <em>ФОТО</em></a></li>\n'
        '<li><a href="https://www.pravda.com.ua/news/2/">Defence forces hit a system in Crimea. <em>ВІДЕО</em></a></li>\n'
        '<li><a href="https://www.pravda.com.ua/news/3/">Prisoners come home from captivity <span>PHOTO, VIDEO</span></a></li>\n'
        '<li><a href="https://www.pravda.com.ua/news/4/">The <em>LIVE</em> tour of Kharkiv goes on</a></li></ul>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Russians hit Kharkiv with guided bombs",
                "https://www.pravda.com.ua/news/1/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Defence forces hit a system in Crimea",
                "https://www.pravda.com.ua/news/2/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Prisoners come home from captivity",
                "https://www.pravda.com.ua/news/3/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "The LIVE tour of Kharkiv goes on",
                "https://www.pravda.com.ua/news/4/",
                "pravda",
            ),
        ],
        [],
    ),
    (
        # Links to an author's, a tag's or a topic's page are no headlines (three words are
        # common: "The Kyiv Independent news desk"), and do not split an item in two; a
        # <time datetime> of a date alone takes its time from its text.
        "authors-tags-and-a-date-alone-with-its-time-in-text",
        '<article><a href="https://censor.net/en/tag/ukraine-war-latest/">Ukraine War Latest</a><h3><a href="https://censor.net/en/news/1-oil-depot">Ukraine hits an oil depot in Rostov Oblast</a></h3>\n'
        '<a href="https://censor.net/en/author/the-news-desk/">The Censor news desk</a><time datetime="2024-06-21">Jun 21, 2024 9:47 PM</time></article>\n'
        '<article><a href="https://censor.net/en/topics/war/">Russia at war</a><h3><a href="https://censor.net/en/news/2-pows">Ukraine and Russia swap 95 prisoners each</a></h3>\n'
        '<a href="https://censor.net/en/people/jane-doe/">Jane Q. Doe</a><time datetime="2024-06-20">Jun 20, 2024 4:02 PM</time></article>',
        "",
        [
            (
                "2024-06-21",
                "21:47",
                "Ukraine hits an oil depot in Rostov Oblast",
                "https://censor.net/en/news/1-oil-depot",
                "censor",
            ),
            (
                "2024-06-20",
                "16:02",
                "Ukraine and Russia swap 95 prisoners each",
                "https://censor.net/en/news/2-pows",
                "censor",
            ),
        ],
        [1, 2, 3, 4],
    ),
    (
        # A card that is one link: its headline is its element classed as the title, not the
        # kicker above it; a credit names an agency, a headline may start with "Video:".
        "a-kicker-above-the-title-and-a-headline-starting-with-video",
        '<div class="list"><div class="card"><a href="https://www.ukrinform.net/rubric-ato/1-debate.html"><div class="article__kicker">The Debate</div><p class="article__title">Orban\'s freelance diplomacy: can the EU rein in Hungary?</p><time datetime="2024-06-21T18:30:00+00:00">21/06/2024 - 20:30</time></a></div>\n'
        '<div class="card"><a href="https://www.ukrinform.net/rubric-ato/2-video.html"><p class="article__title">Video: Ukrainian sea drone destroys a Russian boat near Crimea</p></a><span>Photo: Reuters</span></div></div>',
        "",
        [
            (
                "2024-06-21",
                "18:30",
                "Orban's freelance diplomacy: can the EU rein in Hungary?",
                "https://www.ukrinform.net/rubric-ato/1-debate.html",
                "ukrinform",
            ),
            (
                "2024-06-21",
                None,
                "Video: Ukrainian sea drone destroys a Russian boat near Crimea",
                "https://www.ukrinform.net/rubric-ato/2-video.html",
                "ukrinform",
            ),
        ],
        [1, 2],
    ),
    (
        # A card's link laid over it, its headline shown beside it and in its label; a day's
        # heading linked to that day's page is its date, no headline; CSS modules' classes
        # ("LiveLabel", "PromoHeadline"); a date glued to a hidden "Published".
        "an-overlay-link-a-linked-day-heading-and-glued-dates",
        '<section><a href="https://censor.net/en/news/2024/jun/21/all"><h2>21 June 2024</h2></a><ul>\n'
        '<li><div><a href="https://censor.net/en/news/1-poland" aria-label="Poland says it could shoot down Russian missiles"></a><h3><div>Poland</div><span>Poland says it could shoot down Russian missiles</span></h3><footer><time datetime="2024-06-21T05:30:00.000Z">6h ago</time></footer></div></li>\n'
        '<li><a href="https://censor.net/en/news/2-live"><p class="ssrcss-17zglt8-PromoHeadline"><span class="ssrcss-1fk5vrm-LiveLabel">LIVE</span> <span>Zelensky says Russia should be at the next summit</span></p></a></li></ul></section>\n'
        '<ul><li><a href="https://censor.net/en/news/3-swap">Russia and Ukraine swap 95 prisoners of war each</a><div><span class="visually-hidden">Published</span><span>20 June</span></div></li>\n'
        '<li><a href="https://censor.net/en/news/4-f16">Ukraine ready for F-16s but pilots are scarce</a><div><span class="visually-hidden">Published</span><span>19 June</span></div></li></ul>',
        "",
        [
            (
                "2024-06-21",
                "05:30",
                "Poland says it could shoot down Russian missiles",
                "https://censor.net/en/news/1-poland",
                "censor",
            ),
            (
                "2024-06-21",
                None,
                "Zelensky says Russia should be at the next summit",
                "https://censor.net/en/news/2-live",
                "censor",
            ),
            (
                "2024-06-20",
                None,
                "Russia and Ukraine swap 95 prisoners of war each",
                "https://censor.net/en/news/3-swap",
                "censor",
            ),
            (
                "2024-06-19",
                None,
                "Ukraine ready for F-16s but pilots are scarce",
                "https://censor.net/en/news/4-f16",
                "censor",
            ),
        ],
        [2],
    ),
    (
        # A cookie dialog known by its label, paid links (Outbrain), a membership banner and
        # a footer that is a classed <div>, around a listing: none of them are headlines.
        "cookie-dialogs-paid-links-banners-and-a-div-footer",
        '<div class="top-banner"><p>Journalism is under fire.</p><a href="https://www.pravda.com.ua/membership/">Become a member</a></div>\n'
        '<div id="didomi-host"><div role="dialog" aria-label="Cookie consent">We care about your privacy. <a href="https://www.pravda.com.ua/cookies-policy">Learn more about our cookie policy</a></div></div>\n'
        '<ul><li><a href="https://www.pravda.com.ua/eng/news/1/">Russians attack Kharkiv with guided bombs</a></li>\n'
        '<li><a href="https://www.pravda.com.ua/eng/news/2/">Ukraine brings home 95 defenders from captivity</a></li></ul>\n'
        '<div class="OUTBRAIN"><div class="ob-widget-header">Sponsored links</div><a href="https://paid.outbrain.com/network/redir?p=1"><span>Doctors stunned by this one simple trick</span></a></div>\n'
        '<div class="footer"><div class="footer_menu"><a href="https://www.pravda.com.ua/eng/about/">About us</a><a href="https://www.pravda.com.ua/eng/rules/">Rules for using the site</a></div></div>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Russians attack Kharkiv with guided bombs",
                "https://www.pravda.com.ua/eng/news/1/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine brings home 95 defenders from captivity",
                "https://www.pravda.com.ua/eng/news/2/",
                "pravda",
            ),
        ],
        [1, 1, 2, 5, 5, 6],
    ),
    (
        # A link with no address in it ("https://[..."): the headline stays, without a link.
        "a-link-with-a-broken-address",
        "21.06.2024\n- [Putin: no talks](https://[censor.net/en/news/1)\nStrike on Odesa port — https://censor.net/en/news/2",
        "espreso",
        [
            ("2024-06-21", None, "Putin: no talks", "", "espreso"),
            ("2024-06-21", None, "Strike on Odesa port", "https://censor.net/en/news/2", "censor"),
        ],
        [],
    ),
    (
        # A whole page copied as text: its menus and buttons (lines of a word or two; two
        # words only once a page's menus show: five such lines without figures), its cookie
        # notice, "Skip to main content", its copyright; each headline's summary (a sentence
        # after a headline that ends without one), the time after it going to its headline.
        "a-page-copied-as-text-menus-cookies-summaries",
        "Skip to main content\nWe value your privacy\n"
        "We and our 842 partners store and access information on your device, such as cookies.\n"
        "Accept all\nNewsletters\nPodcasts\nPolitics\nPolicy news\nLatest\nDefense\n"
        "Zelenskyy wants Russia at the next peace summit\n"
        "Kyiv's shift in tone comes as Ukraine looks to win over the Global South.\n"
        "June 21, 2024 4:02 pm\n"
        "Poland mulls shooting down Russian missiles over western Ukraine\n"
        "The new security pact with Kyiv opens the door, but Warsaw won't move alone.\n"
        "June 21, 2024 1:15 pm\nPodcast 32:15\n1\nAbout us\n© 2024 POLITICO SRL",
        "",
        [
            ("2024-06-21", "16:02", "Zelenskyy wants Russia at the next peace summit", "", ""),
            (
                "2024-06-21",
                "13:15",
                "Poland mulls shooting down Russian missiles over western Ukraine",
                "",
                "",
            ),
        ],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 17, 18, 19, 20],
    ),
    (
        # Headlines that end with a period are not one another's summaries; a listing that is
        # no page copied whole keeps its headlines of two words.
        "headlines-ending-with-a-period-and-short-ones",
        "21.06.2024\nUkraine returns seven children from occupied Kherson region.\n"
        "Japan extends its sanctions against Russia over the war in Ukraine.\nEvening address\n1",
        "",
        [
            (
                "2024-06-21",
                None,
                "Ukraine returns seven children from occupied Kherson region.",
                "",
                "",
            ),
            (
                "2024-06-21",
                None,
                "Japan extends its sanctions against Russia over the war in Ukraine.",
                "",
                "",
            ),
            ("2024-06-21", None, "Evening address", "", ""),
        ],
        [5],
    ),
    (
        # A side column repeating a story of another day: the story stays where it was first.
        "a-story-repeated-in-a-side-column-on-another-day",
        '<div class="restList">\n'
        '<article><h2><a href="https://www.ukrinform.net/rubric-ato/1.html">Russian guided bombs hit Kharkiv: three killed</a></h2><time datetime="2024-06-21T22:15:00">21.06.2024 22:15</time></article>\n'
        '<article><h2><a href="https://www.ukrinform.net/rubric-ato/2.html">Ukraine brings home 95 defenders from captivity</a></h2><time datetime="2024-06-20T17:30:00">20.06.2024 17:30</time></article>\n'
        '</div>\n<div class="lastNews"><div class="othersItem"><span>22:15</span><a href="https://www.ukrinform.net/rubric-ato/1.html">Russian guided bombs hit Kharkiv: three killed</a></div>'
        "</div>",
        "",
        [
            (
                "2024-06-21",
                "22:15",
                "Russian guided bombs hit Kharkiv: three killed",
                "https://www.ukrinform.net/rubric-ato/1.html",
                "ukrinform",
            ),
            (
                "2024-06-20",
                "17:30",
                "Ukraine brings home 95 defenders from captivity",
                "https://www.ukrinform.net/rubric-ato/2.html",
                "ukrinform",
            ),
        ],
        [5],
    ),
    (
        # A page copied as text: its menus, an author's bare name between a headline and the
        # time after it; the time goes to the headline.
        "text-author-then-time-page-copy",
        "News Feed\nUkraine\nEurope\nOpinion\nVideo\nUK's Healey makes first visit to Ukraine\nKateryna Denisova\nJul 16, 2024 6:20 PM\nZelensky wants Russia at second peace summit\nDmytro Basmat\nJul 15, 2024 1:14 PM\nUkraine, Russia swap bodies of fallen soldiers\nDmytro Basmat\nJul 14, 2024 7:12 PM",
        "",
        [
            ("2024-07-16", "18:20", "UK's Healey makes first visit to Ukraine", "", ""),
            ("2024-07-15", "13:14", "Zelensky wants Russia at second peace summit", "", ""),
            ("2024-07-14", "19:12", "Ukraine, Russia swap bodies of fallen soldiers", "", ""),
        ],
        [1, 2, 3, 4, 5, 7, 10, 13],
    ),
    (
        # A badge's line ("Відео") between a headline and its time leaves the time the headline's.
        "text-badge-between-title-and-time",
        "Британія передасть Україні чотири системи ППО\n21:10\nХарків: поранені троє людей, серед них підліток\nВідео\n19:44\nЗеленський підписав закон про громадянство\n17:30",
        "",
        [
            ("2024-06-25", "21:10", "Британія передасть Україні чотири системи ППО", "", ""),
            ("2024-06-25", "19:44", "Харків: поранені троє людей, серед них підліток", "", ""),
            ("2024-06-25", "17:30", "Зеленський підписав закон про громадянство", "", ""),
        ],
        [4],
    ),
    (
        # ... also on the first card, which decides that times follow their headlines.
        "text-badge-on-first-card",
        "Харків: поранені троє людей, серед них підліток\nВідео\n19:44\nБританія передасть Україні чотири системи ППО\n21:10\nЗеленський підписав закон про громадянство\n17:30",
        "",
        [
            ("2024-06-25", "19:44", "Харків: поранені троє людей, серед них підліток", "", ""),
            ("2024-06-25", "21:10", "Британія передасть Україні чотири системи ППО", "", ""),
            ("2024-06-25", "17:30", "Зеленський підписав закон про громадянство", "", ""),
        ],
        [2],
    ),
    (
        # An author's name before the date and time: "Name — Понеділок, 15 липня 2024, 14:52".
        "text-up-byline-date",
        "Зеленський: План буде готовий у листопаді\nРоман Петренко — Понеділок, 15 липня 2024, 14:52",
        "",
        [
            ("2024-07-15", "14:52", "Зеленський: План буде готовий у листопаді", "", ""),
        ],
        [],
    ),
    (
        # A last word in capitals saying what the article holds, copied as text.
        "text-badge-word",
        "Вівторок, 16 липня 2024\n21:15\nВорог скинув КАБи на Харків: постраждала дитина ФОТО\n22:10\nТрамп обрав Венса кандидатом у віцепрезиденти ВІДЕО",
        "",
        [
            ("2024-07-16", "21:15", "Ворог скинув КАБи на Харків: постраждала дитина", "", ""),
            ("2024-07-16", "22:10", "Трамп обрав Венса кандидатом у віцепрезиденти", "", ""),
        ],
        [],
    ),
    (
        # An article's sentence (long, ending with a period) copied with the listing below it.
        "text-paragraph-chain",
        "Теги:\nЗа словами Зеленського, план буде готовий у листопаді, і він має бути представлений на другому Саміті миру.\nЗеленський підписав закон про множинне громадянство",
        "",
        [
            ("2024-06-25", None, "Зеленський підписав закон про множинне громадянство", "", ""),
        ],
        [1, 2],
    ),
    (
        # Calls to follow a channel, wherever their verb stands.
        "text-calls-to-follow-a-channel",
        "21.06.2024\nНовини від NV в Telegram. Підписуйтесь на наш канал\nУкраїнська правда у Telegram!\n"
        "Зеленський підписав закон про множинне громадянство",
        "",
        [
            ("2024-06-21", None, "Зеленський підписав закон про множинне громадянство", "", ""),
        ],
        [2, 3],
    ),
    (
        # Dates as pages word them: "Published yesterday at 8:47 pm", "on June 22, 2024, at",
        # "в"/"о" before the time, "года" after the year.
        "dates-with-at-before-the-time-and-years-in-russian",
        '<ul class="list"><li class="item"><a href="https://censor.net/en/news/1">Orban\'s peace mission sparks an EU boycott</a><span class="date">Published yesterday at 8:47 pm</span></li>\n'
        '<li class="item"><a href="https://censor.net/en/news/2">Russia and Ukraine swap 95 prisoners each</a><span class="date">Published on June 22, 2024, at 6:15 pm</span></li>\n'
        '<li class="item"><a href="https://censor.net/ru/news/3">Взрывы в Одессе: что известно к вечеру</a><span class="date">21 июня 2024 в 21:49</span></li>\n'
        '<li class="item"><a href="https://censor.net/ua/news/4">Вибухи в Одесі: що відомо на вечір</a><span class="date">20 червня 2024 о 19:05</span></li>\n'
        '<li class="item"><a href="https://censor.net/ru/news/5">Обстрел Харькова: трое погибших</a><span class="date">19 июня 2024 года</span></li></ul>',
        "",
        [
            (
                "2024-06-24",
                "20:47",
                "Orban's peace mission sparks an EU boycott",
                "https://censor.net/en/news/1",
                "censor",
            ),
            (
                "2024-06-22",
                "18:15",
                "Russia and Ukraine swap 95 prisoners each",
                "https://censor.net/en/news/2",
                "censor",
            ),
            (
                "2024-06-21",
                "21:49",
                "Взрывы в Одессе: что известно к вечеру",
                "https://censor.net/ru/news/3",
                "censor",
            ),
            (
                "2024-06-20",
                "19:05",
                "Вибухи в Одесі: що відомо на вечір",
                "https://censor.net/ua/news/4",
                "censor",
            ),
            (
                "2024-06-19",
                None,
                "Обстрел Харькова: трое погибших",
                "https://censor.net/ru/news/5",
                "censor",
            ),
        ],
        [],
    ),
    (
        # An archive's heading names its day: "Архів новин за 21 червня 2024 року".
        "an-archive-heading-dates-its-list",
        "<h1>Архів новин за 21 червня 2024 року</h1>\n"
        '<ul><li><span class="time">23:41</span> <a href="https://www.pravda.com.ua/news/2024/06/21/1/">Литва передасть Україні ще одну партію бронетехніки</a></li>\n'
        '<li><span class="time">22:10</span> <a href="https://www.pravda.com.ua/news/2024/06/21/2/">Уряд ухвалив нову програму для ветеранів</a></li></ul>',
        "",
        [
            (
                "2024-06-21",
                "23:41",
                "Литва передасть Україні ще одну партію бронетехніки",
                "https://www.pravda.com.ua/news/2024/06/21/1/",
                "pravda",
            ),
            (
                "2024-06-21",
                "22:10",
                "Уряд ухвалив нову програму для ветеранів",
                "https://www.pravda.com.ua/news/2024/06/21/2/",
                "pravda",
            ),
        ],
        [],
    ),
    (
        # WordPress: Jetpack's share buttons and a category link (rel="tag") are no headlines
        # and leave each post one item with its time; a post hidden by its style is not read.
        "share-buttons-a-category-link-and-a-hidden-post",
        '<div id="main"><article class="post"><a href="https://censor.net/weapon_and_tech/" rel="category tag">Weapon and Tech</a>\n'
        '<h2 class="entry-title"><a href="https://censor.net/news/buk-m2/">Defence forces hit a Russian Buk-M2 system</a></h2>\n'
        '<time datetime="2024-06-21T20:41:09">21.06.2024</time>\n'
        '<div class="sharedaddy"><a href="https://censor.net/news/buk-m2/?share=telegram"><span>Click to share on Telegram (Opens in new window)</span></a></div></article>\n'
        '<article class="post"><a href="https://censor.net/weapon_and_tech/" rel="category tag">Weapon and Tech</a>\n'
        '<h2 class="entry-title"><a href="https://censor.net/news/ka-52/">A Russian Ka-52 helicopter is shot down in the south</a></h2>\n'
        '<time datetime="2024-06-20T09:15:00">20.06.2024</time>\n'
        '<div class="sharedaddy"><a href="https://censor.net/news/ka-52/?share=facebook"><span>Click to share on Facebook (Opens in new window)</span></a></div></article>\n'
        '<article class="post" style="display: none"><h2 class="entry-title"><a href="https://censor.net/news/old/">A post the page does not show yet</a></h2></article></div>',
        "",
        [
            (
                "2024-06-21",
                "20:41",
                "Defence forces hit a Russian Buk-M2 system",
                "https://censor.net/news/buk-m2/",
                "censor",
            ),
            (
                "2024-06-20",
                "09:15",
                "A Russian Ka-52 helicopter is shot down in the south",
                "https://censor.net/news/ka-52/",
                "censor",
            ),
        ],
        [1, 4, 5, 8],
    ),
    (
        # A sticky story at the top, undated, then its dated row in the feed: it goes to that
        # day and time.
        "a-sticky-story-takes-its-dated-rows-day-and-time",
        '<section class="top"><div class="entry entry--sticky"><a href="https://censor.net/texts/1"><h2>How Russia prepares a new offensive near Kharkiv</h2></a></div></section>\n'
        '<section class="entries"><div class="entry"><a href="https://censor.net/texts/2"><span class="entry__time">22 червня, 09:10</span><h3>The defence ministry tests new drones</h3></a></div>\n'
        '<div class="entry"><a href="https://censor.net/texts/1"><span class="entry__time">21 червня, 22:30</span><h3>How Russia prepares a new offensive near Kharkiv</h3></a></div></section>',
        "",
        [
            (
                "2024-06-22",
                "09:10",
                "The defence ministry tests new drones",
                "https://censor.net/texts/2",
                "censor",
            ),
            (
                "2024-06-21",
                "22:30",
                "How Russia prepares a new offensive near Kharkiv",
                "https://censor.net/texts/1",
                "censor",
            ),
        ],
        [3],
    ),
    (
        # A page without <body> (HTML5 lets it go unwritten): its <header>, <main> and
        # <article>s are read, not lost in the <head>.
        "a-page-without-a-body-tag",
        "<!doctype html><html lang=uk><meta charset=utf-8><title>News</title>\n"
        '<link rel=canonical href="https://censor.net/ua/news/"><header><a href="/">Censor</a></header>\n'
        '<main><article><a href="/ua/news/1">Удар по Харкову: троє загиблих</a></article>\n'
        '<article><a href="/ua/news/2">Зеленський підписав закон про громадянство</a></article></main>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Удар по Харкову: троє загиблих",
                "https://censor.net/ua/news/1",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Зеленський підписав закон про громадянство",
                "https://censor.net/ua/news/2",
                "censor",
            ),
        ],
        [2],
    ),
    (
        # An article whose address begins with "share" is no share button; a headline ending
        # "on WhatsApp" is no call to follow a channel.
        "an-article-on-shares-and-a-headline-about-whatsapp",
        '<ul><li><a href="https://censor.net/news/drones-down">Air defence downs 22 of 24 drones</a></li>\n'
        '<li><a href="https://censor.net/business/shares-fall-on-new-sanctions">Russian shares fall on new sanctions</a></li>\n'
        '<li><a href="https://censor.net/news/calls-blocked">Russia restricts voice calls on WhatsApp</a></li></ul>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones",
                "https://censor.net/news/drones-down",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russian shares fall on new sanctions",
                "https://censor.net/business/shares-fall-on-new-sanctions",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russia restricts voice calls on WhatsApp",
                "https://censor.net/news/calls-blocked",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A live blog: each post's permalink (to this page, #post-...) holds only its time,
        # its headline is beside it; each post is a headline with its permalink and time.
        "a-live-blogs-posts",
        '<link rel="canonical" href="https://censor.net/en/live/ukraine-updates-16">\n'
        '<article class="post" id="post-2"><a href="https://censor.net/en/live/ukraine-updates-16#post-2"><time datetime="2024-06-21T18:20:00">18:20</time></a>\n'
        "<h2>Zelensky: Russia should attend the second peace summit</h2><p>He said so in Kyiv.</p></article>\n"
        '<article class="post" id="post-1"><a href="https://censor.net/en/live/ukraine-updates-16#post-1"><time datetime="2024-06-21T09:10:00">09:10</time></a>\n'
        "<h2>Ukraine downs 22 of 23 drones overnight</h2><p>The air force said so.</p></article>",
        "",
        [
            (
                "2024-06-21",
                "18:20",
                "Zelensky: Russia should attend the second peace summit",
                "https://censor.net/en/live/ukraine-updates-16#post-2",
                "censor",
            ),
            (
                "2024-06-21",
                "09:10",
                "Ukraine downs 22 of 23 drones overnight",
                "https://censor.net/en/live/ukraine-updates-16#post-1",
                "censor",
            ),
        ],
        [3, 5],
    ),
    (
        # An editor's working list in Markdown (a Notion or Obsidian export): day headings with
        # a remark ("21 червня (вечір)") or as "22.06", to-do boxes, a time before a link,
        # emphasis, a sentence's stop after a link; a property line, a comment under an item
        # and a struck-out item are no headlines.
        "an-editors-markdown-list",
        "# Дайджест 16.07\n"
        "Статус: В роботі\n"
        "\n"
        "## 21 червня (вечір)\n"
        "\n"
        "- [x] [Air defence downs 22 of 24 drones overnight](https://www.pravda.com.ua/news/2024/06/21/7461001/)\n"
        "    - коментар: додати реакцію МЗС\n"
        "- [ ] 10:25 [Ukraine gets $1.9 billion from Japan](https://www.pravda.com.ua/news/2024/06/21/7461002/)\n"
        "\n"
        "## 22.06\n"
        "\n"
        "- [x] **Zelensky signs the law on multiple citizenship** https://censor.net/news/3495990/.\n"
        "- ~~[Vance says he does not care about Ukraine](https://censor.net/news/3495991/)~~ — old quote, not taken",
        "",
        [
            (
                D21,
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://www.pravda.com.ua/news/2024/06/21/7461001/",
                "pravda",
            ),
            (
                D21,
                "10:25",
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/21/7461002/",
                "pravda",
            ),
            (
                D22,
                None,
                "Zelensky signs the law on multiple citizenship",
                "https://censor.net/news/3495990/",
                "censor",
            ),
        ],
        [1, 2, 13, 7],  # (its "Статус:" a property: said where it stands)
    ),
    (
        # A newsletter's plain-text version (Mailchimp) saved from a mail client: its headers,
        # its web-version and unsubscribe lines are no headlines; "Read more (link)" and
        # "Детальніше: link" give the headline above them its link, across a rule, a byline and
        # a paragraph; an aggregator's count and a link to a home page are no headlines.
        "a-newsletter-as-plain-text",
        "View this email in your browser (https://mailchi.mp/censor/daily?e=4f2a)\n"
        "From: Censor.NET <news@censor.net>\n"
        "Sent: Tuesday, June 25, 2024 7:02 PM\n"
        "Subject: The daily digest\n"
        "\n"
        "** Air defence downs 22 of 24 drones overnight\n"
        "------------------------------------------------------------\n"
        "by Jane Doe\n"
        "The air force said on Tuesday that its units had shot down twenty-two of the twenty-four drones Russia launched overnight at the southern and eastern regions of Ukraine, and that the remaining two were lost to electronic warfare before they reached their targets.\n"
        "Read more (https://censor.net/news/3495992/?utm_source=newsletter&utm_medium=email)\n"
        "\n"
        "Ukraine gets $1.9 billion from Japan\n"
        "Детальніше: https://www.pravda.com.ua/news/2024/06/25/7461003/\n"
        "\n"
        "Ще 24 схожих новини\n"
        "Censor.NET (https://censor.net/?utm_source=newsletter)\n"
        "unsubscribe from this list (https://censor.us20.list-manage.com/unsubscribe?u=9b4a)",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3495992/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461003/",
                "pravda",
            ),
        ],
        [1, 2, 3, 4, 7, 8, 9, 15, 16, 17],
    ),
    (
        # Day headings that name a day both ways ("Вчора, 24 червня"); stamps as German,
        # French and Polish pages write them ("23:54 Uhr", "Publié le ... à 08h47", "24
        # czerwca 2024"); a live blog's time in parentheses; a link to a day's archive named by
        # its day is no headline.
        "european-dates-and-day-headings",
        '<main><h2 class="date">Сьогодні, 25 червня</h2>\n'
        '<ul><li><span class="time">21:57</span> <a href="https://censor.net/news/a-1">У Києві під час повітряної тривоги працює ППО</a></li></ul>\n'
        '<h2 class="date">Вчора, 24 червня</h2>\n'
        '<ul><li><span class="time">23:34</span> <a href="https://censor.net/news/b-2">Повітряні сили: над Україною збито 18 «шахедів»</a></li>\n'
        '<li><a href="https://censor.net/news/c-3">Tote nach russischem Angriff auf Odessa</a><span>24.06.2024 • 23:54 Uhr</span></li>\n'
        '<li><a href="https://censor.net/news/d-4">Un drone ukrainien touche une raffinerie russe</a><span>Publié le 24/06/2024 à 08h47</span></li>\n'
        '<li><a href="https://censor.net/news/e-5">Rosyjski atak na Odessę. Nie żyją dwie osoby</a><span>24 czerwca 2024 | 23:15</span></li>\n'
        '<li><a href="https://censor.net/news/f-6">Ukraine says it hit a Russian airbase in Crimea</a><span>(19:21 GMT)</span></li></ul>\n'
        '<a href="https://censor.net/news/2024/06/23">Новини за 23 червня</a></main>',
        "",
        [
            (
                "2024-06-25",
                "21:57",
                "У Києві під час повітряної тривоги працює ППО",
                "https://censor.net/news/a-1",
                "censor",
            ),
            (
                "2024-06-24",
                "23:34",
                "Повітряні сили: над Україною збито 18 «шахедів»",
                "https://censor.net/news/b-2",
                "censor",
            ),
            (
                "2024-06-24",
                "23:54",
                "Tote nach russischem Angriff auf Odessa",
                "https://censor.net/news/c-3",
                "censor",
            ),
            (
                "2024-06-24",
                "08:47",
                "Un drone ukrainien touche une raffinerie russe",
                "https://censor.net/news/d-4",
                "censor",
            ),
            (
                "2024-06-24",
                "23:15",
                "Rosyjski atak na Odessę. Nie żyją dwie osoby",
                "https://censor.net/news/e-5",
                "censor",
            ),
            (
                "2024-06-24",
                "19:21",
                "Ukraine says it hit a Russian airbase in Crimea",
                "https://censor.net/news/f-6",
                "censor",
            ),
        ],
        [],
    ),
    (
        # Links a mail client or a network wraps in its redirect (Outlook's Safe Links,
        # Google's, Facebook's) are the articles' own.
        "redirect-links-unwrapped",
        "Air defence downs 22 of 24 drones overnight\n"
        "<https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcensor.net%2Fnews%2F3495993%2F%3Futm_source%3Demail&data=05%7C02&reserved=0>\n"
        "Ukraine gets $1.9 billion from Japan https://www.google.com/url?q=https://www.pravda.com.ua/news/2024/06/25/7461004/&sa=D&ust=1721\n"
        "Zelensky signs the law on multiple citizenship https://l.facebook.com/l.php?u=https%3A%2F%2Fcensor.net%2Fnews%2F3495994%2F&h=AT0",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3495993/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461004/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Zelensky signs the law on multiple citizenship",
                "https://censor.net/news/3495994/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A WhatsApp chat exported as text, where editors share links (Android's and an
        # iPhone's lines): each message with a link is a headline on its day (not at its time:
        # when it was shared), a title and its link on the next line are one; the chat's notices,
        # placeholders and talk are no headlines.
        "a-whatsapp-chat-export",
        '24.06.24, 09:12 - Олена Коваль створює групу "Дайджест"\n'
        "24.06.24, 09:14 - Олена Коваль: Колеги, сюди кидаємо все на завтра 🙏\n"
        "24.06.24, 21:50 - Андрій Мельник: Air defence downs 22 of 24 drones overnight\n"
        "https://censor.net/news/3495999/?utm_source=whatsapp\n"
        "24.06.24, 22:03 - Олена Коваль: <Медіафайл пропущено>\n"
        "[25.06.24, 09:40:12] Ірина Савчук: Ukraine gets $1.9 billion from Japan — https://www.pravda.com.ua/news/2024/06/25/7461007/\n"
        "Може поставити першим?\n"
        "25.06.24, 09:41 - Андрій Мельник: так, згоден\n"
        "25.06.24, 10:05 - Ірина Савчук: Zelensky signs the law on multiple citizenship https://censor.net/news/3496000/",
        "",
        [
            (
                "2024-06-24",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3495999/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461007/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Zelensky signs the law on multiple citizenship",
                "https://censor.net/news/3496000/",
                "censor",
            ),
        ],
        [1, 5, 7, 2, 8],
    ),
    (
        # A stamp glued to the spans beside it, as a page's text runs them together ("Par
        # AFPPublié le 24/06/2024 à 20h41Mis à jour ..."); a <time> that gives its moment in
        # seconds only (data-time, Bloomberg's; UTC without the site's time zone); a badge
        # classed as a mark ("fig-live-mark") is left out of the headline.
        "glued-stamps-epoch-times-and-marks",
        '<main><article><a href="https://censor.net/news/g-7"><h2><span class="fig-live-mark">EN DIRECT</span> Guerre en Ukraine : Zelensky veut la Russie au prochain sommet</h2></a>\n'
        '<div class="metas"><span>Par Le Figaro avec AFP</span><span>Publié le 24/06/2024 à 20h41</span><span>Mis à jour il y a 12 minutes</span></div></article>\n'
        '<article><a href="https://censor.net/news/h-8"><h2>Ukraine strikes a Russian air base in Crimea with drones</h2></a>\n'
        '<div><span>Daryna Krasnolutska</span><time data-time="1719257520" title="June 24, 2024 at 3:32 PM EDT">28 min ago</time></div></article></main>',
        "",
        [
            (
                "2024-06-24",
                "20:41",
                "Guerre en Ukraine : Zelensky veut la Russie au prochain sommet",
                "https://censor.net/news/g-7",
                "censor",
            ),
            (
                "2024-06-24",
                "19:32",
                "Ukraine strikes a Russian air base in Crimea with drones",
                "https://censor.net/news/h-8",
                "censor",
            ),
        ],
        [4],
    ),
    (
        # A line break in a headline's link that splits one sentence ("...області: <br>відео
        # удару") is a space; one between a headline and its summary still ends it.
        "a-line-break-in-a-headlines-link",
        '<div class="card"><a href="https://censor.net/news/i-9"><span class="title">ЗСУ уразили російський полігон у Курській області: <br>відео удару</span></a></div>\n'
        '<div class="card"><a href="https://censor.net/news/j-10"><strong>Russia strikes Kharkiv with glide bombs</strong><br>Three people were injured.</a></div>',
        "",
        [
            (
                "2024-06-25",
                None,
                "ЗСУ уразили російський полігон у Курській області: відео удару",
                "https://censor.net/news/i-9",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russia strikes Kharkiv with glide bombs",
                "https://censor.net/news/j-10",
                "censor",
            ),
        ],
        [2],
    ),
    (
        # A Guardian-style live blog: each post's permalink is to the page with a query and a
        # fragment ("?page=with:block-B2#block-B2") around its time ("19.05 BST"); a post with
        # a heading is a headline with that link, one without is none; share buttons, "Updated
        # at ...", the pager's "Older" and a call to contribute are no headlines.
        "a-live-blog-with-query-permalinks",
        '<link rel="canonical" href="https://censor.net/en/live/ukraine-updates-24">\n'
        '<article id="block-B2"><header><a href="?page=with:block-B2#block-B2"><time datetime="2024-06-24T18:05:40.000Z">1h ago</time><span>19.05 BST</span></a><h2>Germany to send three more Iris-T systems, says Pistorius</h2></header>\n'
        "<p>German defence minister Boris Pistorius said the systems would arrive by the end of the year.</p>\n"
        '<footer><a href="https://www.facebook.com/dialog/share?app_id=1&amp;href=https://censor.net/en/live/ukraine-updates-24">Share on Facebook</a><span>Updated at 19.07 BST</span></footer></article>\n'
        '<article id="block-B1"><header><a href="?page=with:block-B1#block-B1"><time datetime="2024-06-24T17:14:31.000Z">2h ago</time><span>18.14 BST</span></a></header>\n'
        "<p>Russia’s defence ministry claimed its forces had captured the village of Urozhaine.</p></article>\n"
        '<a href="?page=with:block-B0#liveblog-navigation">Older</a> <a href="https://support.censor.net/contribute?acquisitionData=epic">Support the Censor</a>',
        "",
        [
            (
                "2024-06-24",
                "18:05",
                "Germany to send three more Iris-T systems, says Pistorius",
                "https://censor.net/en/live/ukraine-updates-24?page=with:block-B2#block-B2",
                "censor",
            ),
        ],
        [3, 4, 5, 6, 7],
    ),
    (
        # A live blog whose posts link to the page by a query (Al Jazeera's "?update=...") and
        # cite other articles in their text ("Read more: <a>", a link in a sentence): each post
        # is one headline; the articles it cites are not.
        "a-live-blogs-posts-citing-articles",
        '<link rel="canonical" href="https://censor.net/en/live/ukraine-updates-25">\n'
        '<article class="post"><h2><a href="/en/live/ukraine-updates-25?update=3041560">Ukraine says it hit a Russian airbase in Crimea</a></h2>\n'
        '<p>The general staff said so.</p><p><strong>Read more:</strong> <a href="/en/news/3496004/">What we know about the strikes on Crimea this summer</a></p></article>\n'
        '<article class="post"><h2><a href="/en/live/ukraine-updates-25?update=3041488">Germany to deliver three more IRIS-T systems</a></h2>\n'
        '<p>Pistorius said so in Berlin, citing <a href="/en/news/3496005/">an earlier pledge to Ukraine\'s air defence</a>.</p></article>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Ukraine says it hit a Russian airbase in Crimea",
                "https://censor.net/en/live/ukraine-updates-25?update=3041560",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Germany to deliver three more IRIS-T systems",
                "https://censor.net/en/live/ukraine-updates-25?update=3041488",
                "censor",
            ),
        ],
        [3, 3, 3, 5, 5, 5],
    ),
    (
        # A publishing platform's cards (Medium's): an author's @handle is a profile, a date
        # and a reading time side by side with a hidden dot between them ("Jun 24 · 9 min
        # read") date the card, "See all from ..." is a button.
        "a-platforms-cards-with-handles-and-reading-times",
        '<article><a href="https://censor.net/news/k-11"><h2>The Pokrovsk axis in July: what the maps don’t show</h2></a>\n'
        '<a href="https://censor.net/@frontline.notes">Frontline Notes Team</a><div><span>Jun 24</span><span aria-hidden="true">·</span><span>9 min read</span></div></article>\n'
        '<article><a href="https://censor.net/news/l-12"><h2>Why Ukraine’s drone war is an industrial problem now</h2></a>\n'
        '<a href="https://censor.net/@frontline.notes">Frontline Notes Team</a><div><span>Jun 23</span><span aria-hidden="true">·</span><span>6 min read</span></div></article>\n'
        '<a href="https://censor.net/frontline-notes/archive">See all from Frontline Notes</a>',
        "",
        [
            (
                "2024-06-24",
                None,
                "The Pokrovsk axis in July: what the maps don’t show",
                "https://censor.net/news/k-11",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Why Ukraine’s drone war is an industrial problem now",
                "https://censor.net/news/l-12",
                "censor",
            ),
        ],
        [2, 4, 5],
    ),
    (
        # Links classed as a name (an author's, "post-author"; the channel a Telegram post was
        # forwarded from) are no headlines, nor is Telegram's "Forwarded from ..." line.
        "name-links-and-forwarded-headers",
        '<article><h2><a href="https://censor.net/news/m-13">Air defence downs 22 of 24 drones overnight</a></h2><a class="post-author" href="https://censor.net/team/olena-koval">Olena Koval, senior editor</a></article>\n'
        '<article><h2><a href="https://censor.net/news/n-14">Ukraine gets $1.9 billion from Japan</a></h2><a class="post-author" href="https://censor.net/team/andrii-melnyk">Andrii Melnyk, news desk</a></article>\n'
        "<p>Forwarded from Повітряні сили ЗСУ / Air Force of the Armed Forces of Ukraine</p>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/m-13",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://censor.net/news/n-14",
                "censor",
            ),
        ],
        [1, 2, 3],
    ),
    (
        # A card whose link goes through an ad network's click tracker is an advert.
        "an-advert-among-the-cards",
        '<ul><li><a href="https://censor.net/news/o-15">Air defence downs 22 of 24 drones overnight</a></li>\n'
        '<li><a href="https://ads.adfox.ru/123/goLink?p1=abc">Learn English in three months, the first lesson is free</a></li>\n'
        '<li><a href="https://ad.doubleclick.net/ddm/clk/1;2">A loan at 0% for new customers, online in five minutes</a></li>\n'
        '<li><a href="https://censor.net/news/p-16">Ukraine gets $1.9 billion from Japan</a></li></ul>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/o-15",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://censor.net/news/p-16",
                "censor",
            ),
        ],
        [2, 3],
    ),
    (
        # Facebook's stamps with the dot before their icon ("Учора о 21:40 · "); Keep's and
        # Apple Notes' check boxes; an Obsidian note's tags after a headline.
        "check-boxes-tags-and-facebook-stamps",
        "Учора о 21:40 · \n"
        "Russia strikes Kharkiv with glide bombs, three injured https://censor.net/news/3496007/\n"
        "Сьогодні о 09:15 · \n"
        "☐ Air defence downs 22 of 24 drones overnight https://censor.net/news/3496006/ #фронт #ппо\n"
        "✅ Ukraine gets $1.9 billion from Japan https://www.pravda.com.ua/news/2024/06/25/7461009/",
        "",
        [
            (
                "2024-06-24",
                "21:40",
                "Russia strikes Kharkiv with glide bombs, three injured",
                "https://censor.net/news/3496007/",
                "censor",
            ),
            (
                "2024-06-25",
                "09:15",
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496006/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461009/",
                "pravda",
            ),
        ],
        [],
    ),
    (
        # German, Polish and Blogger cards: a kicker glued before the headline its link's title
        # names; "24. Juni 2024, 21.40 Uhr•"; "Von ..." (an author's link); a byline glued to
        # its date ("Paweł Pieniążek23 czerwca 2024 | 12:05"); a taxonomy term's link; a video's
        # duration in a data attribute; Blogger's share link.
        "german-polish-and-blogger-cards",
        '<article><h2><a href="https://censor.net/news/q-17" title="Russische Rakete trifft Wohnviertel"><span class="block">Charkiw</span><span class="align-middle">Russische Rakete trifft Wohnviertel</span></a></h2>\n'
        '<a href="https://censor.net/impressum/autor-1">Von Christoph Reuter</a><span>24. Juni 2024, 21.40 Uhr•</span></article>\n'
        '<article><h2><a href="https://censor.net/news/r-18">Rosyjska rakieta uderzyła w osiedle w Charkowie</a></h2>\n'
        '<span class="author">Paweł Pieniążek</span><span class="when">23 czerwca 2024 | 12:05</span>\n'
        '<a href="https://censor.net/taxonomy/term/20">Харківська область регіон</a></article>\n'
        '<article><h2><a href="https://censor.net/news/s-19">Wie ukrainische Seedrohnen die Flotte jagen</a></h2><span data-auto-el="duration">02:31</span>\n'
        '<a href="https://www.blogger.com/share-post.g?blogID=1&amp;postID=2&amp;target=facebook">Share to Facebook</a></article>',
        "",
        [
            (
                "2024-06-24",
                "21:40",
                "Russische Rakete trifft Wohnviertel",
                "https://censor.net/news/q-17",
                "censor",
            ),
            (
                "2024-06-23",
                "12:05",
                "Rosyjska rakieta uderzyła w osiedle w Charkowie",
                "https://censor.net/news/r-18",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Wie ukrainische Seedrohnen die Flotte jagen",
                "https://censor.net/news/s-19",
                "censor",
            ),
        ],
        [2, 5, 7],
    ),
    (
        # A site-wide alert bar, a banner among the items and a newsletter box named by its
        # data-area are no listing.
        "bars-banners-and-newsletter-boxes",
        '<div class="alert-bar"><a href="https://censor.net/news/air-alert-map">Air raid alert in Kharkiv region: the map online</a></div>\n'
        '<main><ul class="feed"><li><a href="https://censor.net/news/t-20">Russian missile hits a residential block in Kharkiv</a></li>\n'
        '<li><a href="https://censor.net/news/u-21">An oil depot burns in the Belgorod region</a></li></ul>\n'
        '<div class="mz-banner"><a href="https://censor.net/losses?utm_source=feed-banner">Russia\'s losses in the war: we named 60,000 of the dead</a></div>\n'
        '<div data-area="newsletter_box"><h3>The morning brief</h3><a href="https://censor.net/newsletter/morning">Subscribe for free every morning</a></div></main>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Russian missile hits a residential block in Kharkiv",
                "https://censor.net/news/t-20",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "An oil depot burns in the Belgorod region",
                "https://censor.net/news/u-21",
                "censor",
            ),
        ],
        [1, 4, 5, 5],
    ),
    (
        # A blog's <aside> archive lists more posts than its page shows: still a sidebar.
        "a-blogs-archive-aside",
        '<main><article><h3><a href="https://censor.net/2024/06/v-22.html">Attack on Europe: documenting equipment losses</a></h3></article>\n'
        '<article><h3><a href="https://censor.net/2024/06/w-23.html">Ukraine’s drone war in numbers this month</a></h3></article></main>\n'
        '<aside><h2>Blog Archive</h2><ul><li><a href="https://censor.net/2024/05/x-1.html">Russian losses around Kharkiv in May</a></li>\n'
        '<li><a href="https://censor.net/2024/04/x-2.html">Ukrainian losses around Avdiivka in April</a></li>\n'
        '<li><a href="https://censor.net/2024/03/x-3.html">The fleet that lost its bases this spring</a></li></ul></aside>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Attack on Europe: documenting equipment losses",
                "https://censor.net/2024/06/v-22.html",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine’s drone war in numbers this month",
                "https://censor.net/2024/06/w-23.html",
                "censor",
            ),
        ],
        [3, 3, 4, 5],
    ),
    (
        # A live blog's pinned post with a "Copy link" to itself (a share link's query) is one
        # post; an item's <time> saying "Updated" gives way to its other one, and stands when
        # it is the only one.
        "a-pinned-post-and-updated-times",
        '<link rel="canonical" href="https://censor.net/en/live/ukraine-news-24">\n'
        '<div class="pinned-post"><article class="post" id="summit"><div><span>Pinned</span><a href="https://censor.net/en/live/ukraine-news-24#summit"><time datetime="2024-06-24T14:03:11.000Z">10:03 a.m.</time></a></div>\n'
        "<h2>Zelensky wants Russia at the table for a second peace summit</h2><p>He said so.</p>\n"
        '<a href="https://censor.net/en/live/ukraine-news-24?smid=url-share#summit">Copy link</a></article></div>\n'
        '<article class="post" id="kharkiv"><div><a href="https://censor.net/en/live/ukraine-news-24#kharkiv"><time datetime="2024-06-24T11:47:30.000Z">7:47 a.m.</time></a></div>\n'
        "<h2>A Russian missile strike on Kharkiv kills three</h2><p>Officials said so.</p></article>\n"
        '<article class="card"><h3><a href="https://censor.net/news/y-24">Ukraine gets $1.9 billion from Japan</a></h3><time datetime="2024-06-24T15:30:00Z">Updated 15:30</time> <time datetime="2024-06-24T09:00:00Z">Published 9:00</time></article>\n'
        '<article class="card"><h3><a href="https://censor.net/news/z-25">Air defence downs 22 of 24 drones overnight</a></h3><time datetime="2024-06-24T05:10:00Z">Updated 5:10</time></article>',
        "",
        [
            (
                "2024-06-24",
                "14:03",
                "Zelensky wants Russia at the table for a second peace summit",
                "https://censor.net/en/live/ukraine-news-24#summit",
                "censor",
            ),
            (
                "2024-06-24",
                "11:47",
                "A Russian missile strike on Kharkiv kills three",
                "https://censor.net/en/live/ukraine-news-24#kharkiv",
                "censor",
            ),
            (
                "2024-06-24",
                "09:00",
                "Ukraine gets $1.9 billion from Japan",
                "https://censor.net/news/y-24",
                "censor",
            ),
            (
                "2024-06-24",
                "05:10",
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/z-25",
                "censor",
            ),
        ],
        [2, 3, 4, 6],
    ),
    (
        # A list of links, each with its title on the line below (as a chat's unfurl or an
        # editor's list writes them): a link with no headline above waits for the one below.
        "links-above-their-titles",
        "https://censor.net/news/3496019/\n"
        "Air defence downs 22 of 24 drones overnight\n"
        "https://www.pravda.com.ua/news/2024/06/25/7461017/\n"
        "Ukraine gets $1.9 billion from Japan",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496019/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461017/",
                "pravda",
            ),
        ],
        [],
    ),
    (
        # An outlet's round-up: each story a heading, a sentence, and "Детальніше – тут" with
        # its link: the heading is the headline, with that link.
        "a-round-up-of-headings-with-links-below",
        '<article><div class="txt">\n'
        "<h2>Рада ухвалила закон про множинне громадянство</h2>\n"
        "<p>Верховна Рада в цілому ухвалила законопроєкт.</p>\n"
        '<p>Детальніше – <a href="https://censor.net/news/3496020/">тут</a>.</p>\n'
        "<h2>Британія пришвидшить постачання снарядів</h2>\n"
        "<p>Про це заявив міністр в Одесі.</p>\n"
        '<p>Детальніше – <a href="https://censor.net/news/3496021/">тут</a>.</p>\n'
        "</div></article>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Рада ухвалила закон про множинне громадянство",
                "https://censor.net/news/3496020/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Британія пришвидшить постачання снарядів",
                "https://censor.net/news/3496021/",
                "censor",
            ),
        ],
        [3, 4, 6, 7],  # (the "Детальніше – тут." lines, whose links the headings took)
    ),
    (
        # Pasted into a Markdown editor: a picture, a lead-in label before a link, a call to
        # subscribe after an emoji, a heading of six words ending in ":".
        "markdown-pictures-lead-ins-and-calls",
        "![Kharkiv after the strike](https://censor.net/img/kharkiv.jpg)\n"
        "**Read also:** [Air defence downs 22 of 24 drones overnight](https://censor.net/news/3496022/)\n"
        "⚡️ Підписатися на канал | Надіслати новину: [@censor_bot](https://t.me/censor_bot)\n"
        "Вас також можуть зацікавити такі новини:\n"
        "[Ukraine gets $1.9 billion from Japan](https://www.pravda.com.ua/news/2024/06/25/7461018/)",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496022/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461018/",
                "pravda",
            ),
        ],
        [1, 3, 4],
    ),
    (
        # Government sites: a date in spans run together ("24Червня2024") or in stacked blocks
        # ("23", "черв.", "2024"); an attached PDF and an organisation's page linked in an item;
        # a day's heading linked to its page in Russian ("24 июня 2024 года"); an alert line and
        # a left-hand column's menu.
        "government-sites-dates-attachments-and-menus",
        '<div class="alert-line"><a href="https://censor.net/alerts/shelter-now">Під час повітряної тривоги прямуйте до укриття!</a></div>\n'
        '<table><tr><td class="leftcol"><div class="leftmenu"><a href="https://censor.net/about/head-of-parliament">Голова Верховної Ради України</a></div></td><td>\n'
        '<h2><a href="https://censor.net/news/by-date/24.06.2024">24 июня 2024 года</a></h2>\n'
        '<article class="card"><a href="https://censor.net/news/3496023/">СБУ повідомила про підозру командувачу флоту рф</a><div class="date"><span>24</span><span>Червня</span><span>2024</span></div></article>\n'
        '<article class="card"><a href="https://censor.net/news/3496024/">Генпрокурор зустрівся з Прокурором МКС у Гаазі</a><div class="date"><div>23</div><div>черв.</div><div>2024</div></div><div class="time">19:20</div></article>\n'
        '<article class="card"><a href="https://censor.net/news/3496025/">Council adopts a €1.9 billion assistance measure</a><p>See the <a href="https://censor.net/media/st12002-en24.pdf">Council decision (pdf)</a>.</p><div class="source"><a href="https://censor.net/organization/ohchr">UN Human Rights Monitoring Mission</a></div></article>\n'
        "</td></tr></table>",
        "",
        [
            (
                "2024-06-24",
                None,
                "СБУ повідомила про підозру командувачу флоту рф",
                "https://censor.net/news/3496023/",
                "censor",
            ),
            (
                "2024-06-23",
                "19:20",
                "Генпрокурор зустрівся з Прокурором МКС у Гаазі",
                "https://censor.net/news/3496024/",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Council adopts a €1.9 billion assistance measure",
                "https://censor.net/news/3496025/",
                "censor",
            ),
        ],
        [1, 2, 5, 5, 5, 6, 6, 6, 6],
    ),
    (
        # Aggregators' rows copied (Hacker News's numbers, "▲" and site in parentheses, its
        # points line; Reddit's subreddit, site and buttons), a keycap's number and an arrow to
        # the link (a Telegram digest), an outline's "1.3.".
        "aggregator-rows-keycaps-and-arrows",
        "1.\t▲\tUkraine's parliament passes a bill on multiple citizenship (pravda.com.ua)\n"
        "142 points by vkyiv 2 hours ago | hide | 38 comments\n"
        "r/ukraine • 4 hr. ago\n"
        "Air defence downs 22 of 24 drones overnight\n"
        "censor.net\n"
        "Go to comments\n"
        "1️⃣ Ukraine gets $1.9 billion from Japan ➡️ https://www.pravda.com.ua/news/2024/06/25/7461019/\n"
        "1.3. Russia strikes Kharkiv with glide bombs https://censor.net/news/3496026/",
        "",
        [
            (
                "2024-06-25",
                None,
                "Ukraine's parliament passes a bill on multiple citizenship",
                "",
                "pravda",
            ),
            ("2024-06-25", None, "Air defence downs 22 of 24 drones overnight", "", ""),
            (
                "2024-06-25",
                None,
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461019/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Russia strikes Kharkiv with glide bombs",
                "https://censor.net/news/3496026/",
                "censor",
            ),
        ],
        [2, 5, 6],  # (line 3 is read: the age of the headline under it)
    ),
    (
        # An article's "Read also" lists around its text: a link that is words of a sentence
        # ("…розповіли про <a>наслідки удару по Харкову</a>.") is no headline.
        "a-link-inside-a-sentence",
        '<html><body><article><div class="article-text">\n'
        "<p>За минулу добу на фронті відбулося 143 бойові зіткнення.</p>\n"
        '<ul><li><a href="https://censor.net/war/isw-chasiv-yar-12701080.html">ISW: росіяни не можуть прорватися до Часового Яру</a></li>\n'
        '<li><a href="https://censor.net/war/vtraty-rosiji-12701402.html">Втрати Росії станом на 16 липня: ЗСУ ліквідували 1 130 окупантів</a></li></ul>\n'
        '<p>Як повідомляв УНІАН, раніше в ОВА розповіли про <a href="https://censor.net/war/udar-po-harkovu-16-lypnya-12701390.html">наслідки удару по Харкову</a>.</p>\n'
        "<p><strong>Вас також можуть зацікавити новини:</strong></p>\n"
        '<ul><li><a href="https://censor.net/war/velykobrytaniya-snaryadiv-12701512.html">Британія пришвидшить постачання Україні 250 тисяч снарядів – Гілі</a></li></ul>\n'
        "</div></article></body></html>",
        "",
        [
            (
                "2024-06-25",
                None,
                "ISW: росіяни не можуть прорватися до Часового Яру",
                "https://censor.net/war/isw-chasiv-yar-12701080.html",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Втрати Росії станом на 16 липня: ЗСУ ліквідували 1 130 окупантів",
                "https://censor.net/war/vtraty-rosiji-12701402.html",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Британія пришвидшить постачання Україні 250 тисяч снарядів – Гілі",
                "https://censor.net/war/velykobrytaniya-snaryadiv-12701512.html",
                "censor",
            ),
        ],
        [2, 5, 6],
    ),
    (
        # An editor's note to self in brackets after a headline (with a dash in it: no
        # outlet's name) is no part of it.
        "an-editors-bracketed-note",
        "18:30 – Орбан надіслав лідерам ЄС лист про «мирну місію» [посилання ще шукаю – Politico?]\n"
        "21:15 – [Air defence downs 22 of 24 drones overnight](https://censor.net/news/3496027/) [перевірити цифри]",
        "",
        [
            ("2024-06-25", "18:30", "Орбан надіслав лідерам ЄС лист про «мирну місію»", "", ""),
            (
                "2024-06-25",
                "21:15",
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496027/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A press review's PDF copied as text: a word hyphenated at a line's end, a link broken
        # at a hyphen, "Outlet, date, time" under a headline; a headline ending in a date
        # ("…, 25 June") stays a headline.
        "a-pdf-press-review-copied",
        "1.3. Генштаб: за добу 143 бойові зіткнення, найгарячіше – на Покров-\n"
        "ському напрямку\n"
        "Цензор, 24.06.2024, 09:14\n"
        "https://censor.net/war/genshtab-za-dobu-vidbulosya-143-boyovi-zitknen-\n"
        "nya-3496028.html\n"
        "1.4. Horoscope for tomorrow, 25 June",
        "",
        [
            (
                "2024-06-24",
                "09:14",
                "Генштаб: за добу 143 бойові зіткнення, найгарячіше – на Покровському напрямку",
                "https://censor.net/war/genshtab-za-dobu-vidbulosya-143-boyovi-zitknen-nya-3496028.html",
                "censor",
            ),
            ("2024-06-24", None, "Horoscope for tomorrow, 25 June", "", ""),
        ],
        [],
    ),
    (
        # A Viber community's messages copied: "Name | Channel  08:01" over each gives its time;
        # its reactions and views are no headlines.
        "a-viber-community-copied",
        "Фронт і тил | Новини  08:01\n"
        "Air defence downs 22 of 24 drones overnight\n"
        "https://censor.net/news/3496029/\n"
        "👍 530  👁 18,9K\n"
        "Фронт і тил | Новини  09:20\n"
        "Ukraine gets $1.9 billion from Japan\n"
        "https://www.pravda.com.ua/news/2024/06/25/7461020/",
        "",
        [
            (
                "2024-06-25",
                "08:01",
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                "09:20",
                "Ukraine gets $1.9 billion from Japan",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
        ],
        [1, 4, 5],
    ),
    (
        # A newsletter's HTML whose headlines have their links: its masthead, issue line and
        # postal address are no headlines; a timed row without a link is a draft's.
        "a-newsletter-page-of-linked-headlines",
        "<html><body><h1>The Ukraine Brief</h1>\n"
        "<p>Tuesday, June 25, 2024 · Issue #412</p>\n"
        '<p><a href="https://censor.net/news/3496029/">Air defence downs 22 drones</a></p>\n'
        '<p><a href="https://www.pravda.com.ua/news/2024/06/25/7461020/">Japan sends $1.9bn</a>'
        "</p>\n"
        '<p><a href="https://censor.net/news/3496031/">Rada passes the dual citizenship law</a>'
        "</p>\n"
        "<p>18:30 Orban writes to EU leaders</p>\n"
        "<p>113 Cherry St #92768, Seattle, WA 98104-2205</p>\n"
        "</body></html>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 drones",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Japan sends $1.9bn",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            ("2024-06-25", "18:30", "Orban writes to EU leaders", "", ""),
        ],
        [1, 2, 7],
    ),
    (
        # Drupal's search results: the date and time among an item's parts (kind, author,
        # date, time, comments' count), a US date written month first.
        "a-search-results-date-among-parts",
        '<ol class="search-results"><li class="search-result">\n'
        '<h3 class="title"><a href="https://censor.net/news/3496029/">Russian Offensive '
        "Campaign Assessment, June 25, 2024</a></h3>\n"
        '<p class="search-snippet">Russian forces recently advanced near Toretsk ...</p>\n'
        '<p class="search-info">Backgrounder - <a href="/users/isw" class="username">ISW Press'
        "</a> - 06/25/2024 - 21:49 - 0 comments</p></li>\n"
        '<li class="search-result"><h3 class="title"><a href="https://censor.net/news/3496031/">'
        "Iran Update, June 24, 2024</a></h3>\n"
        '<p class="search-info">Backgrounder | 06/24/2024 | 19:02</p></li></ol>',
        "",
        [
            (
                "2024-06-25",
                "21:49",
                "Russian Offensive Campaign Assessment, June 25, 2024",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-24",
                "19:02",
                "Iran Update, June 24, 2024",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [3, 4, 4],
    ),
    (
        # An evening round-up's page: each story an <h2>, its summary, and a short paragraph
        # whose link ("тут", "у матеріалі") is the story's: the heading takes that link.
        "a-round-up-page-headings-and-their-more-links",
        '<article><div class="txt"><p>РБК-Україна зібрало найважливіші новини 25 червня.</p>\n'
        "<h2>Росіяни вдарили по Харкову керованими бомбами</h2>\n"
        "<p>Вдень 25 червня російські війська завдали удару КАБами по Основ'янському району.</p>\n"
        '<p>Детальніше про це – у матеріалі <a href="https://censor.net/news/3496029/">'
        "РБК-Україна</a>.</p>\n"
        "<h2>Рада ухвалила закон про множинне громадянство</h2>\n"
        '<p>Детальніше – <a href="https://censor.net/news/3496031/">тут</a>.</p>\n'
        "<h2>Сили оборони відбили 21 атаку на Покровському напрямку</h2>\n"
        '<p>Детальніше читайте в <a href="https://censor.net/news/3496033/">матеріалі</a>.</p>\n'
        "</div></article>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Росіяни вдарили по Харкову керованими бомбами",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Рада ухвалила закон про множинне громадянство",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Сили оборони відбили 21 атаку на Покровському напрямку",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [1, 3, 4, 6, 8],
    ),
    (
        # Telegram Web's posts copied: each post's views and time after it ("412K 14:03",
        # "356K edited 19:27"); "Подробнее — на сайте" ends a post and is no headline.
        "telegram-web-posts-with-views-and-time-after",
        "June 24\n"
        "Zelensky says Russia should attend the second peace summit\n"
        "«If the whole world wants it, we will not be against», the president said.\n"
        "Подробнее — на сайте «Медузы».\n"
        "412K 14:03\n"
        "Trump picks Vance as his running mate. He opposes aid to Ukraine\n"
        "356K edited 19:27\n"
        "Today\n"
        "Healey arrives in Odesa and promises faster deliveries\n"
        "https://censor.net/news/3496029/\n"
        "201K 21:15",
        "censor",
        [
            (
                "2024-06-24",
                "14:03",
                "Zelensky says Russia should attend the second peace summit",
                "",
                "censor",
            ),
            (
                "2024-06-24",
                "19:27",
                "Trump picks Vance as his running mate. He opposes aid to Ukraine",
                "",
                "censor",
            ),
            (
                "2024-06-25",
                "21:15",
                "Healey arrives in Odesa and promises faster deliveries",
                "https://censor.net/news/3496029/",
                "censor",
            ),
        ],
        [3, 4],
    ),
    (
        # An article's Markdown (a "war latest" saved from the reader's view): a kicker in bold
        # before each link, a remark after a comma, a link that is a word of a sentence, a
        # call to become a member in italics.
        "markdown-key-developments-with-kickers",
        "**Key developments on June 25:**\n\n"
        "- **Diplomacy:** [Zelensky says Russia should attend second peace summit]"
        "(https://censor.net/news/3496029/)\n"
        "- **Hungary:** [Orban tells EU leaders Trump will act as 'peace broker']"
        "(https://censor.net/news/3496031/), according to a letter seen by media\n"
        "- **Kharkiv:** [Russian guided bomb attack on Kharkiv injures 17]"
        "(https://censor.net/news/3496033/)\n\n"
        "A Russian attack on Kharkiv injured 17 people, Governor Oleh Syniehubov "
        "[reported](https://t.me/synegubov/10245).\n\n"
        "*Hi, this is Olena. Ukraine war latest is free: [become a member]"
        "(https://censor.net/membership/) to support our journalism.*",
        "",
        [
            (
                "2024-06-25",
                None,
                "Zelensky says Russia should attend second peace summit",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Orban tells EU leaders Trump will act as 'peace broker'",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russian guided bomb attack on Kharkiv injures 17",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [1, 7, 9],
    ),
    (
        # Dates as more sites write them: year first with dots (LRT), month and day with a
        # dash and no year (Yonhap), "16 July ,2024: 02:35 PM GST" (Al Arabiya: a Gulf time,
        # UTC+4, moved into Kyiv's); a " – LIVE" badge left out with its dash.
        "dates-year-first-month-day-dashed-and-gulf-time",
        "Lithuanian foreign minister visits Kyiv, pledges more drones\n"
        "2024.06.25 14:32\n"
        "Zelensky wants Russia at next peace summit – LIVE\n"
        "06-25 08:50\n"
        "Russia says it downed Ukrainian drones over Crimea\n"
        "Published: 24 June ,2024: 02:35 PM GST\n",
        "censor",
        [
            (
                "2024-06-25",
                "14:32",
                "Lithuanian foreign minister visits Kyiv, pledges more drones",
                "",
                "censor",
            ),
            ("2024-06-25", "08:50", "Zelensky wants Russia at next peace summit", "", "censor"),
            (
                "2024-06-24",
                "14:35",  # (without the site's time zone, as written: see the test below)
                "Russia says it downed Ukrainian drones over Crimea",
                "",
                "censor",
            ),
        ],
        [],
    ),
    (
        # Words for screen readers in a headline's link, hidden by a class the page's style
        # sheet clips to a pixel (BBC's "Відео, " and duration) or a usual name ("sr-only"):
        # no part of the headline (elsewhere they are read: Al Jazeera's date is only there).
        "screen-reader-words-in-a-headlines-link",
        "<html><head><style>.vh{clip-path:inset(100%);clip:rect(1px,1px,1px,1px);height:1px;"
        "overflow:hidden;position:absolute;width:1px}</style></head><body><ul>\n"
        '<li><h2><a href="https://censor.net/news/3496029/"><span class="vh">Відео, </span>'
        'Бійці під Покровськом про штурми<span class="vh">, Тривалість 2,31</span></a></h2>\n'
        "</li>\n"
        '<li><h2><a href="https://censor.net/news/3496031/"><span class="sr-only">Video: </span>'
        "Множинне громадянство: кому дозволять</a></h2></li>\n"
        "</ul></body></html>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Бійці під Покровськом про штурми",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Множинне громадянство: кому дозволять",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A page copied whole (Ctrl+A) whose headlines each have an age or a date after them:
        # its menu before the first and its side column and footer after the last are no
        # headlines (ABC News's tag page).
        "a-page-copied-whole-dates-after-headlines",
        "Skip to main content\nABC News\nVideo\nLive\nShows\n"
        "Russia-Ukraine war news and analysis\n"
        "Russia-Ukraine live updates: Zelenskyy wants Russia at next peace summit\n"
        "2 hours ago\n"
        "INTERNATIONAL\n"
        "Russian strikes cut power across Ukraine as heat wave drives up demand\n"
        "Scheduled outages are lasting up to 12 hours in some regions.\n"
        "4 hours ago\n"
        "POLITICS\n"
        "How Trump's running mate JD Vance views the war in Ukraine\n"
        "June 24\n"
        "INTERNATIONAL\n"
        "Kremlin says it welcomes Trump's talk of ending war\n"
        "June 23\n"
        "Load More\n"
        "Your US State Privacy Rights\n"
        "Children's Online Privacy Policy\n"
        "Do Not Sell or Share My Personal Information\n",
        "censor",
        [
            (
                "2024-06-25",
                None,
                "Russia-Ukraine live updates: Zelenskyy wants Russia at next peace summit",
                "",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russian strikes cut power across Ukraine as heat wave drives up demand",
                "",
                "censor",
            ),
            (
                "2024-06-24",
                None,
                "How Trump's running mate JD Vance views the war in Ukraine",
                "",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Kremlin says it welcomes Trump's talk of ending war",
                "",
                "censor",
            ),
        ],
        [1, 2, 3, 4, 5, 9, 11, 13, 16, 19, 6, 20, 21, 22],
    ),
    (
        # Authors' pages and "load more" buttons in other languages: El País's /autor/ between
        # a card's headline and its time, Der Standard's "Weitere Artikel laden".
        "author-links-and-load-more-in-other-languages",
        '<main><article class="c"><h2><a href="https://censor.net/news/3496029/">Rusia lanza '
        "una nueva oleada de drones contra Odesa</a></h2>\n"
        '<div><a href="https://censor.net/autor/luis-de-vega-hernandez/">Luis de Vega</a> '
        '<time datetime="2024-06-25T07:58:11+02:00">25 jun 2024 - 07:58 CEST</time></div>'
        "</article>\n"
        '<article class="c"><h2><a href="https://censor.net/news/3496031/">Zelenski pide que '
        "Rusia participe en la cumbre</a></h2>\n"
        '<div><a href="https://censor.net/autor/cristian-segura/">Cristian Segura</a> '
        '<time datetime="2024-06-25T05:40:07+02:00">25 jun 2024 - 05:40 CEST</time></div>'
        "</article>\n"
        '<div class="more"><a href="https://censor.net/news/?page=2">Weitere Artikel laden</a>'
        "</div></main>",
        "",
        [
            (
                "2024-06-25",
                "07:58",
                "Rusia lanza una nueva oleada de drones contra Odesa",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                "05:40",
                "Zelenski pide que Rusia participe en la cumbre",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [2, 4, 5],
    ),
    (
        # NBC's cards: a kicker that links to the section the headline's link is under (/now
        # over /now/video/…) is no headline; a story shown three times (the lead, its picture's
        # label, its card) is one story, not an author's name on every item.
        "section-kicker-links-and-a-story-shown-three-times",
        '<main><div class="lead"><h2><a href="https://censor.net/politics/election/vance-1">'
        "Russia watches closely as Trump picks Vance</a></h2>"
        '<a href="https://censor.net/politics/election/vance-1" aria-label="Russia watches '
        'closely as Trump picks Vance"><img src="v.jpg" alt=""></a></div>\n'
        '<div class="card"><div class="unibrow"><a href="https://censor.net/politics/election">'
        "2024 Election</a></div>\n"
        '<a href="https://censor.net/politics/election/vance-1"><h2>Russia watches closely as '
        "Trump picks Vance</h2></a><div>June 25, 2024</div></div>\n"
        '<div class="card"><div class="unibrow"><a href="https://censor.net/now">NBC News NOW'
        "</a></div>\n"
        '<a href="https://censor.net/now/video/drone-factory-2"><h2>Inside the Ukrainian '
        "factory racing to build long-range drones</h2></a><div>June 24, 2024</div></div>"
        "</main>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Russia watches closely as Trump picks Vance",
                "https://censor.net/politics/election/vance-1",
                "censor",
            ),
            (
                "2024-06-24",
                None,
                "Inside the Ukrainian factory racing to build long-range drones",
                "https://censor.net/now/video/drone-factory-2",
                "censor",
            ),
        ],
        [2, 3, 4],
    ),
    (
        # RIA's tags between a card's title and its time (/location_Kharkov/,
        # /organization_…/): an index's links, no headlines, which took the card's time.
        "taxonomy-links-named-with-an-underscore",
        '<div class="list"><div class="list-item"><a href="https://censor.net/20240625/kh-1">'
        "В Харькове и области прогремели взрывы</a>\n"
        '<div class="info"><a href="https://censor.net/organization_Ministerstvo_oborony_RF/">'
        'Министерство обороны РФ</a><div class="list-item__date">21:51</div></div></div>\n'
        '<div class="list-item"><a href="https://censor.net/20240625/vsu-2">Минобороны '
        "сообщило о поражении пунктов дислокации</a>\n"
        '<div class="info"><a href="https://censor.net/location_Kharkov/">Харьков</a>'
        '<div class="list-item__date">15:40</div></div></div></div>',
        "",
        [
            (
                "2024-06-25",
                "21:51",
                "В Харькове и области прогремели взрывы",
                "https://censor.net/20240625/kh-1",
                "censor",
            ),
            (
                "2024-06-25",
                "15:40",
                "Минобороны сообщило о поражении пунктов дислокации",
                "https://censor.net/20240625/vsu-2",
                "censor",
            ),
        ],
        [2, 4],
    ),
    (
        # BBC's cards are classed "promo-text": parts of the listing, not promotions; its
        # "Найпопулярніше" beside them is a side column, even where it repeats a card.
        "cards-classed-promo-and-a-most-read-block",
        "<main><ul>"
        + "".join(
            f'<li><div class="promo-text"><h2><a href="https://censor.net/news/{n}/">{title}'
            f'</a></h2><time datetime="2024-06-{day}">{day} червня 2024</time></div></li>\n'
            for n, title, day in (
                (1, "Удар по Харкову: що відомо про жертви", 25),
                (2, "Множинне громадянство: кому дозволять", 25),
                (3, "Охматдит тиждень потому: як працює лікарня", 23),
            )
        )
        + '</ul><section><div><h2>Найпопулярніше</h2></div><ol><li><span>1</span><a href="'
        'https://censor.net/news/9/">Як змінилися правила бронювання</a></li><li><span>2</span>'
        '<a href="https://censor.net/news/1/">Удар по Харкову: що відомо про жертви</a></li>'
        "</ol></section></main>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Удар по Харкову: що відомо про жертви",
                "https://censor.net/news/1/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Множинне громадянство: кому дозволять",
                "https://censor.net/news/2/",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Охматдит тиждень потому: як працює лікарня",
                "https://censor.net/news/3/",
                "censor",
            ),
        ],
        [4, 4, 4],
    ),
    (
        # The Japan Times copied: a rubric with a slash over each card, a byline and the
        # agency's name under it, then its date: dates that follow their headlines. A video's
        # length under its headline is no time.
        "bylines-then-dates-after-their-headlines",
        "WORLD / POLITICS\n"
        "Zelenskyy says Russia should attend next peace summit\n"
        "BY TOM BALMFORTH\n"
        "REUTERS\n"
        "Jun 25, 2024\n"
        "ASIA PACIFIC / POLITICS\n"
        "Kishida and Zelenskyy discuss Russia-North Korea military ties by phone\n"
        "KYODO\n"
        "Jun 25, 2024\n"
        "VIDEO\n"
        "WATCH: Ukrainian sea drones chase Russian patrol boat in Black Sea\n"
        "1:12\n"
        "Jun 24, 2024\n"
        "COMMENTARY / WORLD\n"
        "Why Japan cannot afford Ukraine fatigue\n"
        "BY YOICHI FUNABASHI\n"
        "Jun 23, 2024\n",
        "censor",
        [
            (
                "2024-06-25",
                None,
                "Zelenskyy says Russia should attend next peace summit",
                "",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Kishida and Zelenskyy discuss Russia-North Korea military ties by phone",
                "",
                "censor",
            ),
            (
                "2024-06-24",
                None,
                "WATCH: Ukrainian sea drones chase Russian patrol boat in Black Sea",
                "",
                "censor",
            ),
            ("2024-06-23", None, "Why Japan cannot afford Ukraine fatigue", "", "censor"),
        ],
        [1, 3, 4, 6, 8, 10, 12, 14, 16],
    ),
    (
        # Blogger: each post's moment in an <abbr class="published"> whose title gives it with
        # its offset (the blog's zone, Amsterdam's; read here without the site's zone: as
        # written), not the time its text shows ("2:03 PM" is 14:03 too, "11:41 PM" 23:41).
        "blogger-posts-with-abbr-published",
        '<div class="post-outer"><h3 class="post-title"><a href="https://censor.net/2024/06/'
        "t-90m.html\">A T-90M Too Far: Ukraine Captures Russia's Most Advanced Tank</a></h3>"
        '<div class="post-footer">Posted by Jakub at <a class="timestamp-link" rel="bookmark" '
        'href="https://censor.net/2024/06/t-90m.html"><abbr class="published" '
        'itemprop="datePublished" title="2024-06-25T14:03:00+02:00">2:03 PM</abbr></a></div>'
        "</div>\n"
        '<div class="post-outer"><h3 class="post-title"><a href="https://censor.net/2024/06/'
        'bradleys.html">Bradleys Beyond Avdiivka: Documenting the Losses</a></h3>'
        '<div class="post-footer">Posted by Stijn at <a class="timestamp-link" rel="bookmark" '
        'href="https://censor.net/2024/06/bradleys.html"><abbr class="published" '
        'title="2024-06-24T23:41:00+02:00">11:41 PM</abbr></a></div></div>',
        "",
        [
            (
                "2024-06-25",
                "14:03",
                "A T-90M Too Far: Ukraine Captures Russia's Most Advanced Tank",
                "https://censor.net/2024/06/t-90m.html",
                "censor",
            ),
            (
                "2024-06-24",
                "23:41",
                "Bradleys Beyond Avdiivka: Documenting the Losses",
                "https://censor.net/2024/06/bradleys.html",
                "censor",
            ),
        ],
        [1, 2],
    ),
    (
        # A Slack channel copied: each shared link's preview gives its site's name, then the
        # article's title (the headline), then its description; the chatter's words before
        # the link are chat.
        "chat-link-previews-give-the-headline",
        "#digest-desk\nStarred\n23 members\nMessages\nFiles\nPins\n"
        "Monday, June 24th\n"
        "Iryna Hnatiuk\n"
        "  9:04 AM\n"
        "Air Force: 22 of 24 Shaheds downed overnight https://censor.net/news/3496029/\n"
        "Censor.NET\n"
        "Air Force: Ukraine downs 22 of 24 Shahed drones launched overnight\n"
        "Ukraine’s air defense forces destroyed 22 of the 24 Shahed-type attack drones.\n"
        "Oleh Kravets\n"
        "  10:37 AM\n"
        "Reuters has the Orban letter, worth a headline? "
        "https://www.pravda.com.ua/news/2024/06/24/7461020/ (edited)\n"
        "Ukrainska Pravda\n"
        "Orban tells EU leaders Trump will act as peace broker in Ukraine\n",
        "",
        [
            (
                "2024-06-24",
                "09:04",
                "Air Force: Ukraine downs 22 of 24 Shahed drones launched overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-24",
                "10:37",
                "Orban tells EU leaders Trump will act as peace broker in Ukraine",
                "https://www.pravda.com.ua/news/2024/06/24/7461020/",
                "pravda",
            ),
        ],
        [1, 2, 3, 4, 5, 6, 8, 11, 12, 13, 14, 17, 18],
    ),
    (
        # An X (Twitter) profile copied: each post's header (name, @handle, "·", its age or
        # date) comes before its text, which is the headline; its link card's "From site",
        # counts and the page's own lines are none. Imported for a day, "1h" is that day.
        "x-profile-posts-with-ages-before-them",
        "To view keyboard shortcuts, press question mark\nHome\nExplore\nNotifications\n"
        "Messages\nCensor NET\n@censor_net\n·\nJun 23\n"
        "General Staff confirms strike on a Russian Buk-M3 air defense system\n"
        "From kyivindependent.com\n14\n98\n"
        "Censor NET\n@censor_net\n·\n1h\n"
        "Russian glide bomb attack on Kharkiv injures 17, including 2 children.\n"
        "Read more: kyivindependent.com/russian-glide-…\nFrom kyivindependent.com\n"
        "Censor NET reposted\n"
        "Who to follow\nTerms of Service\n",
        "censor",
        [
            (
                "2024-06-23",
                None,
                "General Staff confirms strike on a Russian Buk-M3 air defense system",
                "",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Russian glide bomb attack on Kharkiv injures 17, including 2 children.",
                "",
                "censor",
            ),
        ],
        [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23],
    ),
    (
        # A Bluesky (or Facebook) post copied with its link card: the post's words, then the
        # card's site ("censor.net"), its title, which is the headline, and its description.
        "post-with-a-link-card-copied",
        "Home\nSearch\nNotifications\nChat\nFeeds\nLists\n"
        "Censor NET\n@censor.net\n·\n2h\n"
        "⚡️ Ukraine's parliament passes law allowing multiple citizenship.\n"
        "censor.net/news/34960…\n"
        "censor.net\n"
        "Ukraine's parliament passes law allowing multiple citizenship\n"
        "The Verkhovna Rada voted 246 in favor of a bill that would allow it.\n"
        "6\n72\n",
        "censor",
        [
            (
                "2024-06-25",
                None,
                "Ukraine's parliament passes law allowing multiple citizenship",
                "",
                "censor",
            ),
        ],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17],
    ),
    (
        # A PDF press review copied as text: a title wrapped without a hyphen ("… до" /
        # "17"), a word hyphenated at the break, links broken at a '/' and at a '-'.
        "pdf-copy-wrapped-titles-and-links-broken-at-a-slash",
        "1.2. У Харкові після удару КАБом зросла кількість поранених до\n"
        "17\n"
        "Суспільне, 25.06.2024, 14:05\n"
        "Кількість поранених внаслідок удару по Основ'ян-\n"
        "ському району зросла до 17 осіб.\n"
        "https://www.pravda.com.ua/news/2024/06/25/\n"
        "7461020/\n"
        "2.1. UN monitors say children's hospital in Kyiv was likely hit by a Russian\n"
        "missile\n"
        "Reuters, 25.06.2024, 16:45\n"
        "https://censor.net/news/3496029-un-monitors-say-childrens-\n"
        "hospital-hit/\n",
        "",
        [
            (
                "2024-06-25",
                "14:05",
                "У Харкові після удару КАБом зросла кількість поранених до 17",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
            (
                "2024-06-25",
                "16:45",
                "UN monitors say children's hospital in Kyiv was likely hit by a Russian missile",
                "https://censor.net/news/3496029-un-monitors-say-childrens-hospital-hit/",
                "censor",
            ),
        ],
        [4],
    ),
    (
        # Links a copy rewrote or a redirect wraps, to the article they stand for: the Wayback
        # Machine's and archive.today's copies of a page, DuckDuckGo's, Yahoo's and Substack's
        # redirects (a token whose payload holds the address).
        "archived-copies-and-search-and-newsletter-redirects",
        "<ul>"
        '<li><a href="https://web.archive.org/web/20240625183012/https://censor.net/news/3496029/">'
        "Air defence downs 22 of 24 drones overnight</a></li>\n"
        '<li><a href="https://archive.ph/o/Xq7Lm/https://censor.net/news/3496031/">Rada passes '
        "the dual citizenship law</a></li>\n"
        '<li><a href="https://duckduckgo.com/l/?uddg=https%3A%2F%2Fcensor.net%2Fnews%2F3496033%2F'
        '&amp;rut=abc">Healey visits Odesa on his first trip</a></li>\n'
        '<li><a href="https://r.search.yahoo.com/_ylt=AwrFA/RV=2/RE=1721/RO=10/RU=https%3a%2f%2f'
        'censor.net%2fnews%2f3496034%2f/RK=2/RS=x-">Zelensky wants Russia at the summit</a>'
        "</li>\n"
        '<li><a href="https://substack.com/redirect/2/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlIjogImh0dHBzOi8vY2Vuc29yLm5ldC9uZXdzLzM0OTYwMzUvIiwgInAiOiAxfQ.c2ln">Orban writes to EU leaders'
        "</a></li></ul>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Healey visits Odesa on his first trip",
                "https://censor.net/news/3496033/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Zelensky wants Russia at the summit",
                "https://censor.net/news/3496034/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Orban writes to EU leaders",
                "https://censor.net/news/3496035/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A results page saved by Chrome: its address in the comment at its top completes its
        # relative links (Google's /url?q=…); the outlet's name over a title in one link is no
        # headline; links to searches (Bing's "Sort by", related searches) are none.
        "a-results-page-saved-from-its-address",
        "<!DOCTYPE html>\n<!-- saved from url=(0044)https://www.google.com/search?q=war&tbm=nws"
        ' -->\n<html><body><div id="rso">'
        '<div class="SoaBEf"><a href="/url?q=https://censor.net/news/3496029/&amp;sa=U">'
        '<div class="MgUUmf">The Censor Net</div><div role="heading">Air defence downs 22 of 24 '
        "drones overnight</div></a><span>2 hours ago</span></div>\n"
        '<div class="SoaBEf"><a href="/url?q=https://censor.net/news/3496031/&amp;sa=U">'
        '<div class="MgUUmf">The Censor Net</div><div role="heading">Rada passes the dual '
        "citizenship law</div></a><span>5 hours ago</span></div></div>\n"
        '<a href="/search?q=war+map&amp;tbm=nws">russia ukraine war map today</a>'
        "</body></html>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [3, 4, 5],
    ),
    (
        # Team chats copied: Discord's "Name — Yesterday at 9:04 AM" and Teams' "7/24 1:02 PM"
        # under a name date the messages below; a notice ("… joined the party.") is none;
        # Teams' preview gives the link's title, its description, then its site.
        "team-chat-headers-notices-and-teams-previews",
        "Iryna Hnatiuk — Yesterday at 9:02 AM\n"
        "morning all 👋 starting the list\n"
        "Iryna Hnatiuk — Yesterday at 9:04 AM\n"
        "Air Force: 22 of 24 Shaheds downed https://censor.net/news/3496029/\n"
        "Mariia Bondar joined the party. — Yesterday at 11:20 AM\n"
        "Mariia Bondar\n"
        "6/25 1:02 PM\n"
        "Japan money arrived\n"
        "https://www.pravda.com.ua/news/2024/06/25/7461020/\n"
        "Japan transfers $1.9 billion to Ukraine via World Bank\n"
        "Japan has transferred $1.9 billion to Ukraine through a World Bank mechanism.\n"
        "www.pravda.com.ua\n"
        "Oleh Kravets — Today at 8:20 AM\n"
        "Rada passes the dual citizenship law https://censor.net/news/3496031/\n",
        "",
        [
            (
                "2024-06-24",
                "09:04",
                "Air Force: 22 of 24 Shaheds downed",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                "13:02",
                "Japan transfers $1.9 billion to Ukraine via World Bank",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
            (
                "2024-06-25",
                "08:20",
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [5, 6, 11, 10, 12, 2],
    ),
    (
        # A monitoring mail: each headline with its outlet and moment in parentheses after it
        # ("16.07 07:12": a day and month, then the time), its link on the next line.
        "monitoring-mail-outlet-and-moment-in-parentheses",
        "ФРОНТ\n"
        "1. * Повітряні сили: за ніч збили 22 з 24 дронів (Українська правда, 25.06 07:12)\n"
        "https://www.pravda.com.ua/news/2024/06/25/7461020/\n"
        "2. Сили оборони відбили 24 атаки на Покровському напрямку (Цензор, 24.06 22:05)\n"
        "https://censor.net/news/3496029/\n",
        "",
        [
            (
                "2024-06-25",
                "07:12",
                "Повітряні сили: за ніч збили 22 з 24 дронів",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
            (
                "2024-06-24",
                "22:05",
                "Сили оборони відбили 24 атаки на Покровському напрямку",
                "https://censor.net/news/3496029/",
                "censor",
            ),
        ],
        [1],
    ),
    (
        # A newsletter's post (Substack): each item "Title — <a>Outlet</a>", the link on the
        # outlet's name; its own other issues, dated, under "Ready for more?" are none.
        "newsletter-items-credited-to-their-outlets-link",
        '<article><div class="body"><h3>Главное за день</h3><ul>'
        "<li><p>Министр обороны Великобритании Джон Хили приехал в Одессу — "
        '<a href="https://censor.net/news/3496029/">Censor.NET</a></p></li>\n'
        "<li><p>Зеленский подписал закон о множественном гражданстве — "
        '<a href="https://www.pravda.com.ua/news/2024/06/25/7461020/">Українська правда</a>'
        "</p></li>\n"
        "<li><p>Харьков снова под ударом КАБов: ранены 17 человек — "
        '<a href="https://censor.net/news/3496031/">Censor</a></p></li></ul></div></article>\n'
        '<div class="more-posts"><h2>Ready for more?</h2>'
        '<div class="post-preview"><a href="https://frontityl.substack.com/p/svodka-15">Сводка, '
        '24 июня: Вэнс, Орбан и «саммит мира»</a><time datetime="2024-06-24T17:04:02.000Z">'
        "Jun 24</time></div>"
        '<div class="post-preview"><a href="https://frontityl.substack.com/p/svodka-12">Сводка, '
        '21 июня: саммит НАТО закончился</a><time datetime="2024-06-21T17:01:00.000Z">Jun 21'
        "</time></div></div>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Министр обороны Великобритании Джон Хили приехал в Одессу",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Зеленский подписал закон о множественном гражданстве",
                "https://www.pravda.com.ua/news/2024/06/25/7461020/",
                "pravda",
            ),
            (
                "2024-06-25",
                None,
                "Харьков снова под ударом КАБов: ранены 17 человек",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [1, 4, 4, 4],
    ),
    (
        # Element (Matrix) copied: a bare link, then its preview's site ("The New York Times",
        # its initials are the host's) and title, which takes the link; a chat's talk, many
        # lines of it among few links, is no headline.
        "chat-bare-links-with-their-preview-site-and-title",
        "Iryna Hnatiuk\n09:04\nhttps://censor.net/news/3496029/\nThe Censor\n"
        "Air defence downs 22 of 24 drones overnight\n"
        "Oleh K.\n10:23\nsorry, wrong date on the one above, this is from yesterday\n"
        "Iryna Hnatiuk\n18:47\nhttps://www.nytimes.com/2024/06/25/world/europe/toretsk.html\n"
        "The New York Times\nRussia Grinds Toward Toretsk as Ukraine's Defenses Strain\n"
        "Mariia Bondar\n19:02\nthanks, taking both of them for tonight's digest\n"
        "Oleh Kravets\n23:10\nhttps://censor.net/news/3496031/\nThe Censor\n"
        "Rada passes the dual citizenship law\n",
        "",
        [
            (
                "2024-06-25",
                "09:04",
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                "18:47",
                "Russia Grinds Toward Toretsk as Ukraine's Defenses Strain",
                "https://www.nytimes.com/2024/06/25/world/europe/toretsk.html",
                "",
            ),
            (
                "2024-06-25",
                "23:10",
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [1, 4, 6, 9, 12, 14, 17, 20, 8, 16],
    ),
    (
        # Aggregators' items: DuckDuckGo's date in ISO form with seven figures after the
        # seconds (midnight: a day alone), Yahoo's provider and age run together
        # ("Newsweek•2 days ago", "The Telegraphyesterday"), and its native ad.
        "aggregator-labels-iso-text-dates-and-native-ads",
        '<div class="result"><h2><a href="https://censor.net/news/3496029/">Zelensky says Russia '
        "should attend second peace summit</a></h2><span>2024-06-24T17:22:00.0000000</span></div>\n"
        '<div class="result"><h2><a href="https://censor.net/news/3496031/">Russia is losing tanks '
        "faster than it can make them</a></h2><span>2024-06-23T00:00:00.0000000</span></div>\n"
        "<ul><li><div><span>Newsweek</span><i>•</i><span>2 days ago</span></div><h3>"
        '<a href="https://censor.net/news/3496033/">Map shows the drone strikes deep inside '
        "Russia</a></h3></li>\n"
        '<li><div><span>The Telegraph</span><span>yesterday</span></div><h3><a href="https://'
        'censor.net/news/3496034/">Putin preparing a new mobilisation wave</a></h3></li>\n'
        '<li><div><a href="https://legal.yahoo.com/adinfo/">Ad</a><span>Sponsored by Liberty '
        'Mutual</span></div><h3><a href="https://beap.gemini.yahoo.com/mbclk?bv=1.0.0">Drivers '
        "Who Switch Save an Average of $652</a></h3></li></ul>",
        "",
        [
            (
                "2024-06-24",
                "17:22",
                "Zelensky says Russia should attend second peace summit",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-24",
                None,
                "Putin preparing a new mobilisation wave",
                "https://censor.net/news/3496034/",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Russia is losing tanks faster than it can make them",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-23",
                None,
                "Map shows the drone strikes deep inside Russia",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [5, 5],
    ),
    (
        # A newsletter forwarded and copied from Gmail, or read on LinkedIn: the mail's
        # subject and sender, the forward's marker, "open it in a browser", calls to listen or
        # watch, LinkedIn's own lines are none of its headlines.
        "forwarded-newsletter-and-linkedin-chrome",
        "Fwd: Ранок із Суспільним: Гілі в Одесі\n"
        "Oleh Kravets <oleh.kravets@digest-desk.org>\n"
        "---------- Forwarded message ---------\n"
        "Якщо лист відображається некоректно, відкрийте його в браузері\n"
        "Air defence downs 22 of 24 drones overnight https://censor.net/news/3496029/\n"
        "Rada passes the dual citizenship law https://censor.net/news/3496031/\n"
        "Healey visits Odesa on his first trip https://censor.net/news/3496033/\n"
        "Слухайте нас у застосунку «Суспільне Мовлення»\n"
        "Try Premium for UAH0\n"
        "Report this article\n"
        "More articles by Olena Marchenko\n",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Healey visits Odesa on his first trip",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [1, 2, 3, 4, 8, 9, 10, 11],
    ),
    (
        # Links that are no stories: an archive's own pages around its copy (archive.ph's
        # header), a page's tag seen through the archive, a call to give ("Buy me a coffee"),
        # a newsletter's poll (beehiiv's /polls/…?choice=…).
        "archive-chrome-giving-and-poll-links",
        '<div id="header"><a href="https://archive.ph/Xq7Lm#report">Webpage Screenshot share '
        'download .zip report bug or abuse</a> <a href="https://www.buymeacoffee.com/archive">Buy '
        "me a coffee</a></div>\n"
        '<ul><li><a href="https://archive.ph/o/Xq7Lm/https://censor.net/tag/ukraine-war-latest/">'
        "Ukraine war latest</a></li>\n"
        '<li><a href="https://archive.ph/o/Xq7Lm/https://censor.net/news/3496029/">Air defence '
        "downs 22 of 24 drones overnight</a></li>\n"
        '<li><a href="https://archive.ph/o/Xq7Lm/https://censor.net/news/3496031/">Rada passes the'
        " dual citizenship law</a></li></ul>\n"
        '<p><a href="https://dispatch.beehiiv.com/polls/7f1c?choice=Great">🟩🟩🟩 Great</a></p>',
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [1, 1, 2, 5],  # (the page's header, each of its links)
    ),
    (
        # Pages' titles as read-later apps and shares keep them: the site's name before the
        # headline, its name and the date after it (DW's), a share's "via @handle".
        "page-titles-with-their-sites-names-and-shares",
        "25.06\n"
        "Censor.NET - Trump picks JD Vance as running mate: what it means for Ukraine\n"
        "https://censor.net/news/3496029/\n"
        "Ukraine updates: Zelenskyy wants Russia at next peace summit – Censor – 06/24/2024\n"
        "https://censor.net/news/3496031/\n"
        "Britain to speed up arms deliveries to Ukraine, Healey says via @censor_net "
        "https://censor.net/news/3496033/\n",
        "",
        [
            (
                "2024-06-25",
                None,
                "Trump picks JD Vance as running mate: what it means for Ukraine",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine updates: Zelenskyy wants Russia at next peace summit",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Britain to speed up arms deliveries to Ukraine, Healey says",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # Notes apps' links: OneNote's "From <https://…>" under what was pasted, a share from
        # a phone with "Shared via Feedly" after its link.
        "notes-apps-from-lines-and-shares",
        "Russian Strike On Odesa Region Damages Port Infrastructure\n"
        " \n"
        "From <https://censor.net/news/3496029/> \n"
        "\n"
        "Ukraine war latest: Russia claims capture of Urozhaine in Donetsk Oblast "
        "https://censor.net/news/3496031/ Shared via Feedly\n",
        "",
        [
            (
                "2024-06-25",
                None,
                "Russian Strike On Odesa Region Damages Port Infrastructure",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Ukraine war latest: Russia claims capture of Urozhaine in Donetsk Oblast",
                "https://censor.net/news/3496031/",
                "censor",
            ),
        ],
        [],
    ),
    (
        # A Google Alerts mail: its results, then Google's own links under them (flag as
        # irrelevant, edit the alert, its feed, feedback): no headlines.
        "google-alerts-mail-and-its-own-links",
        "<table>"
        + "".join(
            f'<tr><td><a href="https://www.google.com/url?rct=j&amp;url=https://censor.net/news/{n}/'
            f'&amp;ct=ga">{title}</a></td></tr>\n'
            '<tr><td><a href="https://www.google.com/alerts/feedback?ffu=https://censor.net/news/'
            f'{n}/&amp;source=alertsmail">Позначити як нерелевантне</a></td></tr>\n'
            for n, title in (
                (3496029, "Air defence downs 22 of 24 drones overnight"),
                (3496031, "Rada passes the dual citizenship law"),
                (3496033, "Healey visits Odesa on his first trip"),
            )
        )
        + '<tr><td><a href="https://www.google.com/alerts/edit?source=alertsmail">Змінити це '
        "сповіщення</a></td></tr></table>",
        "",
        [
            (
                "2024-06-25",
                None,
                "Air defence downs 22 of 24 drones overnight",
                "https://censor.net/news/3496029/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Rada passes the dual citizenship law",
                "https://censor.net/news/3496031/",
                "censor",
            ),
            (
                "2024-06-25",
                None,
                "Healey visits Odesa on his first trip",
                "https://censor.net/news/3496033/",
                "censor",
            ),
        ],
        [2, 4, 6, 7],
    ),
]


def _flat(listing_text: str, source: str) -> list[tuple[str, str | None, str, str, str]]:
    return _dated(parse_listing(listing_text, DEFAULT, SOURCES, source))


@pytest.mark.parametrize(
    ("text", "source", "expected", "dropped"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_listing_shapes(
    text: str,
    source: str,
    expected: list[tuple[str, str | None, str, str, str]],
    dropped: list[int],
) -> None:
    assert _flat(text, source) == expected
    listing = parse_listing(text, DEFAULT, SOURCES, source)
    assert [d.line for d in listing.dropped] == dropped


@pytest.mark.parametrize(
    ("text", "source"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_written_days_read_back_exactly(text: str, source: str) -> None:
    listing = parse_listing(text, DEFAULT, SOURCES, source)
    for day in listing.days:
        path = f"content/digests/{day.date:%Y}/{day.date}.md"
        day_file, problems = parse_day(path, render_day(day.date, day.entries, True))
        assert day_file is not None
        assert [p for p in problems if p.is_error] == []
        written = [(e.title, e.url, e.source, e.time) for e in day.entries if e.url and e.source]
        read = [(h.title, h.url, h.source, h.time) for h in day_file.day.headlines]
        assert read == written
        assert day_file.day.draft


def test_reasons_for_dropped_lines_are_stated() -> None:
    listing = parse_listing(CASES[0][1], DEFAULT, SOURCES)
    assert [(d.line, d.text, d.reason) for d in listing.dropped] == [
        (1, "Read also:", "a section or navigation line, not a headline"),
        (2, "• News", "a section or navigation line, not a headline"),
        (12, "More news", "a section or navigation line, not a headline"),
    ]
    listing = parse_listing("OPINION\nWar:\n⚡️\nhttps://x.org/a", DEFAULT)
    assert [d.reason for d in listing.dropped] == [
        "a rubric line in capitals, not a headline",
        "a heading ending in ':', not a headline",
        "no words: not a headline",
        "a link with no headline before it",
    ]


def test_weekday_that_does_not_match_the_date_is_noted() -> None:
    listing = parse_listing("2024, Friday\n22 June\nA headline", DEFAULT)
    assert listing.days[0].date == dt.date(2024, 6, 22)
    assert [(n.line, n.text, n.reason) for n in listing.notes] == [
        (
            1,
            "2024, Friday",
            "the weekday does not match 2024-06-22, a Saturday; the date was used: check it",
        )
    ]


def test_a_day_that_does_not_exist_is_noted_once() -> None:
    """ "31 лютого" reads as a date but names no day: said, where it went unsaid (the line
    was dropped as a short one, or its headlines went to the day above)."""
    listing = parse_listing("2024, четвер\n31 лютого\nЗеленський провів засідання Ставки", DEFAULT)
    assert [(n.line, n.text, n.reason) for n in listing.notes] == [
        (2, "31 лютого", "no such day (2024-02-31): not read as a date: check it")
    ]


def test_an_age_of_a_day_or_more_in_hours_goes_to_the_day_before_the_one_imported_for() -> None:
    """Imported for a day (--date), a listing was copied late in it: counted from its end,
    "26 hours ago" is the day before (it stayed on the day), "23 hrs ago" that day."""
    text = (
        "Air force says it downed 9 of 13 Russian drones overnight\n23 hrs ago\n"
        "Kremlin says it is ready to study any Ukrainian peace proposal\n26 hours ago\n"
        "Orban writes to EU leaders after his meeting with Trump\n30 годин тому\n"
        "Zelensky visits the front line near Pokrovsk and meets troops\n2 days ago\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date.day, e.title.split()[0]) for day in listing.days for e in day.entries] == [
        (16, "Air"),
        (15, "Kremlin"),
        (15, "Orban"),
        (14, "Zelensky"),
    ]


def test_year_less_day_near_new_year_takes_the_nearest_year() -> None:
    listing = parse_listing("31 грудня\nA headline", dt.date(2025, 1, 2))
    assert listing.days[0].date == dt.date(2024, 12, 31)


def test_new_day_file_text_is_exact() -> None:
    entries = (
        Entry(3, 'Putin: "no talks"', U1, "censor", dt.time(9, 5)),
        Entry(4, "Without a link", "", "espreso"),
        Entry(5, "No source", "https://example.com/", ""),
    )
    assert render_day(dt.date(2024, 6, 21), entries, True) == (
        "---\n"
        "date: 2024-06-21\n"
        "draft: true\n"
        "headlines:\n"
        '  - title: "Putin: \\"no talks\\""\n'
        f'    url: "{U1}"\n'
        "    source: censor\n"
        '    time: "09:05"\n'
        '  - title: "Without a link"\n'
        '    url: ""\n'
        "    source: espreso\n"
        '  - title: "No source"\n'
        '    url: "https://example.com/"\n'
        '    source: ""\n'
        "---\n"
    )


EXISTING = """\
---
date: 2024-06-21
title: "Existing"   # the editor's comment stays
headlines:
  # Morning
  - title: "Peace Summit"
    url: "{u1}"
    source: censor   # checked
  # evening items go below
summary: 'kept'
---
Commentary stays.
"""


def test_merge_appends_new_entries_and_keeps_everything_else() -> None:
    text = EXISTING.format(u1=U1)
    entries = (
        Entry(1, "Peace summit, again", U1, "censor"),
        Entry(2, "peace summit", U2, "ukrinform"),
        Entry(3, "ISW on Putin", U2, "ukrinform", dt.time(19, 2)),
        Entry(4, "No link yet", "", "espreso"),
        Entry(5, "An outlet not in sources.yaml", "https://apnews.com/article/x-1", ""),
    )
    merge = merge_day(text, entries)
    assert [e.title for e in merge.added] == ["ISW on Putin"]
    assert [(s.line, s.reason.split(",")[0]) for s in merge.skipped] == [
        (1, "its link is already on the day"),
        (2, "its headline is already on the day"),
        (4, "it has no link and the day is not a draft"),
        (5, "its link is to apnews.com"),
    ]
    assert "add the outlet there (an id, with name: and url: https://apnews.com/)" in (
        merge.skipped[-1].reason
    )
    expected = text.replace(
        "    source: censor   # checked\n",
        "    source: censor   # checked\n"
        '  - title: "ISW on Putin"\n'
        f'    url: "{U2}"\n'
        "    source: ukrinform\n"
        '    time: "19:02"\n',
    )
    assert merge.text == expected


def test_merge_into_empty_draft_day_with_windows_line_endings() -> None:
    text = "---\r\ndate: 2024-06-21\r\ndraft: true\r\nheadlines: []\r\n---\r\n"
    merge = merge_day(text, (Entry(1, "No link yet", "", "espreso"),))
    assert merge.text == (
        "---\r\ndate: 2024-06-21\r\ndraft: true\r\nheadlines:\r\n"
        '  - title: "No link yet"\r\n    url: ""\r\n    source: espreso\r\n---\r\n'
    )


def test_merge_keeps_the_lists_own_indentation() -> None:
    text = '---\ndate: 2024-06-21\nheadlines:\n- title: "A"\n  url: "https://a.org/1"\n  source: censor\n---\n'
    merge = merge_day(text, (Entry(1, "B", "https://a.org/2", "censor"),))
    assert merge.text.endswith(
        '  source: censor\n- title: "B"\n  url: "https://a.org/2"\n  source: censor\n---\n'
    )
    day_file, problems = parse_day("content/digests/2024-06-21.md", merge.text)
    assert day_file is not None and len(day_file.day.headlines) == 2, problems


def test_times_a_page_gives_with_their_offset_are_read_in_the_sites_time_zone() -> None:
    """A <time datetime> in UTC is the site's local date and time: 22:30 UTC on 21 June is
    01:30 on 22 June in Kyiv (summer time), so the headline goes to the 22nd."""
    html = (
        '<ul><li><a href="https://censor.net/en/news/1-one">One item headline here</a>'
        '<time datetime="2024-06-21T22:30:00Z">21 Jun</time></li>\n'
        '<li><a href="https://censor.net/en/news/2-two">Two item headline here</a>'
        '<time datetime="2024-06-21T10:00">10:00</time></li></ul>'
    )
    listing = parse_listing(html, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d.date.isoformat(), [(e.title, e.time) for e in d.entries]) for d in listing.days] == [
        ("2024-06-22", [("One item headline here", dt.time(1, 30))]),
        ("2024-06-21", [("Two item headline here", dt.time(10, 0))]),  # no offset: as written
    ]
    # Blogger's <abbr class="published" title="…">, in the blog's zone (Amsterdam's).
    blog = next(c[1] for c in CASES if c[0] == "blogger-posts-with-abbr-published")
    listing = parse_listing(blog, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d.date.isoformat(), [e.time for e in d.entries]) for d in listing.days] == [
        ("2024-06-25", [dt.time(15, 3), dt.time(0, 41)])
    ]


def test_solar_hijri_dates_of_iranian_pages_are_read_in_the_common_era() -> None:
    """ISNA writes "۱۴۰۳/۰۴/۲۶ - ۲۱:۰۵": 26 Tir 1403 of the Solar Hijri calendar, 16 July
    2024, at 21:05 in Tehran (UTC+3:30), 20:35 in Kyiv; no day file of the year 1403 (whose
    zones' local mean times moved the clock by 1 h 24 min). The agency's sections
    (/service/International/1) are no headlines."""
    html = (
        '<html lang="fa" dir="rtl"><body><ul class="service-sub">'
        '<li><a href="https://www.isna.ir/service/International/1">آمریکا</a></li>'
        '<li><a href="https://www.isna.ir/service/International/2">اروپا</a></li></ul>'
        '<section class="box"><ul><li><h3><a href="https://www.isna.ir/news/1403042619874/a">'
        "لاوروف در شورای امنیت: غرب نظم را تحمیل می‌کند</a></h3>"
        "<time><a>۱۴۰۳/۰۴/۲۶ - ۲۱:۰۵</a></time></li>"
        '<li><h3><a href="https://www.isna.ir/news/1403042600412/b">'
        "ترامپ رسماً نامزد حزب جمهوری‌خواه شد</a></h3>"
        "<time><a>۱۴۰۳/۰۴/۲۶ - ۰۰:۱۵</a></time></li>"
        '<li><h3><a href="https://www.isna.ir/news/1403123000001/c">'
        "خبر آخرین روز سال کبیسه در تقویم</a></h3>"
        "<time><a>۱۴۰۳/۱۲/۳۰ - ۱۲:۰۰</a></time></li></ul></section></body></html>"
    )
    assert _days_and_times(html) == [
        ("2024-07-16", [("a", dt.time(20, 35))]),
        ("2024-07-15", [("b", dt.time(23, 45))]),  # a quarter past midnight in Tehran
        ("2025-03-20", [("c", dt.time(10, 30))]),  # 30 Esfand (a leap year); Kyiv at UTC+2
    ]
    # Tasnim's and IRNA's months by name; Afghan pages' Dari names (Saratan, the 4th).
    named = (
        '<html lang="fa"><body><ul>'
        '<li><a href="https://www.tasnimnews.com/fa/news/1403/04/26/1/d">'
        "زلنسکی: روسیه باید در نشست صلح حضور داشته باشد</a>"
        "<span>۲۶ تیر ۱۴۰۳ - ۲۱:۰۵</span></li>"
        '<li><a href="https://www.irna.ir/news/85540000/e">'
        "اتحادیه اروپا نشست‌های مجارستان را تحریم کرد</a>"
        "<span>۲۵ تیر ۱۴۰۳، ۱۱:۳۰</span></li>"
        '<li><a href="https://www.tolonews.com/fa/afghanistan-190000/f">'
        "نشست دوحه درباره افغانستان به پایان رسید</a>"
        "<span>۲۴ سرطان ۱۴۰۳</span></li></ul></body></html>"
    )
    assert _days_and_times(named) == [
        ("2024-07-16", [("d", dt.time(20, 35))]),
        ("2024-07-15", [("e", dt.time(11, 0))]),
        ("2024-07-14", [("f", None)]),
    ]


def _days_and_times(page: str) -> list[tuple[str, list[tuple[str, dt.time | None]]]]:
    """Each day of a listing read on 16 July 2024 in Kyiv, with its entries' last URL
    characters and times."""
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    return [(d.date.isoformat(), [(e.url[-1], e.time) for e in d.entries]) for d in listing.days]


def test_links_relative_to_their_page_are_noted_when_nothing_completes_them() -> None:
    html = (
        '<ul><li><a href="/news/2024/06/21/1/">A relative headline link</a></li>\n'
        '<li><a href="/news/2024/06/21/2/">Another relative headline link</a></li></ul>'
    )
    listing = parse_listing(html, DEFAULT, SOURCES)
    assert [(e.title, e.url) for e in listing.days[0].entries] == [
        ("A relative headline link", ""),
        ("Another relative headline link", ""),
    ]
    assert [(n.text, n.reason) for n in listing.notes] == [
        (
            "/news/2024/06/21/1/",
            "links relative to the page they were copied from are left out: give --source "
            "with the id of the outlet whose page it is to complete them",
        )
    ]
    completed = parse_listing(html, DEFAULT, SOURCES, "pravda")
    assert [e.url for e in completed.days[0].entries] == [
        "https://www.pravda.com.ua/news/2024/06/21/1/",
        "https://www.pravda.com.ua/news/2024/06/21/2/",
    ]
    assert completed.notes == ()


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 5000 + '<a href="https://x.org/a">one two three</a>' + "</div>" * 5000,
        '<?xml version="1.0" encoding="utf-8"?><ul><li><a href="https://x.org/1">A b c</a></li>',
        '<p>\x00\x01bad <a href="https://x.org/2">x y z</a>\x0c</p>',
        '<a href="https://[::1">a broken address</a><div>',
        '<a href="javascript:alert(1)">a script link</a><p>',
        '<ul><li><a href="https:///no-host">no host here</a></li><li><a href="mailto:x@y.z">mail us now</a></li>',
        '<div><time datetime="2024-13-45T99:99">bad</time><a href="https://x.org/5">a b c</a></div>'
        '<div><a href="https://x.org/6">d e f</a></div>',
        "<p></p><!-- nothing -->",
    ],
)
def test_broken_and_hostile_html_gives_entries_or_none_never_an_error(html: str) -> None:
    listing = parse_listing(html, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    for day in listing.days:
        for entry in day.entries:
            assert entry.url == "" or entry.url.startswith(("http://", "https://"))
            assert "\x00" not in entry.title


RSS = """\
<?xml version="1.0" encoding="windows-1251"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Ukrinform</title><link>https://www.ukrinform.net/</link>
<item><title>Odesa port hit &amp; damaged</title>
  <link>https://www.ukrinform.net/rubric-ato/1-odesa.html</link>
  <pubDate>Fri, 21 Jun 2024 18:15:00 GMT</pubDate></item>
<item><title><![CDATA[Zelensky meets <b>Orbán</b>]]></title>
  <guid isPermaLink="true">https://censor.net/en/news/2-zelensky</guid>
  <dc:date>2024-06-21T22:02:00+00:00</dc:date></item>
<item><title>Secret: &secret;</title><link>https://example.org/3-secret</link></item>
<item><title>Putin's &lt;red lines&gt; explained</title><link>https://example.org/4-lt</link></item>
<item><description>An item with no title</description></item>
</channel></rss>
"""
ATOM = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.pravda.com.ua/eng/">
  <title>Ukrainska Pravda</title>
  <entry><title type="html">Kyiv &amp;lt;3 F-16s</title>
    <link rel="enclosure" href="/photo.jpg"/><link rel="alternate" href="news/2024/06/21/1/"/>
    <published>2024-06-21T05:40:00Z</published><updated>2024-06-22T08:00:00Z</updated></entry>
  <entry><title>General Staff update</title><link href="https://www.pravda.com.ua/eng/news/2/"/>
    <updated>2024-06-22T06:00:00+03:00</updated></entry>
</feed>
"""


def test_rss_and_atom_feeds_give_their_items_with_links_and_times() -> None:
    """A feed saved or piped in: each item a headline, its time in the site's time zone,
    its link (RSS <link> or permalink <guid>; Atom's alternate link against xml:base); no
    entity is resolved (nothing outside the feed is read)."""
    rss = parse_listing(RSS, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(rss) == [
        (
            "2024-06-21",
            "21:15",
            "Odesa port hit & damaged",
            "https://www.ukrinform.net/rubric-ato/1-odesa.html",
            "ukrinform",
        ),
        (
            "2024-06-22",
            "01:02",
            "Zelensky meets Orbán",
            "https://censor.net/en/news/2-zelensky",
            "censor",
        ),
        ("2024-06-22", None, "Secret: &secret;", "https://example.org/3-secret", ""),
        ("2024-06-22", None, "Putin's <red lines> explained", "https://example.org/4-lt", ""),
    ]
    assert [(n.line, n.text, n.reason) for n in rss.notes] == [
        (13, "<item>", "a feed item with no title: left out")
    ]
    atom = parse_listing(ATOM, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(atom) == [
        (
            "2024-06-21",
            "08:40",
            "Kyiv <3 F-16s",
            "https://www.pravda.com.ua/eng/news/2024/06/21/1/",
            "pravda",
        ),
        (
            "2024-06-22",
            "06:00",
            "General Staff update",
            "https://www.pravda.com.ua/eng/news/2/",
            "pravda",
        ),
    ]


# Feeds saved from a browser, whose own address is lost: a relative link is the feed's
# site's, by the address the feed gives of itself (rel="self"), else of its site.
SAVED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ausland</title>
<link rel="alternate" href="https://www.spiegel.de/ausland/"/>
<link rel="self" href="https://www.spiegel.de/ausland/index.atom"/>
<entry><title>Orbáns Brief an die EU</title>
<link rel="enclosure" type="image/jpeg" href="https://cdn.example/abc.jpg"/>
<link rel="alternate" href="/ausland/orban-a-9012.html"/>
<updated>2024-07-15T11:52:00+02:00</updated></entry></feed>
"""
SAVED_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Новини</title>
<link>https://news.example.ua/uk/</link>
<item><title>Удар по Одесі</title><link>news/2024/07/16/1/</link>
<pubDate>Tue, 16 Jul 2024 21:15:00 +0300</pubDate></item></channel></rss>
"""


def test_a_saved_feeds_relative_links_are_its_sites() -> None:
    atom = parse_listing(SAVED_ATOM, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(e.title, e.url) for d in atom.days for e in d.entries] == [
        ("Orbáns Brief an die EU", "https://www.spiegel.de/ausland/orban-a-9012.html")
    ]
    rss = parse_listing(SAVED_RSS, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(e.title, e.url) for d in rss.days for e in d.entries] == [
        ("Удар по Одесі", "https://news.example.ua/uk/news/2024/07/16/1/")
    ]
    given = parse_listing(  # fetched from its address: that is what its links are relative to
        SAVED_RSS, DEFAULT, SOURCES, timezone="Europe/Kyiv", page_url="https://news.example.ua/rss/"
    )
    assert [e.url for d in given.days for e in d.entries] == [
        "https://news.example.ua/rss/news/2024/07/16/1/"
    ]


# A feed whose dates are written in its site's language, not as RSS says (RFC 822).
LOCAL_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Новини</title><link>https://news.example.ua/</link>
<item><title>Удар по Києву</title><link>https://news.example.ua/1</link>
<pubDate>Вт, 16 лип 2024 21:15:00 +0300</pubDate></item>
<item><title>Обстріл Харкова</title><link>https://news.example.ua/2</link>
<pubDate>16 липня 2024 18:02</pubDate></item>
<item><title>Late news</title><link>https://news.example.ua/3</link>
<pubDate>Tue, 16 Jul 2024 22:30:00 GMT</pubDate></item>
<item><title>Взрывы в Одессе</title><link>https://news.example.ua/4</link>
<pubDate>16 июля 2024, 23:40 MSK</pubDate></item>
<item><title>Ночная атака</title><link>https://news.example.ua/5</link>
<pubDate>вторник, 16 июля 2024 23:59:00 -0100</pubDate></item>
<item><title>Undated</title><link>https://news.example.ua/6</link><pubDate>soon</pubDate></item>
</channel></rss>
"""


def test_a_feeds_dates_in_its_sites_language_are_read() -> None:
    """Dates a feed writes in Ukrainian or Russian (a weekday, a month's name, seconds, an
    offset or a zone's letters) are read as a listing's date lines are, in the site's time
    zone when they give their offset (UTC's letters too; other letters: as written). One
    that cannot be read is said so, with the day its headline goes to."""
    listing = parse_listing(LOCAL_RSS, DEFAULT, timezone="Europe/Kyiv")
    site = "https://news.example.ua/"
    assert _dated(listing) == [
        ("2024-07-16", "21:15", "Удар по Києву", site + "1", ""),
        ("2024-07-16", "18:02", "Обстріл Харкова", site + "2", ""),
        ("2024-07-16", "23:40", "Взрывы в Одессе", site + "4", ""),
        ("2024-07-17", "01:30", "Late news", site + "3", ""),
        ("2024-07-17", "03:59", "Ночная атака", site + "5", ""),
        ("2024-07-17", None, "Undated", site + "6", ""),
    ]
    assert [(n.line, n.text, n.reason) for n in listing.notes] == [
        (
            13,
            "soon",
            "a date that could not be read: the headline goes with the item before it, to "
            "2024-07-17",
        )
    ]
    wrong = parse_listing(LOCAL_RSS.replace("+0300", "+9960"), DEFAULT, timezone="Europe/Kyiv")
    assert _dated(wrong)[0] == ("2024-07-16", "21:15", "Удар по Києву", site + "1", "")
    first = parse_listing(LOCAL_RSS.replace("<pubDate>Вт", "<pubDate>Вт?"), DEFAULT)
    assert first.notes[0].reason == (
        "a date that could not be read: the headline goes to 2024-06-25, the day imported "
        "for (--date sets it)"
    )


def test_russian_listings_are_dated() -> None:
    """Month and weekday names, "today" and ages in Russian, as in English and Ukrainian."""
    text = (
        "пятница, 21 июня 2024\nПервый заголовок\nВчера\n14:30 Второй заголовок\n"
        "Третий заголовок\n2 дня назад"
    )
    listing = parse_listing(text, DEFAULT, now=dt.datetime(2024, 6, 25, 1, 30))
    assert _dated(listing) == [
        ("2024-06-21", None, "Первый заголовок", "", ""),
        ("2024-06-24", "14:30", "Второй заголовок", "", ""),
        ("2024-06-23", None, "Третий заголовок", "", ""),
    ]
    assert not listing.notes and not listing.dropped


def _read(text: str, source: str = "", home: str = "") -> list[tuple[str, str | None, str]]:
    """What a listing imported for 16 July 2024 gives in Kyiv's time: (day, time, title)."""
    listing = parse_listing(
        text, dt.date(2024, 7, 16), {source: home} if source else {}, source, timezone="Europe/Kyiv"
    )
    return [(d, t, title) for d, t, title, *_ in _dated(listing)]


def _dated(listing: Listing) -> list[tuple[str, str | None, str, str, str]]:
    return [
        (day.date.isoformat(), f"{e.time:%H:%M}" if e.time else None, e.title, e.url, e.source)
        for day in listing.days
        for e in day.entries
    ]


def test_hours_ago_date_a_headline_by_when_the_listing_was_copied() -> None:
    """'3 hrs ago' is of the moment the listing was copied (the command passes it when no
    --date is given): at 01:30 on the 25th it is the 24th. Its hour would be a guess: the
    headline gets the day, no time."""
    now = dt.datetime(2024, 6, 25, 1, 30)
    html = (
        '<div><a href="https://censor.net/en/news/1-a"><h2>Drones shot down over Kyiv overnight'
        "</h2><span>3 hrs ago</span></a></div>\n"
        '<div><a href="https://censor.net/en/news/2-b"><h2>Air raid alert is over in Kyiv</h2>'
        "<span>15 хв тому</span></a></div>"
    )
    text = "A headline copied with its age\n2 години тому\nAnother one\nan hour ago"
    assert _dated(parse_listing(html, DEFAULT, SOURCES, now=now)) == [
        (
            "2024-06-24",
            None,
            "Drones shot down over Kyiv overnight",
            "https://censor.net/en/news/1-a",
            "censor",
        ),
        (
            "2024-06-25",
            None,
            "Air raid alert is over in Kyiv",
            "https://censor.net/en/news/2-b",
            "censor",
        ),
    ]
    assert sorted(_dated(parse_listing(text, DEFAULT, now=now))) == [
        ("2024-06-24", None, "A headline copied with its age", "", ""),
        ("2024-06-25", None, "Another one", "", ""),
    ]
    # Without the moment (a listing imported for a --date), it was copied late on that day:
    # hours and minutes ago are that day, days ago count back from it.
    text = "A headline copied with its age\n2 години тому\nAnother one\n2 days ago"
    later = parse_listing(text, DEFAULT)
    assert sorted(_dated(later)) == [
        ("2024-06-23", None, "Another one", "", ""),
        ("2024-06-25", None, "A headline copied with its age", "", ""),
    ]


@pytest.mark.parametrize(
    ("url", "homes", "source"),
    [
        ("https://www.ukrinform.net/rubric-ato/1.html", {"u": "https://www.ukrinform.net/"}, "u"),
        # The longest home page the link is under wins: a section with a source of its own.
        (
            "https://news.example.org/a",
            {"x": "https://example.org/", "n": "https://news.example.org/"},
            "n",
        ),
        # Another host of the same site, when only one source is on that site.
        ("https://www.cnn.com/2024/07/16/europe/x", {"cnn": "https://edition.cnn.com/"}, "cnn"),
        ("https://english.nv.ua/news/x", {"nv": "https://nv.ua/ukr/"}, "nv"),
        (
            "https://www.pravda.com.ua/news/1/",
            {"p": "https://www.pravda.com.ua/", "e": "https://www.epravda.com.ua/"},
            "p",
        ),
        ("https://kharkiv.suspilne.media/x", {"s": "https://suspilne.media/"}, "s"),
        # Two sources on the site: neither is guessed; nor is a site under a country's
        # second-level label taken for another's (bbc.co.uk is not bbc.com).
        (
            "https://c.example.com/x",
            {"a": "https://a.example.com/", "b": "https://b.example.com/"},
            "",
        ),
        ("https://www.bbc.com/news/x", {"bbc": "https://www.bbc.co.uk/"}, ""),
        ("https://www.kyivpost.com/post/1", {"ki": "https://kyivindependent.com/"}, ""),
        # Two sources on one host, told apart by their home pages' paths (DW in English and
        # in Ukrainian); a path under neither takes the first of them.
        (
            "https://www.dw.com/en/a-69676001",
            {"dw": "https://www.dw.com/uk/", "dw-en": "https://www.dw.com/en/"},
            "dw-en",
        ),
        (
            "https://www.dw.com/uk/a-69676002",
            {"dw": "https://www.dw.com/uk/", "dw-en": "https://www.dw.com/en/"},
            "dw",
        ),
        (
            "https://www.dw.com/de/a-69676003",
            {"dw": "https://www.dw.com/uk/", "dw-en": "https://www.dw.com/en/"},
            "dw",
        ),
    ],
)
def test_a_links_source_is_the_one_whose_home_page_or_site_it_is_on(
    url: str, homes: dict[str, str], source: str
) -> None:
    assert match_source(url, homes) == source


# A channel's history as Telegram Desktop exports it (messages.html), cut down.
TELEGRAM_EXPORT = """<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head>
<body><div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">Укрінформ</div></div></div>
<div class="page_body chat_page"><div class="history">
<div class="message service" id="message-1"><div class="body details">16 July 2024</div></div>
<div class="message default clearfix" id="message101"><div class="pull_left userpic_wrap"><div class="initials">У</div></div>
<div class="body"><div class="pull_right date details" title="16.07.2024 09:40:18 UTC+03:00">09:40</div>
<div class="from_name">Укрінформ</div>
<div class="text">🔴 <strong>Air defence downs 22 of 24 drones overnight</strong><br><br>Russia launched Shahed drones from Kursk.<br><br><a href="https://www.ukrinform.net/rubric-ato/1-drones.html?utm_source=telegram">Детальніше</a></div>
<div class="signature details">Марія Шевчук</div></div></div>
<div class="message default clearfix joined" id="message102"><div class="body">
<div class="pull_right date details" title="16.07.2024 11:20:33 UTC+03:00">11:20</div>
<div class="forwarded body"><div class="from_name">Air Force<span class="date details" title="16.07.2024 11:19:58 UTC+03:00"> 16.07.2024 11:19:58</span></div>
<div class="text">Warning! Ballistic missile threat from the south!</div></div></div></div>
<div class="message default clearfix joined" id="message103"><div class="body">
<div class="pull_right date details" title="16.07.2024 20:50:07 UTC+00:00">20:50</div>
<div class="reply_to details">In reply to <a href="#go_to_message101" onclick="return GoToMessage(101)">this message</a></div>
<div class="text"><strong><a href="https://www.ukrinform.net/rubric-ato/2-kharkiv.html">Guided bombs hit Kharkiv: three killed</a></strong><br><br>Rescuers are at work.</div>
<div class="reactions"><div class="reaction"><div class="emoji">👍</div><div class="count">523</div></div></div></div></div>
<div class="message default clearfix joined" id="message104"><div class="body">
<div class="pull_right date details" title="16.07.2024 21:50:00 UTC+03:00">21:50</div>
<div class="text">Subscribe to Ukrinform Kharkiv<br><a href="https://t.me/ukrinform_kharkiv">t.me/ukrinform_kharkiv</a></div></div></div>
</div></div></div></body></html>
"""


def test_a_telegram_desktop_export_gives_one_headline_a_message() -> None:
    """Each message's first line is its headline and the first link to an article in it
    its link, at the message's moment in the site's time zone (20:50 UTC is 23:50 in Kyiv);
    messages without a link to an article (a forwarded alert, a call to subscribe with the
    channel's address) are left out, and said so; names, signatures, replies, reactions
    are no headlines."""
    listing = parse_listing(TELEGRAM_EXPORT, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-07-16",
            "09:40",
            "Air defence downs 22 of 24 drones overnight",
            "https://www.ukrinform.net/rubric-ato/1-drones.html",
            "ukrinform",
        ),
        (
            "2024-07-16",
            "23:50",
            "Guided bombs hit Kharkiv: three killed",
            "https://www.ukrinform.net/rubric-ato/2-kharkiv.html",
            "ukrinform",
        ),
    ]
    assert [(n.text, n.reason) for n in listing.notes] == [
        (
            "Warning! Ballistic missile threat from the south!",
            "a message with no link to an article: left out",
        )
    ]


def test_an_rss_1_item_without_a_link_is_linked_by_its_address() -> None:
    """RSS 1.0 names each item by its address (rdf:about): its link when it has no <link>."""
    feed = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<item rdf:about="https://censor.net/en/news/1-nikopol"><title>Russians shell Nikopol</title>'
        "<dc:date>2024-07-14T09:05:00+03:00</dc:date></item>"
        '<item rdf:about="https://censor.net/en/news/2"><title>Kyiv update</title>'
        "<link>https://censor.net/en/news/2-kyiv</link></item></rdf:RDF>"
    )
    assert _dated(parse_listing(feed, DEFAULT, SOURCES, timezone="Europe/Kyiv")) == [
        (
            "2024-07-14",
            "09:05",
            "Russians shell Nikopol",
            "https://censor.net/en/news/1-nikopol",
            "censor",
        ),
        ("2024-07-14", None, "Kyiv update", "https://censor.net/en/news/2-kyiv", "censor"),
    ]


def _google_news_link(article: str) -> str:
    """A Google News RSS link as it was in 2024: base64 of a record whose first field is the
    article's address (made here as Google made it, to be read back)."""
    record = b"\x08\x13\x22" + bytes([len(article)]) + article.encode() + b"\xd2\x01\x00"
    token = base64.urlsafe_b64encode(record).decode().rstrip("=")
    return f"https://news.google.com/rss/articles/{token}?oc=5"


def test_an_aggregators_feed_gives_the_outlets_articles() -> None:
    """Google News's RSS names each item's outlet (<source>) and ends its title with it; the
    title is the outlet's, and its link the article its id holds. An id that holds no address
    (Google's newer ones) stays a link to Google News, whose site is no source's."""
    article = "https://www.ukrinform.net/rubric-ato/3889012-kharkiv.html"
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Google News</title>'
        f"<item><title>Two civilians killed in Kharkiv region - Укрінформ</title><link>{_google_news_link(article)}</link>"
        "<pubDate>Mon, 15 Jul 2024 21:05:00 GMT</pubDate>"
        '<source url="https://www.ukrinform.net">Укрінформ</source></item>'
        "<item><title>Kremlin reacts to Vance - The Kyiv Independent</title>"
        "<link>https://news.google.com/rss/articles/CBMiT0FVX3lxTE5ISGZ3aXNu?oc=5</link>"
        '<source url="https://kyivindependent.com">The Kyiv Independent</source></item>'
        "</channel></rss>"
    )
    assert _dated(parse_listing(feed, DEFAULT, SOURCES, timezone="Europe/Kyiv")) == [
        ("2024-07-16", "00:05", "Two civilians killed in Kharkiv region", article, "ukrinform"),
        (
            "2024-07-16",
            None,
            "Kremlin reacts to Vance",
            "https://news.google.com/rss/articles/CBMiT0FVX3lxTE5ISGZ3aXNu?oc=5",
            "",
        ),
    ]


def test_a_page_that_builds_its_list_in_the_browser_says_so() -> None:
    """A page saved before its script had shown its whole list (Next.js): the headlines of
    its HTML are read, and a note says how many more links to articles its script data
    holds, and what to do."""
    page = (
        '<html><body><div id="__next"><ul><li><a href="https://censor.net/en/news/1-kharkiv">Three killed in a strike on Kharkiv</a></li>\n'
        '<li><a href="https://censor.net/en/news/2-summit">Zelensky allows Russia at the next summit</a></li></ul></div>\n'
        '<script id="__NEXT_DATA__" type="application/json">{"props":{"news":['
        '{"title":"Three killed in a strike on Kharkiv","url":"/en/news/1-kharkiv"},'
        '{"title":"Zelensky allows Russia at the next summit","url":"/en/news/2-summit"},'
        '{"title":"Explosions near the Saky airfield","url":"/en/news/3-saky-airfield"},'
        '{"title":"The defence ministry claims a village","url":"/en/news/4-urozhaine"}],'
        '"logo":"/static/images/logo-2024.svg","build":"/_next/static/chunks/main-1a2b.js"}}</script></body></html>'
    )
    listing = parse_listing(page, DEFAULT, SOURCES)
    assert [title for _, _, title, _, _ in _dated(listing)] == [
        "Three killed in a strike on Kharkiv",
        "Zelensky allows Russia at the next summit",
    ]
    assert [(n.text, n.reason) for n in listing.notes] == [
        (
            "__NEXT_DATA__",
            "2 more links to articles are in the page's script data, not in the page as saved "
            "(it builds its list in the browser): save the page once its list has loaded, or "
            "import the outlet's feed",
        )
    ]
    shown = page.replace('"url":"/en/news/3-saky-airfield"', '"url":"/en/news/1-kharkiv"')
    assert parse_listing(shown, DEFAULT, SOURCES).notes == ()  # one link missing is no list


def test_a_json_feed_and_a_telegram_json_export_give_their_headlines() -> None:
    feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Censor.NET",
            "home_page_url": "https://censor.net/",
            "items": [
                {
                    "id": "3495995",
                    "url": "https://censor.net/news/3495995/?utm_source=jsonfeed",
                    "title": "Air defence downs 22 of 24 drones overnight",
                    "date_published": "2024-06-24T19:15:00Z",
                },
                {"id": "3495996", "url": "/news/3495996/", "title": "Ukraine gets $1.9 billion"},
                {"id": "note-1", "content_text": "A microblog post without a title"},
            ],
        },
        indent=1,
        ensure_ascii=False,
    )
    listing = parse_listing(feed, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "22:15",
            "Air defence downs 22 of 24 drones overnight",
            "https://censor.net/news/3495995/",
            "censor",
        ),
        (  # undated: the day of the item above, as in an RSS feed
            "2024-06-24",
            None,
            "Ukraine gets $1.9 billion",
            "https://censor.net/news/3495996/",
            "censor",
        ),
    ]
    assert [(d.line, d.reason) for d in listing.notes] == [
        (feed.split("\n").index('   "id": "note-1",') + 1, "a feed item with no title: left out")
    ]
    history = json.dumps(
        {
            "name": "Censor.NET",
            "type": "public_channel",
            "id": 1099860397,
            "messages": [
                {"id": 1, "type": "service", "date": "2024-06-24T18:00:12", "text": ""},
                {
                    "id": 2,
                    "type": "message",
                    "date": "2024-06-24T18:42:10",
                    "date_unixtime": "1719243730",
                    "text": [
                        {"type": "bold", "text": "Zelensky signs the law on multiple citizenship"},
                        "\n\nMore in the article:\n",
                        {"type": "link", "text": "https://censor.net/news/3495997/"},
                    ],
                },
                {
                    "id": 3,
                    "type": "message",
                    "date": "2024-06-24T19:00:00",
                    "text": "🔴 Explosions in Kyiv",
                },
                {
                    "id": 4,
                    "type": "message",
                    "date": "2024-06-25T08:01:00",
                    "date_unixtime": "1719291660",
                    "text": [
                        "Ukraine gets $1.9 billion from Japan\n",
                        {
                            "type": "text_link",
                            "text": "Read",
                            "href": "https://www.pravda.com.ua/news/2024/06/25/7461005/",
                        },
                    ],
                },
            ],
        },
        indent=1,
        ensure_ascii=False,
    )
    listing = parse_listing(history, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "18:42",
            "Zelensky signs the law on multiple citizenship",
            "https://censor.net/news/3495997/",
            "censor",
        ),
        (
            "2024-06-25",
            "08:01",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461005/",
            "pravda",
        ),
    ]
    assert [d.text for d in listing.notes] == ["🔴 Explosions in Kyiv"]
    # Other JSON (a Slack export) gives no headline from its keys, and a note says what it is.
    for other in ('{"a": 1}', '[{"user": "U05AB1CDE3F", "text": "Air defence downs 22 drones"}]'):
        listing = parse_listing(other, DEFAULT, SOURCES, "")
        assert _dated(listing) == []
        assert [note.line for note in listing.notes] == [1]
        assert "nor a list of posts with titles and links" in listing.notes[0].reason


def test_an_outlets_name_after_a_headline_is_its_source_in_any_script() -> None:
    names = {
        "pravda": "Українська правда",
        "censor": "Цензор.НЕТ",
        "ukrinform": "Укрінформ",
        "kyiv-independent": "Kyiv Independent",
    }
    listing = parse_listing(
        "Air defence downs 22 of 24 drones - Українська правда https://www.pravda.com.ua/news/2024/06/25/7461006/\n"
        "Ukraine gets $1.9 billion from Japan | Цензор.НЕТ Новини https://censor.net/news/3495998/\n"
        "Russia strikes Kharkiv with glide bombs (Укрінформ)\n"
        "Zelensky meets Healey in Odesa (Reuters)\n"
        "Russia hits the port of Odesa with missiles (Ukrinform)\n"
        "Drones attack the capital overnight (Kyiv)\n",
        DEFAULT,
        SOURCES,
        "",
        names=names,
    )
    assert _dated(listing) == [
        (
            "2024-06-25",
            None,
            "Air defence downs 22 of 24 drones",
            "https://www.pravda.com.ua/news/2024/06/25/7461006/",
            "pravda",
        ),
        (
            "2024-06-25",
            None,
            "Ukraine gets $1.9 billion from Japan",
            "https://censor.net/news/3495998/",
            "censor",
        ),
        ("2024-06-25", None, "Russia strikes Kharkiv with glide bombs", "", "ukrinform"),
        ("2024-06-25", None, "Zelensky meets Healey in Odesa (Reuters)", "", ""),
        ("2024-06-25", None, "Russia hits the port of Odesa with missiles", "", "ukrinform"),
        ("2024-06-25", None, "Drones attack the capital overnight (Kyiv)", "", ""),
    ]


def test_a_time_given_in_a_named_zone_is_moved_into_the_sites() -> None:
    page = (
        '<main><article><h2><a href="https://edition.cnn.com/live/ukraine-06-24#p3">Explosions heard in Kyiv as air defences engage</a></h2>'
        "<span>5:31 p.m. ET, June 24, 2024</span></article>\n"
        '<article><h2><a href="https://edition.cnn.com/live/ukraine-06-24#p2">Germany to send three more IRIS-T systems</a></h2>'
        "<span>Updated 3:12 PM EDT, June 24, 2024</span></article>\n"
        '<article><h2><a href="https://edition.cnn.com/live/ukraine-06-24#p1">Zelensky says Russia should attend the next summit</a></h2>'
        "<span>(9:05 GMT+3)</span></article></main>"
    )
    listing = parse_listing(page, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert [(str(d.date), str(e.time)[:5]) for d in listing.days for e in d.entries] == [
        ("2024-06-25", "00:31"),  # 21:31 UTC
        ("2024-06-24", "22:12"),
        ("2024-06-24", "09:05"),  # no date given: the day of the item above
    ]
    # POLITICO Europe labels Brussels' summer time "CET": a zone is its region's civil time.
    copied = "Zelensky wants Russia at the next peace summit\nJune 24, 2024 4:02 pm CET\n"
    listing = parse_listing(copied, DEFAULT, SOURCES, "politico", timezone="Europe/Kyiv")
    assert [(str(d.date), str(e.time)[:5]) for d in listing.days for e in d.entries] == [
        ("2024-06-24", "17:02")
    ]
    # Without the site's time zone, the time as written.
    listing = parse_listing(copied, DEFAULT, SOURCES, "politico")
    assert [str(e.time)[:5] for d in listing.days for e in d.entries] == ["16:02"]
    # The Gulf's (Al Arabiya), Moscow's in Russian (TASS), Korea's (Yonhap).
    copied = (
        "Russia says it downed drones over Crimea\nPublished: 24 June ,2024: 02:35 PM GST\n"
        "Минобороны РФ заявило о сбитых беспилотниках\n24 июня 2024, 09:10 МСК\n"
        "Seoul and Kyiv discuss North Korea-Russia cooperation\n06-24 17:40 KST\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "politico", timezone="Europe/Kyiv")
    assert [(str(d.date), str(e.time)[:5]) for d in listing.days for e in d.entries] == [
        ("2024-06-24", "13:35"),
        ("2024-06-24", "09:10"),
        ("2024-06-24", "11:40"),
    ]


def test_a_social_accounts_feed_gives_its_posts_with_the_articles_they_link() -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Censor.NET</title>'
        "<item><link>https://mastodon.social/@censor/112799416104338472</link>"
        "<pubDate>Mon, 24 Jun 2024 18:05:44 +0000</pubDate>"
        "<description>&lt;p&gt;Air defence downs 22 of 24 drones overnight.&lt;/p&gt;&lt;p&gt;Read more: "
        '&lt;a href="https://censor.net/news/3496001/"&gt;censor.net/news/3496001/&lt;/a&gt; '
        '&lt;a href="https://mastodon.social/tags/ukraine" class="hashtag"&gt;#Ukraine&lt;/a&gt;&lt;/p&gt;</description></item>'
        "<item><link>https://bsky.app/profile/censor.net/post/3kxyz</link>"
        "<pubDate>Mon, 24 Jun 2024 19:00:00 +0000</pubDate>"
        "<description>Ukraine gets $1.9 billion from Japan https://www.pravda.com.ua/news/2024/06/24/7461008/.</description></item>"
        "</channel></rss>"
    )
    listing = parse_listing(feed, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "21:05",
            "Air defence downs 22 of 24 drones overnight.",
            "https://censor.net/news/3496001/",
            "censor",
        ),
        (
            "2024-06-24",
            "22:00",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/24/7461008/",
            "pravda",
        ),
    ]


def test_a_page_whose_list_is_only_in_its_structured_data_is_read_from_it() -> None:
    items = [
        {
            "@type": "ListItem",
            "position": 1,
            "item": {
                "@type": "NewsArticle",
                "headline": "Air defence downs 22 of 24 drones overnight",
                "url": "https://censor.net/news/3496002/",
                "datePublished": "2024-06-24T21:15:00+03:00",
            },
        },
        {
            "@type": "ListItem",
            "position": 2,
            "url": "/news/3496003/",
            "name": "Ukraine gets $1.9 billion from Japan",
        },
    ]
    data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}
    page = (
        '<html><head><link rel="canonical" href="https://censor.net/news/">'
        '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": '
        '[{"@type": "ListItem", "position": 1, "name": "Головна", "item": "https://censor.net/"}]}</script>\n'
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head>\n'
        '<body><main><h1>Новини</h1><div class="feed" aria-busy="true"><p>Завантажуємо новини…</p></div>'
        '<footer><a href="/about">Про нас</a></footer></main></body></html>'
    )
    listing = parse_listing(page, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "21:15",
            "Air defence downs 22 of 24 drones overnight",
            "https://censor.net/news/3496002/",
            "censor",
        ),
        (
            "2024-06-24",
            None,
            "Ukraine gets $1.9 billion from Japan",
            "https://censor.net/news/3496003/",
            "censor",
        ),
    ]
    assert [note.line for note in listing.notes] == [2]
    assert "structured data" in listing.notes[0].reason
    # A page that shows its list keeps reading it (its ItemList names the same articles);
    # its cards show no time, so the ItemList's datePublished dates the one it dates.
    shown = page.replace(
        "<p>Завантажуємо новини…</p>",
        '<article><a href="https://censor.net/news/3496002/">Air defence downs 22 of 24 drones overnight</a></article>'
        '<article><a href="https://censor.net/news/3496003/">Ukraine gets $1.9 billion from Japan</a></article>',
    )
    listing = parse_listing(shown, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert [e.time for d in listing.days for e in d.entries] == [dt.time(21, 15), None]
    assert listing.notes == ()


def test_a_spreadsheet_of_links_gives_a_headline_a_row() -> None:
    sheets = (
        "Date,Time (Kyiv),Headline,URL,Outlet,Tags\n"
        '6/24/2024,9:05,"Russian drones hit Odesa port, one injured",https://censor.net/news/3496008/,Censor,"air, port"\n'
        '6/25/2024,13:40,"Zelensky: a second peace summit ""this year""",https://www.pravda.com.ua/news/2024/06/25/7461010/,УП,diplomacy\n'
    )
    assert _dated(parse_listing(sheets, DEFAULT, SOURCES, "")) == [
        (
            "2024-06-24",
            "09:05",
            "Russian drones hit Odesa port, one injured",
            "https://censor.net/news/3496008/",
            "censor",
        ),
        (
            "2024-06-25",
            "13:40",
            'Zelensky: a second peace summit "this year"',
            "https://www.pravda.com.ua/news/2024/06/25/7461010/",
            "pravda",
        ),
    ]
    excel = (  # Excel in a Ukrainian locale: semicolons, a BOM, CRLF; a row not linked yet
        "\ufeffДата і час;Заголовок;Посилання;Джерело\r\n"
        "24.06.2024 7:05;Air defence downs 22 of 24 drones;https://censor.net/news/3496009/;Цензор\r\n"
        ";;;\r\n"
        "25.06.2024 21:15;Blackout in Kherson after a strike;посилання ще нема;\r\n"
        "25.06.2024 22:40;Ukraine gets $1.9 billion from Japan;https://www.pravda.com.ua/news/2024/06/25/7461011/;УП\r\n"
        "Всього: 3;;;\r\n"
    )
    assert _dated(parse_listing(excel, DEFAULT, SOURCES, "")) == [
        (
            "2024-06-24",
            "07:05",
            "Air defence downs 22 of 24 drones",
            "https://censor.net/news/3496009/",
            "censor",
        ),
        ("2024-06-25", "21:15", "Blackout in Kherson after a strike", "", ""),
        (
            "2024-06-25",
            "22:40",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461011/",
            "pravda",
        ),
    ]
    cells = (  # cells copied from a sheet: tabs, a day's row above its rows
        "№\tЧас\tЗаголовок\tПосилання\n"
        "ПОНЕДІЛОК, 24 ЧЕРВНЯ\t\t\t\n"
        "1\t06:12\tAir defence downs 22 of 24 drones\thttps://censor.net/news/3496012/\n"
        "ВІВТОРОК, 25 ЧЕРВНЯ\t\t\t\n"
        "2\t07:40\tUkraine gets $1.9 billion from Japan\thttps://www.pravda.com.ua/news/2024/06/25/7461012/\n"
        "\t\tРазом\t2\n"
    )
    assert _dated(parse_listing(cells, DEFAULT, SOURCES, "")) == [
        (
            "2024-06-24",
            "06:12",
            "Air defence downs 22 of 24 drones",
            "https://censor.net/news/3496012/",
            "censor",
        ),
        (
            "2024-06-25",
            "07:40",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461012/",
            "pravda",
        ),
    ]


def test_a_mail_saved_as_a_file_is_read_from_its_html_part() -> None:
    article = "https://censor.net/news/3496013/"
    tracked = "https://click.convertkit-mail2.com/4zu8k0l9/d1gdiw/" + base64.urlsafe_b64encode(
        article.encode()
    ).decode().rstrip("=")
    mail = (
        "From: The Brief <brief@example.com>\n"
        "Subject: =?UTF-8?Q?The_Brief_=E2=80=94_24_June?=\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain; charset=UTF-8\n\nThe text part is not read.\n"
        "--b1\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f'<ul><li><a href=3D"{tracked}">Air defence downs 22 of 24 drones ov=\nernight</a></li>\n'
        '<li><a href=3D"https://www.pravda.com.ua/news/2024/06/25/7461013/">Ukraine gets =\n'
        "$1.9 billion from Japan</a></li></ul>\n--b1--\n"
    )
    listing = parse_listing(mail, DEFAULT, SOURCES, "")
    assert _dated(listing) == [
        ("2024-06-25", None, "Air defence downs 22 of 24 drones overnight", article, "censor"),
        (
            "2024-06-25",
            None,
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461013/",
            "pravda",
        ),
    ]
    assert "a mail" in listing.notes[0].reason


def test_a_link_inside_a_line_and_a_bookmarks_file() -> None:
    copied = (
        "Air defence downs 22 of 24 drones overnight https://censor.net/news/3496014/ (edited)\n"
        "16:20 https://www.pravda.com.ua/news/2024/06/25/7461014/ — Ukraine gets $1.9 billion from Japan\n"
        "Russia strikes Kharkiv | Russia-Ukraine war News | Censor.NET https://censor.net/news/3496015/\n"
    )
    assert _dated(parse_listing(copied, DEFAULT, SOURCES, "")) == [
        (
            "2024-06-25",
            None,
            "Air defence downs 22 of 24 drones overnight",
            "https://censor.net/news/3496014/",
            "censor",
        ),
        (
            "2024-06-25",
            "16:20",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461014/",
            "pravda",
        ),
        (
            "2024-06-25",
            None,
            "Russia strikes Kharkiv",
            "https://censor.net/news/3496015/",
            "censor",
        ),
    ]
    bookmarks = (  # a browser's bookmarks file (Netscape's format): each saved when ADD_DATE says
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>\n<DL><p>\n"
        '<DT><A HREF="https://censor.net/news/3496016/" ADD_DATE="1719256800">Air defence downs 22 of 24 drones overnight</A>\n'
        '<DT><A HREF="https://www.pravda.com.ua/news/2024/06/25/7461015/" ADD_DATE="1719302400">Ukraine gets $1.9 billion from Japan</A>\n'
        "</DL><p>\n"
    )
    listing = parse_listing(bookmarks, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert [(str(d.date), e.url) for d in listing.days for e in d.entries] == [
        ("2024-06-24", "https://censor.net/news/3496016/"),
        ("2024-06-25", "https://www.pravda.com.ua/news/2024/06/25/7461015/"),
    ]


def test_a_social_networks_page_copied_keeps_its_posts_not_its_chrome() -> None:
    copied = (
        "Censor.NET\n"
        "@censor.net\n"
        "Reposted by Censor.NET\n"
        "Пошук у Facebook\n"
        "1,6 млн уподобань • 2,1 млн читачів\n"
        "Air defence downs 22 of 24 drones overnight\n"
        "censor.net/news/3496017-air-defe...\n"
        "https://censor.net/news/3496017/\n"
        "Переглянути ще 57 коментарів\n"
        "Last reply today at 11:20 AM\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor", names={"censor": "Censor.NET"})
    assert _dated(listing) == [
        (
            "2024-06-25",
            None,
            "Air defence downs 22 of 24 drones overnight",
            "https://censor.net/news/3496017/",
            "censor",
        )
    ]
    assert [d.line for d in listing.dropped] == [1, 2, 3, 4, 5, 7, 9, 10]


def test_markdowns_other_link_forms_and_a_plain_text_mails_give_each_title_its_link() -> None:
    """Reference links ("[Title][1]", "[Title][]", "[Title]" with "[1]: https://…" below),
    a link in angle brackets that holds spaces and brackets, and a plain-text mail's
    "Title [https://…]" (Substack's, its "View this post on the web at" left out): each
    title with its own link; and one title twice, once with a non-breaking space, once."""
    listing = (
        "21.06.2024\n"
        "- [Ukraine hits Russian airbase in Crimea][1]\n"
        "- [Zelensky wants Russia at second summit][zel]\n"
        "- [Kyiv blackout schedules][]\n"
        "- [Odesa port hit](<https://www.ukrinform.net/odesa port (1)>)\n"
        "View this post on the web at https://watch.substack.com/p/212\n"
        "Russia presses toward Pokrovsk [https://censor.net/en/news/1-pokrovsk]\n"
        "Russia presses\u00a0toward Pokrovsk\n"
        "\n"
        "[1]: https://www.ukrinform.net/rubric-ato/1-crimea.html\n"
        '[ZEL]: https://censor.net/en/news/2-zelensky "Censor.NET"\n'
        "[kyiv blackout schedules]: <https://www.pravda.com.ua/news/2024/06/21/3/>\n"
    )
    found = parse_listing(listing, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(found) == [
        (
            D21,
            None,
            "Ukraine hits Russian airbase in Crimea",
            U2.replace("3877599-isw-putin", "1-crimea"),
            "ukrinform",
        ),
        (
            D21,
            None,
            "Zelensky wants Russia at second summit",
            "https://censor.net/en/news/2-zelensky",
            "censor",
        ),
        (
            D21,
            None,
            "Kyiv blackout schedules",
            "https://www.pravda.com.ua/news/2024/06/21/3/",
            "pravda",
        ),
        (
            D21,
            None,
            "Odesa port hit",
            "https://www.ukrinform.net/odesa%20port%20%281%29",
            "ukrinform",
        ),
        (
            D21,
            None,
            "Russia presses toward Pokrovsk",
            "https://censor.net/en/news/1-pokrovsk",
            "censor",
        ),
    ]


def test_a_badge_after_a_title_goes_with_the_stop_before_it_and_in_either_alphabet() -> None:
    """Censor.NET's badges after a title copied as text: "ВIДЕО" typed with a Latin I is a
    badge as "ВІДЕО" is, and the full stop before a badge goes with it."""
    listing = (
        "Залужний виступив у Лондоні. ВIДЕО\n16.07.2024 20:58\n"
        "Зеленський підписав закон про дезертирство. ДОКУМЕНТ\n16.07.2024 21:12\n"
        "Удар по Харкову... ФОТО\n16.07.2024 21:40\n"
    )
    found = parse_listing(listing, DEFAULT, SOURCES, "censor", timezone="Europe/Kyiv")
    assert [e.title for d in found.days for e in d.entries] == [
        "Залужний виступив у Лондоні",
        "Зеленський підписав закон про дезертирство",
        "Удар по Харкову...",
    ]


def test_a_feed_readers_line_under_a_headline_names_its_source() -> None:
    """A feed reader's list copied as text (Inoreader's "Source · age", Feedly's "Source /
    by Author / age"): the outlet named there is the headline's source, where the digest
    has a source of that name; the age dates it."""
    names = {"ukrinform": "Ukrinform", "pravda": "Українська правда"}
    inoreader = (
        "Zelensky: Russia should be represented at second peace summit\n"
        "Ukrinform · 21h\n"
        "Orbán writes to EU leaders about his peace mission\n"
        "Some Blog · 3h\n"
        "Росіяни вночі атакували Одещину дронами: є влучання\n"
        "Українська правда · Jun 24\n"
    )
    feedly = (
        "Zelensky: Russia should be represented at second peace summit\n"
        "Ukrinform / by Olena Harmash / 21h\n"
        "Росіяни вночі атакували Одещину дронами: є влучання\n"
        "Українська правда / Jun 24\n"
    )
    for listing in (inoreader, feedly):
        found = parse_listing(listing, DEFAULT, SOURCES, names=names, timezone="Europe/Kyiv")
        read = [(str(d.date), e.title, e.source) for d in found.days for e in d.entries]
        assert read == [
            (
                "2024-06-25",
                "Zelensky: Russia should be represented at second peace summit",
                "ukrinform",
            ),
            *(
                [("2024-06-25", "Orbán writes to EU leaders about his peace mission", "")]
                if listing is inoreader
                else []
            ),
            ("2024-06-24", "Росіяни вночі атакували Одещину дронами: є влучання", "pravda"),
        ]


def test_a_feed_readers_saved_articles_give_their_headlines() -> None:
    saved = json.dumps(
        {
            "id": "user/1005948375/state/com.google/starred",
            "title": "Starred articles",
            "items": [
                {
                    "title": "Air defence downs 22 of 24 drones &amp; missiles",
                    "published": 1719256800,
                    "canonical": [{"href": "https://censor.net/news/3496018/"}],
                    "origin": {"title": "Censor.NET"},
                },
                {
                    "title": "Ukraine gets $1.9 billion from Japan",
                    "published": 1719302400,
                    "alternate": [{"href": "https://www.pravda.com.ua/news/2024/06/25/7461016/"}],
                },
            ],
        },
        indent=1,
    )
    listing = parse_listing(saved, DEFAULT, SOURCES, "", timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "22:20",
            "Air defence downs 22 of 24 drones & missiles",
            "https://censor.net/news/3496018/",
            "censor",
        ),
        (
            "2024-06-25",
            "11:00",
            "Ukraine gets $1.9 billion from Japan",
            "https://www.pravda.com.ua/news/2024/06/25/7461016/",
            "pravda",
        ),
    ]


def test_a_headline_glued_to_its_date_stays_a_headline_with_that_date() -> None:
    # Copied as text, a card's title and date run together: no byline's date line, a headline
    # and its date.
    listing = parse_listing(
        "Zelensky signs the law on multiple citizenship24 червня, 14:30\n"
        "F16s arrive in Ukraine for the first time\n",
        DEFAULT,
        SOURCES,
        "censor",
    )
    assert _dated(listing) == [
        ("2024-06-24", "14:30", "Zelensky signs the law on multiple citizenship", "", "censor"),
        ("2024-06-24", None, "F16s arrive in Ukraine for the first time", "", "censor"),
    ]


def test_an_outlets_desk_is_a_byline_and_the_time_after_it_the_headlines() -> None:
    # The Kyiv Independent copied: each card's headline, its byline (a reporter's name, or
    # "The Kyiv Independent news desk"), then its date and time.
    copied = (
        "General Staff: Russia has lost 561,950 troops in Ukraine since Feb. 24, 2022\n"
        "The Kyiv Independent news desk\n"
        "Jun 25, 2024 10:05 AM\n"
        "Ukraine, Russia swap bodies of fallen soldiers\n"
        "The Kyiv Independent news desk\n"
        "Jun 24, 2024 7:12 PM\n"
    )
    names = {"censor": "The Kyiv Independent"}
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor", names=names)
    assert _dated(listing) == [
        (
            "2024-06-25",
            "10:05",
            "General Staff: Russia has lost 561,950 troops in Ukraine since Feb. 24, 2022",
            "",
            "censor",
        ),
        ("2024-06-24", "19:12", "Ukraine, Russia swap bodies of fallen soldiers", "", "censor"),
    ]


def test_read_later_exports_date_their_rows_by_when_they_were_saved() -> None:
    # Instapaper's Unix seconds, Raindrop's ISO moment with milliseconds, Airtable's
    # "Published" (its "Created" where a row has none), a TSV whose title opens with a quote.
    instapaper = (
        "URL,Title,Selection,Folder,Timestamp\n"
        "https://censor.net/news/3496029/,Air defence downs 22 drones,,Unread,1719322872\n"
        "https://censor.net/news/3496031/,Rada passes the citizenship law,,Archive,1719243211\n"
    )
    assert _dated(parse_listing(instapaper, DEFAULT, SOURCES, timezone="Europe/Kyiv")) == [
        (
            "2024-06-25",
            "16:41",
            "Air defence downs 22 drones",
            "https://censor.net/news/3496029/",
            "censor",
        ),
        (
            "2024-06-24",
            "18:33",
            "Rada passes the citizenship law",
            "https://censor.net/news/3496031/",
            "censor",
        ),
    ]
    raindrop = (
        "id,title,note,url,created\n"
        "1,Air defence downs 22 drones,,https://censor.net/news/3496029/,2024-06-24T18:20:44.101Z\n"
        "2,Rada passes the citizenship law,,https://censor.net/news/3496031/,2024-06-25T10:41:12.000Z\n"
    )
    assert [
        (d, t)
        for d, t, *_ in _dated(parse_listing(raindrop, DEFAULT, SOURCES, timezone="Europe/Kyiv"))
    ] == [
        ("2024-06-24", "21:20"),
        ("2024-06-25", "13:41"),
    ]
    airtable = (
        "Headline,Link,Published,Created\n"
        "Air defence downs 22 drones,https://censor.net/news/3496029/,2024-06-25 06:48,2024-06-25 07:02\n"
        "Rada passes the citizenship law,https://censor.net/news/3496031/,,2024-06-25 10:22\n"
    )
    assert [(d, t) for d, t, *_ in _dated(parse_listing(airtable, DEFAULT, SOURCES))] == [
        ("2024-06-25", "06:48"),
        ("2024-06-25", "10:22"),
    ]
    tsv = (
        "Дата\tЧас\tЗаголовок\tПосилання\n"
        '24.06.2024\t22:05\t"Росія має бути на саміті": Зеленський\thttps://censor.net/news/3496029/\n'
        '25.06.2024\t9:15\t"Whole cell quoted"\thttps://censor.net/news/3496031/\n'
    )
    assert [title for _, _, title, *_ in _dated(parse_listing(tsv, DEFAULT, SOURCES))] == [
        '"Росія має бути на саміті": Зеленський',
        "Whole cell quoted",
    ]


def test_a_news_sitemap_and_a_feedburner_feed_give_their_articles() -> None:
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
        "<url><loc>https://censor.net/news/3496029/</loc><news:news><news:publication>"
        "<news:name>Censor</news:name></news:publication>"
        "<news:publication_date>2024-06-24T22:14:00+03:00</news:publication_date>"
        "<news:title>Explosions in Odesa as ballistic missiles strike</news:title></news:news>"
        "<image:image><image:loc>https://censor.net/img/1.jpg</image:loc></image:image></url>\n"
        "<url><loc>https://censor.net/about/</loc><lastmod>2024-06-01</lastmod></url>\n"
        "</urlset>"
    )
    listing = parse_listing(sitemap, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-24",
            "22:14",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
            "censor",
        )
    ]
    assert [d.reason for d in (*listing.dropped, *listing.notes)] == [
        "a sitemap's address without a title (no <news:title>): left out"
    ]
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><item>'
        "<title>Rada passes the dual citizenship law</title>"
        "<link>https://feedproxy.google.com/~r/censor/~3/AbC123/</link>"
        "<feedburner:origLink>https://censor.net/news/3496031/</feedburner:origLink>"
        "<pubDate>Mon, 24 Jun 2024 18:05:44 +0000</pubDate></item></channel></rss>"
    )
    assert [e.url for d in parse_listing(feed, DEFAULT, SOURCES).days for e in d.entries] == [
        "https://censor.net/news/3496031/"
    ]


def test_day_lines_with_a_weekday_or_a_part_of_the_day_and_a_sources_remark() -> None:
    # An editor's checklist: "пн 24.06 (вечір)", "Ранок 25.06"; and a YouTube channel's
    # videos titled "… | Суспільне Новини" from a source named "Суспільне Новини (YouTube)".
    checklist = (
        "пн 24.06 (вечір)\n"
        "Japan transfers $1.9 billion to Ukraine https://censor.net/news/3496029/\n"
        "Ранок 25.06\n"
        "Rada passes the dual citizenship law https://censor.net/news/3496031/\n"
    )
    assert [
        (d, title) for d, _, title, *_ in _dated(parse_listing(checklist, DEFAULT, SOURCES))
    ] == [
        ("2024-06-24", "Japan transfers $1.9 billion to Ukraine"),
        ("2024-06-25", "Rada passes the dual citizenship law"),
    ]
    video = "Удар по Харкову: що відомо | Суспільне Новини https://censor.net/news/3496033/\n"
    names = {"censor": "Суспільне Новини (YouTube)"}
    listing = parse_listing(video, DEFAULT, SOURCES, names=names)
    assert [e.title for d in listing.days for e in d.entries] == ["Удар по Харкову: що відомо"]


def test_evernotes_notes_give_their_links_on_the_day_each_was_written() -> None:
    # An .enex export: a note written on the evening of 23 June (UTC: its <created>) with a
    # list of links and a to-do; a web clip of an article (its <source-url>, its title the
    # page's), dated as its head says, "Updated" glued to the date as the page's spans ran.
    note = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<en-export export-date="20240624T073012Z" application="Evernote">\n'
        "<note><title>Links for tomorrow</title><created>20240623T201503Z</created>\n"
        '<content><![CDATA[<?xml version="1.0" encoding="UTF-8"?>\n'
        '<en-note><ul><li><div><a href="https://censor.net/news/3496029/">'
        "Explosions in Odesa as ballistic missiles strike</a></div></li>"
        '<li><div><a href="https://www.pravda.com.ua/news/2024/06/23/7461301/">'
        "Japan transfers $1.9 billion to Ukraine</a></div></li></ul>"
        '<div><en-todo checked="false"/>ask about the map</div></en-note>]]></content></note>\n'
        "<note><title>Rada passes the dual citizenship law | Censor</title>"
        "<created>20240624T071533Z</created>\n"
        "<note-attributes><source-url>https://censor.net/news/3496031/?utm_source=x</source-url>"
        "</note-attributes>\n<content><![CDATA[<en-note><div>Politics</div>"
        "<h1>Rada passes the dual citizenship law</h1><div>June 24, 2024 9:41 AM GMT+3"
        "Updated 2 hours ago</div><p>KYIV, June 24 - The parliament passed a law allowing "
        "Ukrainians to hold a second citizenship, the speaker said on Monday.</p></en-note>]]>"
        "</content><resource><resource-attributes><source-url>https://censor.net/img/1.jpg"
        "</source-url></resource-attributes></resource></note>\n</en-export>\n"
    )
    listing = parse_listing(note, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert _dated(listing) == [
        (
            "2024-06-23",
            None,
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
            "censor",
        ),
        (
            "2024-06-23",
            None,
            "Japan transfers $1.9 billion to Ukraine",
            "https://www.pravda.com.ua/news/2024/06/23/7461301/",
            "pravda",
        ),
        (
            "2024-06-24",
            "09:41",
            "Rada passes the dual citizenship law",
            "https://censor.net/news/3496031/",
            "censor",
        ),
    ]


def test_snippets_pasted_into_onenote_give_their_headlines_with_the_links_under_them() -> None:
    # OneNote writes "From <URL>" under anything pasted from a browser: a snippet's first
    # line is its headline; its date line dates it, its lead is no headline; the page's own
    # title, date and sections, and an editor's remark, are outside the snippets.
    page = (
        "Моніторинг 25.06\nTuesday, June 25, 2024\n7:48 AM\n\nРанок\n\n"
        "Explosions in Odesa as ballistic missiles strike\n25.06.2024 06:12\n"
        "Two ballistic missiles hit the port overnight, the regional governor said\n \n"
        "From <https://censor.net/news/3496029/> \n\n"
        "!! check whether the port confirmed it\n\nВдень\n\n"
        "Rada passes the dual citizenship law\nВівторок, 25 червня 2024, 09:15\n \n"
        "From <https://www.pravda.com.ua/news/2024/06/25/7461312/> \n"
    )
    listing = parse_listing(page, DEFAULT, SOURCES)
    assert _dated(listing) == [
        (
            "2024-06-25",
            "06:12",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
            "censor",
        ),
        (
            "2024-06-25",
            "09:15",
            "Rada passes the dual citizenship law",
            "https://www.pravda.com.ua/news/2024/06/25/7461312/",
            "pravda",
        ),
    ]


def test_a_feeds_own_name_after_its_items_titles_is_left_out() -> None:
    # A YouTube channel's feed: its videos' titles end with the channel's name, which is the
    # feed's; a title naming another ("… | Reuters") keeps it, the feed does not say it.
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Суспільне Новини</title>"
        "<entry><title>Удар по Харкову: що відомо | Суспільне Новини</title>"
        '<link rel="alternate" href="https://www.youtube.com/watch?v=Lr7pW0dYh4M"/>'
        "<published>2024-06-24T16:30:00+00:00</published></entry>"
        "<entry><title>Healey in Odesa | Reuters</title>"
        '<link rel="alternate" href="https://www.youtube.com/watch?v=bX9kQ2sN5fU"/>'
        "<published>2024-06-24T14:02:00+00:00</published></entry></feed>"
    )
    listing = parse_listing(feed, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(e.title, f"{e.time:%H:%M}") for d in listing.days for e in d.entries] == [
        ("Удар по Харкову: що відомо", "19:30"),
        ("Healey in Odesa | Reuters", "17:02"),
    ]


def test_a_chats_preview_description_and_bare_times_after_midnight() -> None:
    # Teams copied as text: a link, its preview's title, its description (no stop at its
    # end), its site; messages oldest first, "Yesterday 11:55 PM" then "8:12 AM", today's.
    chat = (
        "Digest desk\nLinks\nPosts\nFiles\nNotes\n+\nMeet\n"  # the team's tabs, copied too
        "Iryna Hnatiuk\n6/24 9:14 AM\n"
        "https://censor.net/news/3496029/\n"
        "Explosions in Odesa as ballistic missiles strike\n"
        "Two missiles hit the port overnight and the regional governor called for calm\n"
        "censor.net\n"
        "Mariia Bondar\nYesterday 11:55 PM\n"
        "https://www.pravda.com.ua/news/2024/06/24/7461301/\n"
        "Japan transfers $1.9 billion to Ukraine\nwww.pravda.com.ua\n"
        "Iryna Hnatiuk\n8:12 AM\n"
        "https://www.pravda.com.ua/news/2024/06/25/7461312/\n"
        "Rada passes the dual citizenship law\nwww.pravda.com.ua\n"
    )
    assert [(d, title) for d, _, title, *_ in _dated(parse_listing(chat, DEFAULT, SOURCES))] == [
        ("2024-06-24", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Japan transfers $1.9 billion to Ukraine"),
        ("2024-06-25", "Rada passes the dual citizenship law"),
    ]
    # Newest first, a bare time earlier than the last stays on that day.
    page = (
        "Yesterday 11:55 PM\nJapan transfers $1.9 billion to Ukraine "
        "https://www.pravda.com.ua/news/2024/06/24/7461301/\n"
        "10:15 PM\nExplosions in Odesa as ballistic missiles strike "
        "https://censor.net/news/3496029/\n"
        "8:12 PM\nRada passes the dual citizenship law https://censor.net/news/3496031/\n"
    )
    assert {d for d, *_ in _dated(parse_listing(page, DEFAULT, SOURCES))} == {"2024-06-24"}


def test_dates_in_spanish_italian_portuguese_and_romanian_are_read() -> None:
    listing = (
        "Explosions in Odesa as ballistic missiles strike https://censor.net/news/3496029/\n"
        "23 iun. 2024, 14:05\n"
        "Japan transfers $1.9 billion to Ukraine https://censor.net/news/3496030/\n"
        "22 de junio de 2024\n"
        "Rada passes the dual citizenship law https://censor.net/news/3496031/\n"
        "21 giugno 2024\n"
        "Zelensky signs the law on multiple citizenship https://censor.net/news/3496032/\n"
        "20 de junho de 2024\n"
    )
    assert [(d, t) for d, t, *_ in _dated(parse_listing(listing, DEFAULT, SOURCES))] == [
        ("2024-06-23", "14:05"),
        ("2024-06-22", None),
        ("2024-06-21", None),
        ("2024-06-20", None),
    ]


def test_a_top_story_copied_again_with_its_time_and_a_videos_length_between_items() -> None:
    # A page copied as text (NHK WORLD's): its top story, then the same story first in the
    # list with its time on the line after it; a video's length under one item's time
    # belongs to the next item's thumbnail.
    page = (
        "Skip to main content\nNHK WORLD\nLive\nOn Demand\nNews\nJapan\nWorld\n"
        "Top Story\nExplosions in Odesa as ballistic missiles strike\n"
        "Two missiles hit the port overnight, the governor said.\nLatest\n"
        "Explosions in Odesa as ballistic missiles strike\nJun. 25, 2024 09:05\n2:31\n"
        "Japan transfers $1.9 billion to Ukraine\nJun. 25, 2024 07:40\n"
        "Rada passes the dual citizenship law\nJun. 24, 2024 22:17\n"
    )
    assert [(d, t, title) for d, t, title, *_ in _dated(parse_listing(page, DEFAULT, {}))] == [
        ("2024-06-25", "09:05", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-25", "07:40", "Japan transfers $1.9 billion to Ukraine"),
        ("2024-06-24", "22:17", "Rada passes the dual citizenship law"),
    ]


def test_a_sites_api_answer_gives_its_posts() -> None:
    # WordPress's REST API (/wp-json/wp/v2/posts): a list; the title rendered, with
    # entities; "date" the site's time, "date_gmt" UTC without its offset.
    wordpress = (
        '[{"id":148231,"date":"2024-06-24T15:47:12","date_gmt":"2024-06-24T12:47:12",'
        '"link":"https:\\/\\/censor.net\\/news\\/3496029\\/","title":{"rendered":'
        '"Explosions in Odesa&#8217;s port as <em>ballistic<\\/em> missiles strike"}},'
        '{"id":148229,"date":"2024-06-24T10:02:40","date_gmt":"2024-06-24T07:02:40",'
        '"link":"https:\\/\\/censor.net\\/news\\/3496031\\/","title":{"rendered":'
        '"Rada passes the dual citizenship law"}}]'
    )
    listing = parse_listing(wordpress, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-24",
            "15:47",
            "Explosions in Odesa’s port as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", "10:02", "Rada passes the dual citizenship law", U_RADA),
    ]
    assert "2 headlines read from a list of posts" in listing.notes[0].reason
    # Ghost's Content API: {"posts": […], "meta": …}; a tag's "url" is not the post's.
    ghost = (
        '{"posts":[{"id":"65eb","title":"Rada passes the dual citizenship law",'
        '"tags":[{"name":"Politics","url":"https://censor.net/tag/politics/"}],'
        '"published_at":"2024-06-24T07:02:40.000+00:00","url":"' + U_RADA + '"},'
        '{"id":"65ec","title":"Japan transfers $1.9 billion to Ukraine",'
        '"published_at":"2024-06-23T21:10:00.000+00:00",'
        '"url":"https://censor.net/news/3496030/"}],"meta":{"pagination":{"page":1}}}'
    )
    listing = parse_listing(ghost, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, url) for d, t, _, url, _ in _dated(listing)] == [
        ("2024-06-24", "10:02", U_RADA),
        ("2024-06-24", "00:10", "https://censor.net/news/3496030/"),
    ]


U_RADA = "https://censor.net/news/3496031/"


def test_a_sheets_moments_in_the_zone_its_header_names_are_moved_into_the_sites() -> None:
    # A monitoring service's export: "Time (UTC)", days first, semicolons.
    sheet = (
        "Date;Time (UTC);Headline;URL;Source\n"
        "24/06/2024;21:40;Explosions in Odesa as ballistic missiles strike;"
        "https://censor.net/news/3496029/;Censor\n"
        "24/06/2024;07:02;Rada passes the dual citizenship law;" + U_RADA + ";Censor\n"
    )
    listing = parse_listing(sheet, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "00:40"),
        ("2024-06-24", "10:02"),
    ]


def test_a_mail_saved_as_text_gives_its_links_anchors_not_their_snippets() -> None:
    # Outlook's "Save as" text of a Google Alert: "Title <https://…>", the outlet, a
    # snippet; the alert's own links (share, feedback, settings) and its footer are none.
    mail = (
        "From:\tGoogle Alerts <googlealerts-noreply@google.com>\n"
        "Subject:\tGoogle Alert - Ukraine war\n\n"
        "Google Alerts <https://www.google.com/alerts?source=alertsmail&hl=en>\n\nNEWS\n\n"
        "Explosions in Odesa as ballistic missiles strike "
        "<https://www.google.com/url?rct=j&sa=t&url=https://censor.net/news/3496029/&ct=ga>\n\n"
        "Censor\n\nTwo ballistic missiles hit the port overnight and the governor said ...\n\n"
        "[https://www.gstatic.com/alerts/images/fb-24.png] <https://www.google.com/alerts/"
        "share?ru=https://censor.net/news/3496029/&ss=fb>  Flag as irrelevant "
        "<https://www.google.com/alerts/feedback?ffu=https://censor.net/news/3496029/>\n\n"
        "Rada passes the dual citizenship law <" + U_RADA + ">\n\nCensor\n\n"
        "The parliament passed a law on Monday allowing a second citizenship ...\n\n"
        "You have received this email because you have subscribed to Google Alerts.\n"
        "Unsubscribe <https://www.google.com/alerts/remove?source=alertsmail>\n"
    )
    listing = parse_listing(mail, DEFAULT, SOURCES, names={"censor": "Censor"})
    assert [(title, url) for _, _, title, url, _ in _dated(listing)] == [
        ("Explosions in Odesa as ballistic missiles strike", "https://censor.net/news/3496029/"),
        ("Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_reference_managers_ris_export_gives_its_records() -> None:
    # Zotero's RIS: each record's title and link, on its date (else the day it was saved);
    # its abstract, notes and their links are none.
    ris = (
        "TY  - NEWS\nTI  - Explosions in Odesa as ballistic missiles strike\nT2  - Censor\n"
        "AB  - Two ballistic missiles hit the port overnight.\nDA  - 2024/06/23/\n"
        "UR  - https://censor.net/news/3496029/\nY2  - 2024/06/24/09:31:47\n"
        "N1  - <p>check https://www.president.gov.ua/documents</p>\nER  - \n\n"
        "TY  - WEB\nTI  - Rada passes the dual citizenship law\nUR  - " + U_RADA + "\n"
        "Y2  - 2024/06/24/14:05:12\nER  - \n"
    )
    assert [
        (d, title, url) for d, _, title, url, _ in _dated(parse_listing(ris, DEFAULT, SOURCES))
    ] == [
        (
            "2024-06-23",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_google_docs_comments_and_their_marks_are_no_part_of_headlines() -> None:
    # A Google Doc downloaded as text: "[a]" after the words a comment is on, the comments
    # at the end, one with a link.
    doc = (
        "Monday, June 24\n"
        "1. Explosions in Odesa as ballistic missiles strike[a] – https://censor.net/news/3496029/\n"
        "2. Rada passes the dual citizenship law – " + U_RADA + "[b]\n\n\n"
        "[a]check the date\n[b]a better link: https://www.pravda.com.ua/news/2024/06/24/1/\n"
    )
    assert [(t, url) for _, _, t, url, _ in _dated(parse_listing(doc, DEFAULT, SOURCES))] == [
        ("Explosions in Odesa as ballistic missiles strike", "https://censor.net/news/3496029/"),
        ("Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_markdown_lists_badges_remarks_and_outlets_home_pages_are_no_headlines() -> None:
    readme = (
        "# Daily links [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "[![License](https://img.shields.io/badge/CC.svg)](https://creativecommons.org/) "
        "[![Commit](https://img.shields.io/github/last-commit/x/y)](https://github.com/x/y)\n\n"
        "## 24 June 2024\n\n"
        "- [Explosions in Odesa as ballistic missiles strike](https://censor.net/news/3496029/)"
        " — Censor (paywall)\n"
        "- [Rada passes the dual citizenship law](" + U_RADA + ") — Censor\n"
        "- [Japan transfers $1.9 billion](https://censor.net/news/3496030/) — Censor\n\n"
        "## Sources we trust\n\n- [Meduza](https://meduza.io/en) — Independent Russian outlet.\n"
    )
    listing = parse_listing(readme, DEFAULT, SOURCES, names={"censor": "Censor"})
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
        "Japan transfers $1.9 billion",
    ]


def test_a_telegram_json_message_with_its_link_in_its_text_and_one_only_a_link() -> None:
    export = (
        '{"name": "Desk", "type": "private_group", "id": 1, "messages": ['
        '{"id": 7, "type": "message", "date": "2024-06-24T21:12:00", "text": ["Rada passes the '
        'dual citizenship law ", {"type": "link", "text": "' + U_RADA + '"}]},'
        '{"id": 8, "type": "message", "date": "2024-06-24T21:20:00", "text": [{"type": "link", '
        '"text": "https://censor.net/news/3496029/"}]}]}'
    )
    listing = parse_listing(export, DEFAULT, SOURCES)
    assert [(t, url) for _, _, t, url, _ in _dated(listing)] == [
        ("Rada passes the dual citizenship law", U_RADA)
    ]


def test_a_tables_row_without_a_link_keeps_its_own_time_as_a_draft() -> None:
    # A Word table saved as HTML: Time | Headline | Source; a row whose link is to follow
    # keeps its time; a row without a time does not take the next row's.
    table = (
        "<table><tr><td>Time</td><td>Headline</td><td>Source</td></tr>"
        '<tr><td>09:40</td><td><a href="' + U_RADA + '">Rada passes the dual citizenship '
        "law</a></td><td>Censor</td></tr>"
        '<tr><td></td><td><a href="https://censor.net/news/3496030/">Japan transfers $1.9 '
        "billion to Ukraine</a></td><td>Censor</td></tr>"
        "<tr><td>14:10</td><td>Kharkiv glide bomb attack injures 17, including two children"
        "</td><td>Suspilne – link to follow</td></tr>"
        '<tr><td>16:45</td><td><a href="https://censor.net/news/3496029/">Explosions in Odesa '
        "as ballistic missiles strike</a></td><td>Censor</td></tr></table>"
    )
    listing = parse_listing(table, DEFAULT, SOURCES)
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("09:40", "Rada passes the dual citizenship law"),
        (None, "Japan transfers $1.9 billion to Ukraine"),
        ("14:10", "Kharkiv glide bomb attack injures 17, including two children"),
        ("16:45", "Explosions in Odesa as ballistic missiles strike"),
    ]


def test_an_advertisement_under_its_label_among_timed_headlines_is_none() -> None:
    # NV's feed copied as text: times before headlines; "Реклама", the ad, its button.
    page = (
        "16:05\nExplosions in Odesa as ballistic missiles strike\n"
        "Реклама\nСонячні панелі для дому зі знижкою до 30% — встигніть замовити\n"
        "Дізнатися більше\n"
        "12:47\nRada passes the dual citizenship law\n"
        "10:22\nJapan transfers $1.9 billion to Ukraine\n"
        "08:05\nZelensky signs the law on multiple citizenship\n"
        "Support The Kyiv Times' independent journalism and enjoy special benefits.\n"
        "Join our Community\n"
    )
    assert [title for _, _, title, *_ in _dated(parse_listing(page, DEFAULT, {}))] == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
        "Japan transfers $1.9 billion to Ukraine",
        "Zelensky signs the law on multiple citizenship",
    ]


def test_a_bookmarks_bar_home_pages_and_web_apps_are_no_headlines() -> None:
    bookmarks = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n"
        '<DT><A HREF="https://www.pravda.com.ua/" ADD_DATE="1719226800">Українська правда</A>\n'
        '<DT><A HREF="https://www.apple.com/uk/" ADD_DATE="1719226800">Apple</A>\n'
        '<DT><A HREF="https://docs.google.com/document/d/1fQ8/edit" ADD_DATE="1719226800">'
        "Digest worklist</A>\n"
        '<DT><A HREF="' + U_RADA + '" ADD_DATE="1719226800">Rada passes the dual citizenship '
        "law</A>\n</DL>\n"
    )
    listing = parse_listing(bookmarks, DEFAULT, SOURCES)
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Rada passes the dual citizenship law"
    ]


def test_a_members_only_mark_in_a_cards_heading_is_no_part_of_its_headline() -> None:
    # Ghost's theme: a <div class="post-card-access"> with a lock inside the card's <h2>.
    cards = "".join(
        f'<article class="post-card"><a class="post-card-content-link" href="{url}">'
        f'<h2 class="post-card-title">{lock}{title}</h2></a></article>'
        for url, title, lock in (
            (U_RADA, "Rada passes the dual citizenship law", ""),
            (
                "https://censor.net/news/3496029/",
                "Explosions in Odesa as ballistic missiles strike",
                '<div class="post-card-access"><svg viewBox="0 0 24 24"></svg>'
                "Лише для підписників</div>",
            ),
        )
    )
    listing = parse_listing(f"<html><body>{cards}</body></html>", DEFAULT, SOURCES)
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Rada passes the dual citizenship law",
        "Explosions in Odesa as ballistic missiles strike",
    ]


def test_a_newsletters_section_heading_dates_its_items_and_its_credits_give_their_links() -> None:
    # A Substack post: "Title — <a>Outlet</a>" items (one outlet named so that it names no
    # site, "Би-би-си" on bbc.com), a section headed with its day after a colon, a count of
    # comments linked.
    post = (
        "<html><body><article><h1>Сводка, 25 июня</h1>"
        '<a href="https://x.substack.com/p/svodka/comments">5</a>'
        "<h3>Главное за день</h3><ul>"
        '<li><p>Rada passes the dual citizenship law — <a href="' + U_RADA + '">Censor</a></p></li>'
        '<li><p>Japan transfers $1.9 billion to Ukraine — <a href="https://censor.net/news/'
        '3496030/">Censor</a></p></li></ul>'
        "<h3>Вы могли пропустить: 23 июня</h3><ul>"
        "<li><p>Трамп выбрал Вэнса. Что известно о противнике помощи Украине — "
        '<a href="https://www.bbc.com/russian/articles/c3g9">Би-би-си</a></p></li></ul>'
        '<p><a href="https://x.substack.com/p/svodka/comments">4 more comments...</a></p>'
        "</article></body></html>"
    )
    listing = parse_listing(post, DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "Rada passes the dual citizenship law", U_RADA),
        (
            "2024-06-25",
            "Japan transfers $1.9 billion to Ukraine",
            "https://censor.net/news/3496030/",
        ),
        (
            "2024-06-23",
            "Трамп выбрал Вэнса. Что известно о противнике помощи Украине",
            "https://www.bbc.com/russian/articles/c3g9",
        ),
    ]


def test_a_chats_preview_named_by_a_sources_initials_and_a_replys_header() -> None:
    # Element copied as text: a link, its preview's site ("Institute for the Study of War",
    # the source named "ISW"), its title; a reply's "In reply to …" over a link shared again.
    chat = (
        "Digest desk\nIryna Hnatiuk\n09:04\n"
        "https://www.understandingwar.org/backgrounder/assessment-june-23-2024\n"
        "Institute for the Study of War\nRussian Offensive Campaign Assessment, June 23, 2024\n"
        "Mariia Bondar\n09:30\n" + U_RADA + "\nCensor\nRada passes the dual citizenship law\n"
        "Iryna Hnatiuk\n09:31\nIn reply to Mariia Bondar\n" + U_RADA + "\nsigned already?\n"
    )
    sources = {**SOURCES, "isw": "https://www.understandingwar.org/"}
    listing = parse_listing(chat, DEFAULT, sources, names={"isw": "ISW", "censor": "Censor"})
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Russian Offensive Campaign Assessment, June 23, 2024",
        "Rada passes the dual citizenship law",
    ]


def test_a_newsletters_section_names_call_to_support_and_footer_are_no_headlines() -> None:
    mail = (
        "Главное за день\n"
        "Rada passes the dual citizenship law\nJapan transfers $1.9 billion to Ukraine\n"
        "Вы могли пропустить\nExplosions in Odesa as ballistic missiles strike\n"
        "Поддержите «Новую газету Европа»\n"
        "Вы получили это письмо, потому что подписались на рассылку «Новой газеты Европа».\n"
    )
    assert [title for _, _, title, *_ in _dated(parse_listing(mail, DEFAULT, {}))] == [
        "Rada passes the dual citizenship law",
        "Japan transfers $1.9 billion to Ukraine",
        "Explosions in Odesa as ballistic missiles strike",
    ]


def test_a_time_naming_no_zone_is_the_time_of_the_pages_country() -> None:
    # novinky.cz writes Prague's time without naming it; a .com site's time stays as written,
    # and a time that names its zone is moved from that zone, not the country's.
    cz = (
        "Zelenskyj chce, aby Rusko přijelo na druhý mírový summit "
        "https://www.novinky.cz/clanek/zelenskyj-40482345\ndnes 14:05\n"
        "Rusko zaútočilo na Charkov https://www.novinky.cz/clanek/charkov-40482290\n"
        "včera 23:35\n"
        "EU bojkotuje schůzky https://www.novinky.cz/clanek/eu-40482190\n24.06.2024 18:00 UTC\n"
    )
    listing = parse_listing(cz, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "15:05"),
        ("2024-06-25", "00:35"),
        ("2024-06-24", "21:00"),
    ]
    com = "Explosions in Odesa https://example.com/news/3496029/\n25.06.2024 14:05\n"
    assert [t for _, t, *_ in _dated(parse_listing(com, DEFAULT, {}, timezone="Europe/Kyiv"))] == [
        "14:05"
    ]
    # A page saved from yna.co.kr: its <time datetime> without an offset is Seoul's.
    page = "".join(
        f'<li><a href="https://www.yna.co.kr/view/AKR2024062{n}">{title}</a>'
        f'<time datetime="2024-06-25T{hour}:05">{hour}:05</time></li>'
        for n, title, hour in (
            (1, "Zelensky wants Russia at the summit", "15"),
            (2, "Rada passes the law", "09"),
        )
    )
    listing = parse_listing(f"<ul>{page}</ul>", DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "09:05"),
        ("2024-06-25", "03:05"),
    ]


def test_a_copys_time_before_its_date() -> None:
    # RNZ copied: "2:05 am on 17 July 2024" under each title (Auckland's, 9 h ahead of Kyiv's).
    copied = (
        "World\nKremlin says it needs to 'understand' Zelensky's peace summit comments\n"
        "The Kremlin says it needs to understand what Ukraine's president meant.\n"
        "2:05 am on 17 July 2024\nBangladesh: Six dead as students clash with police over quotas\n"
        "Protesters want an end to a system that reserves a third of government jobs.\n"
        "11:40 pm on 16 July 2024\n"
    )
    listing = parse_listing(
        copied,
        dt.date(2024, 7, 16),
        {"rnz": "https://www.rnz.co.nz/"},
        "rnz",
        timezone="Europe/Kyiv",
    )
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-07-16", "17:05"),
        ("2024-07-16", "14:40"),
    ]


def test_a_radios_stream_link_and_a_namespaced_breaking_bar_are_no_headlines() -> None:
    # Вільне радіо's top bar ("▶ Слухати ефір 90.2 FM") and 0462's bar, div.c-breaking.
    cards = "".join(
        f'<article class="card"><a href="https://vilne.org.ua/news/2024/07/16/{n}/">{title}</a>'
        f'<time datetime="2024-07-16T{when}:00+03:00">{when}</time></article>'
        for n, title, when in (
            (1, "Обстріл Покровська: пошкоджено два багатоповерхівки", "17:05"),
            (2, "У Краматорську відновили водопостачання після удару", "15:40"),
        )
    )
    page = (
        '<header><a class="top-bar__radio" href="https://vilne.org.ua/efir/">▶ Слухати ефір 90.2 FM'
        '</a></header><div class="c-breaking"><span class="c-breaking__label">Важливо</span>'
        '<a class="c-breaking__link" href="/news/3838101/povitryana-tryvoga">Повітряна тривога у '
        f"Чернігові: до якого укриття йти</a></div><main>{cards}</main>"
    )
    assert [title for _, _, title in _read(page)] == [
        "Обстріл Покровська: пошкоджено два багатоповерхівки",
        "У Краматорську відновили водопостачання після удару",
    ]


def test_an_items_publication_counts_not_its_update_written_before_it() -> None:
    # Zhitomir.info: "Оновлено: 16.07.2024 17:30 Опубліковано: 16.07.2024 09:12" under a
    # title: the item was published at 09:12, whatever the order of the two.
    def item(n: int, title: str, dates: str) -> str:
        return (
            f'<div class="news-item"><a href="https://www.zhitomir.info/news_2145{n}.html">{title}'
            f'</a><div class="dates">{dates}</div></div>'
        )

    page = (
        "<main>"
        + item(
            91,
            "Нічна атака: на Житомирщині пошкоджено об'єкт інфраструктури",
            '<span class="upd">Оновлено: 16.07.2024 17:30</span> '
            '<span class="pub">Опубліковано: 16.07.2024 09:12</span>',
        )
        + item(
            88,
            "Житомирська ОВА: у громадах області відновлюють світло",
            '<span class="pub">Опубліковано: 16.07.2024 08:40</span>',
        )
        + item(
            83,
            "У Житомирі оголосили повітряну тривогу через загрозу балістики",
            '<span class="upd">Оновлено: 16.07.2024 10:15</span> '
            '<span class="pub">Опубліковано: 15.07.2024 21:37</span>',
        )
        + "</main>"
    )
    assert [(d, t) for d, t, _ in _read(page)] == [
        ("2024-07-16", "09:12"),
        ("2024-07-16", "08:40"),
        ("2024-07-15", "21:37"),
    ]


def test_a_dashed_date_and_a_datetime_on_a_span() -> None:
    # Al-Ahram's "16-7-2024 | 16:20" (Cairo's time: Kyiv's in July); the Daily Star's
    # <span class="interval" datetime="2024-07-16T20:48:00+06:00"> in Bengali digits.
    ahram = "".join(
        f'<div class="row"><h3><a href="/News/48652{n}.aspx">{title}</a></h3>'
        f'<span class="date">{when}</span></div>'
        for n, title, when in (
            (10, "زيلينسكي: يجب أن تشارك روسيا في قمة السلام المقبلة", "16-7-2024 | 16:20"),
            (11, "موسكو تعلن السيطرة على قرية جديدة في دونيتسك", "15-7-2024 | 13:05"),
        )
    )
    page = f'<html><head><link rel="canonical" href="https://gate.ahram.org.eg/Portal/2/"></head><body>{ahram}</body></html>'
    assert [(d, t) for d, t, _ in _read(page)] == [("2024-07-16", "16:20"), ("2024-07-15", "13:05")]
    star = "".join(
        f'<div class="card"><h3><a href="https://bangla.thedailystar.net/news/world/{n}">{title}</a>'
        f'</h3><span class="interval" datetime="2024-07-16T{when}:00+06:00">১৬ জুলাই ২০২৪</span></div>'
        for n, title, when in (
            (1, "শান্তি সম্মেলনে রাশিয়ার অংশগ্রহণ চান জেলেনস্কি", "20:48"),
            (2, "খারকিভে রুশ হামলায় আহত ৯", "18:02"),
        )
    )
    assert [(d, t) for d, t, _ in _read(f"<main>{star}</main>")] == [
        ("2024-07-16", "17:48"),
        ("2024-07-16", "15:02"),
    ]


def test_a_copys_player_controls_between_an_item_and_its_time() -> None:
    # RNZ's audio item copied: its lead, "Listen duration 4′ :12″" and "Add to playlist"
    # stand between its title and its time ("5:30 pm on 16 July 2024", Auckland's).
    copied = (
        "Oman mosque shooting: Islamic State claims attack that killed six\n"
        "Gunmen opened fire at a Shia mosque in Muscat during a religious gathering.\n"
        "9:12 pm on 16 July 2024\nAudio\nUkrainian men face deadline to update military records\n"
        "Kyiv-based journalist Iryna Bondar on the new mobilisation rules and what happens next.\n"
        "Listen duration 4′ :12″\nAdd to playlist\n5:30 pm on 16 July 2024\nVideo\n"
        "Trump picks JD Vance as running mate on first day of Republican convention\n"
        "The Ohio senator has been named his vice-presidential pick.\n7:50 am on 16 July 2024\n"
    )
    assert _read(copied, "rnz", "https://www.rnz.co.nz/") == [
        (
            "2024-07-16",
            "12:12",
            "Oman mosque shooting: Islamic State claims attack that killed six",
        ),
        ("2024-07-16", "08:30", "Ukrainian men face deadline to update military records"),
        (
            "2024-07-15",
            "22:50",
            "Trump picks JD Vance as running mate on first day of Republican convention",
        ),
    ]


def test_cards_of_one_block_name_and_varied_classes_are_the_listing() -> None:
    # The LA Times (Brightspot): <ps-promo class="promo promo-position-large …">, each card's
    # size classes its own; "promo" names them all. A sponsored one is still no headline.
    def promo(sizes: str, n: int, title: str) -> str:
        return (
            f'<li><ps-promo class="promo {sizes}"><div class="promo-content"><h2 class="promo-title">'
            f'<a href="https://www.latimes.com/world-nation/story/2024-07-16/story-{n}">{title}</a>'
            f'</h2><time class="promo-timestamp" datetime="2024-07-16T1{n}:42:10Z">July 16, 2024'
            "</time></div></ps-promo></li>"
        )

    page = (
        '<main><ul class="List-items">'
        + promo(
            "promo-position-large promo-medium-size-large",
            3,
            "Kremlin says it wants to understand Zelensky",
        )
        + promo(
            "promo-position-large promo-medium-size-medium",
            2,
            "Russian drones hit Odesa port overnight",
        )
        + promo(
            "promo-position-small promo-medium-size-small",
            1,
            "EU to boycott Hungary-hosted meetings",
        )
        + promo(
            "promo-position-small promo-sponsored", 0, "Save on solar panels with this one trick"
        )
        + "</ul></main>"
    )
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Kremlin says it wants to understand Zelensky",
        "Russian drones hit Odesa port overnight",
        "EU to boycott Hungary-hosted meetings",
    ]


def test_cards_named_promo_are_no_sidebars_a_promo_box_is() -> None:
    # RTÉ names every card "article-promo" (its lead "article-promo--lead", a video's
    # "article-promo--video"): cards of the listing; HS's "promo-box" beside it is a sidebar.
    from builder.importelements import sidebar
    from builder.markuptree import html_document

    page = html_document(
        '<html><body><article class="article-promo article-promo--lead"><a href="/a">A</a>'
        '</article><div class="card-promo"><a href="/b">B</a></div>'
        '<section class="promo-box"><h2>Newsletter</h2><a href="/n">Sign up</a></section>'
        '<div class="promo"><a href="/c">C</a></div></body></html>'
    )
    assert page is not None
    found = {e.get("class"): sidebar(e) for e in page.iter("article", "div", "section")}
    assert found == {
        "article-promo article-promo--lead": False,
        "card-promo": False,
        "promo-box": True,
        "promo": True,
    }


def test_a_link_laid_over_its_card_and_the_cards_sublink() -> None:
    # The Guardian's cards: an empty link laid over each, its headline in its label; the
    # title shown in a heading outside any link, the time in the card's footer; a sublink
    # to another article in the card, its kicker ("Ukraine war briefing") over its title.
    def card(path: str, title: str, when: str, sublink: str = "") -> str:
        return (
            f'<li><div class="c"><a href="/world/{path}" aria-label="{title}"></a><div class="b">'
            f'<h3 class="card-headline"><div class="k">Live</div><span>{title}</span></h3>'
            f'<footer><time datetime="{when}">3h ago</time><a href="/world/{path}#comments" '
            f'aria-label="(427 comments)">427</a></footer>{sublink}</div></div></li>'
        )

    sub = (
        '<ul><li><a href="/world/2024/jul/16/ukraine-war-briefing-kharkiv"><h3>'
        "<div>Ukraine war briefing</div><span>Russian missile strike on Kharkiv kills three</span>"
        "</h3></a></li></ul>"
    )
    page = (
        '<html><head><link rel="canonical" href="https://www.theguardian.com/world/ukraine">'
        "</head><body><main><ul>"
        + card(
            "live/2024/jul/16/russia-ukraine-war-live",
            "Russia-Ukraine war live: Zelenskyy says Russia should attend next summit",
            "2024-07-16T08:12:44.000Z",
            sub,
        )
        + card(
            "2024/jul/16/poland-russian-missiles",
            "Poland says it could shoot down Russian missiles over western Ukraine",
            "2024-07-16T05:30:00.000Z",
        )
        + "</ul></main></body></html>"
    )
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        (
            "11:12",
            "Russia-Ukraine war live: Zelenskyy says Russia should attend next summit",
            "https://www.theguardian.com/world/live/2024/jul/16/russia-ukraine-war-live",
        ),
        (
            None,
            "Russian missile strike on Kharkiv kills three",
            "https://www.theguardian.com/world/2024/jul/16/ukraine-war-briefing-kharkiv",
        ),
        (
            "08:30",
            "Poland says it could shoot down Russian missiles over western Ukraine",
            "https://www.theguardian.com/world/2024/jul/16/poland-russian-missiles",
        ),
    ]


def test_times_with_seconds_a_japanese_weekday_after_a_slashed_date_and_reading_times() -> None:
    # Xinhua's "2024-07-16 22:47:12" (Beijing's, 5 h ahead of Kyiv's); Yahoo! Japan's
    # "7/16(火) 23:41" (Tokyo's, 6 h ahead); La Stampa's "2 minuti di lettura" and "Carica
    # altri aggiornamenti" in a copy, no headlines.
    xinhua = "".join(
        f'<li><div class="tit"><a href="../20240716/{n}/c.html">{title}</a></div>'
        f'<div class="info"><span class="time">{when}</span></div></li>'
        for n, title, when in (
            (
                "d5720bd5",
                "Lavrov says West not interested in peaceful settlement",
                "2024-07-16 22:47:12",
            ),
            (
                "c0ebbae3",
                "Ukraine says 13 injured in Russian glide bomb attack",
                "2024-07-16 03:58:30",
            ),
        )
    )
    page = f'<head><link rel="canonical" href="https://english.news.cn/list/latestnews.htm"></head><ul>{xinhua}</ul>'
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-07-16", "17:47"),
        ("2024-07-15", "22:58"),
    ]
    yahoo = "".join(
        f'<li><a href="https://news.yahoo.co.jp/articles/{n}"><div class="title">{title}</div>'
        f"<span>共同通信</span><time>{when}</time></a></li>"
        for n, title, when in (
            (
                "2682576",
                "ラブロフ外相、国連安保理で欧米批判　ウクライナ巡り「和平望んでいない」",
                "7/16(火) 23:41",
            ),
            ("c136802", "ロシア大統領府、ゼレンスキー氏の発言に慎重姿勢", "7/16(火) 22:58"),
        )
    )
    listing = parse_listing(
        f'<html lang="ja"><body><ul>{yahoo}</ul></body></html>',
        dt.date(2024, 7, 16),
        {},
        timezone="Europe/Kyiv",
    )
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-07-16", "17:41"),
        ("2024-07-16", "16:58"),
    ]
    copied = (
        "Guerra in Ucraina, la diretta\n2 minuti di lettura\n17:55\n"
        "Lavrov all'Onu: l'Occidente non vuole la pace\n16:48\n"
        "Metsola rieletta presidente del Parlamento europeo\nCarica altri aggiornamenti\n"
    )
    listing = parse_listing(
        copied,
        dt.date(2024, 7, 16),
        {"stampa": "https://www.lastampa.it/"},
        "stampa",
        timezone="Europe/Kyiv",
    )
    assert "2 minuti di lettura" not in [title for _, _, title, *_ in _dated(listing)]
    assert "Carica altri aggiornamenti" not in [title for _, _, title, *_ in _dated(listing)]


def test_a_topic_link_under_a_script_path_and_a_recommendation_widget() -> None:
    # Politika: a kicker linking its topic, "/scc/tema/1372/Rat-u-Ukrajini" (/scc/: Serbian in
    # Cyrillic, then the topic's id and name), over each title; Midas Network's box of
    # other sites' stories ("Препоручујемо").
    def item(n: int, title: str, when: str) -> str:
        return (
            f'<div class="news-item"><a href="/scc/clanak/6129{n}/slug-{n}" class="news-item-img">'
            f'<img src="x.jpg" alt=""></a><div class="news-item-body"><span class="nadnaslov">'
            f'<a href="/scc/tema/1372/Rat-u-Ukrajini">Рат у Украјини</a></span>'
            f'<h3 class="news-item-title"><a href="/scc/clanak/6129{n}/slug-{n}">{title}</a></h3>'
            f'<div class="news-item-info"><time datetime="2024-07-16T{when}:00+02:00">16.07.2024. '
            f'{when}</time> <a href="/scc/clanak/6129{n}/slug-{n}#comments">Коментари (34)</a>'
            "</div></div></div>"
        )

    page = (
        '<html><head><link rel="canonical" href="https://www.politika.rs/scc/rubrika/2/Svet">'
        '</head><body><div class="news-list">'
        + item(4, "Зеленски: Представници Русије треба да буду на следећем самиту о миру", "16:45")
        + item(2, "Харков поново нападнут вођеним бомбама, шест рањених (ВИДЕО)", "13:20")
        + item(1, "Румунија: делови дрона поново пронађени код Плауруа", "11:05")
        + '</div><div class="midas-widget"><div class="midas-title">Препоручујемо</div>'
        '<a href="https://www.novosti.rs/vesti/drustvo/1390021/toplotni-talas">Топлотни талас: '
        "ево када стиже освежење</a></div></body></html>"
    )
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("17:45", "Зеленски: Представници Русије треба да буду на следећем самиту о миру"),
        ("14:20", "Харков поново нападнут вођеним бомбама, шест рањених (ВИДЕО)"),
        ("12:05", "Румунија: делови дрона поново пронађени код Плауруа"),
    ]


def test_a_cards_category_link_beside_its_title_in_a_svelte_component() -> None:
    # Adevărul (SvelteKit): every element of a card carries the component's class
    # ("svelte-1x7wq2a"); the category's link beside the title's is no item of a run.
    def poster(n: int, category: str, title: str) -> str:
        return (
            f'<div class="poster svelte-1x7wq2a"><div class="content svelte-1x7wq2a">'
            f'<a href="https://adevarul.ro/stiri-externe/{category.lower()}" class="category '
            f'svelte-1x7wq2a">{category}</a><a href="https://adevarul.ro/stiri-externe/europa/'
            f'story-{n}.html" class="title svelte-1x7wq2a">{title}</a><div class="meta '
            f'svelte-1x7wq2a"><span class="date svelte-1x7wq2a">16 iul. 2024, 1{n}:05</span>'
            "</div></div></div>"
        )

    page = (
        '<main><div class="col main-col svelte-1rvxrnc">'
        + poster(5, "Rusia", "Kremlinul răspunde propunerii lui Zelenski")
        + poster(3, "Tulcea", "Fragmente de dronă descoperite lângă Plauru")
        + poster(1, "Europa", "Comisia Europeană boicotează președinția Ungariei")
        + "</div></main>"
    )
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Kremlinul răspunde propunerii lui Zelenski",
        "Fragmente de dronă descoperite lângă Plauru",
        "Comisia Europeană boicotează președinția Ungariei",
    ]


def test_a_copys_video_promo_in_a_screen_readers_words_gives_its_title() -> None:
    # The BBC's promo of a video, copied: its visually hidden words around the title.
    for copied, title in (
        (
            "Видео, «Мы держим, но их слишком много»: как воюют под Покровском, "
            "Продолжительность 3,12",
            "«Мы держим, но их слишком много»: как воюют под Покровском",
        ),
        (
            "Video, Inside the battle for Pokrovsk with Ukraine's infantry, Duration 3:12",
            "Inside the battle for Pokrovsk with Ukraine's infantry",
        ),
    ):
        listing = parse_listing(
            copied + "\n2 hours ago\n", dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv"
        )
        assert [(d, t, got) for d, t, got, *_ in _dated(listing)] == [("2024-07-16", None, title)]


def test_a_copys_rubric_word_over_each_date_makes_dates_lead_their_titles() -> None:
    # RTV SLO copied: the page's heading and its lead, then each item's rubric ("Svet"),
    # its date ("16. julij 2024 ob 13:40", Ljubljana's: an hour behind Kyiv's), its title,
    # its lead and its comments' count.
    copied = (
        "Preskoči na vsebino\nMMC RTV SLO\nPrijava\nIskanje\nNovice\nSlovenija\nSvet\n"
        "Gospodarstvo\nŠport\nKultura\n"
        "Vojna v Ukrajini\nNovice, analize in reportaže o ruski invaziji na Ukrajino.\nSvet\n"
        "16. julij 2024 ob 13:40\nKremelj hladno o Zelenskem: Najprej moramo razumeti, kaj je mislil\n"
        "Moskva je zadržano sprejela napoved ukrajinskega predsednika.\n42 komentarjev\nSlovenija\n"
        "16. julij 2024 ob 12:12\nVlada potrdila nov sveženj humanitarne pomoči Ukrajini\n"
        "17 komentarjev\nSvet\n15. julij 2024 ob 21:14\n"
        "Zelenski: Rusija bi morala sodelovati na drugem vrhu o miru\n103 komentarji\nSvet\n"
        "15. julij 2024 ob 17:02\nEvropska komisija bo bojkotirala neformalna srečanja\n"
        "Naloži več\n"
    )
    assert _read(copied, "rtvslo", "https://www.rtvslo.si/") == [
        (
            "2024-07-16",
            "14:40",
            "Kremelj hladno o Zelenskem: Najprej moramo razumeti, kaj je mislil",
        ),
        ("2024-07-16", "13:12", "Vlada potrdila nov sveženj humanitarne pomoči Ukrajini"),
        ("2024-07-15", "22:14", "Zelenski: Rusija bi morala sodelovati na drugem vrhu o miru"),
        ("2024-07-15", "18:02", "Evropska komisija bo bojkotirala neformalna srečanja"),
    ]


def test_a_copys_bylines_dated_with_on_and_at_and_its_sponsors_card() -> None:
    # Breaking Defense copied: "By Tim Martin on July 16, 2024 at 10:40 AM" under each title
    # (a .com: the time as written), a card under "SPONSORED" and "Sponsored by …", no byline,
    # and a newsletter's pitch ("… in your inbox").
    copied = (
        "Europe\n\nGLOBAL\nUK launches Strategic Defence Review led by former NATO chief\n"
        "The review is due to report in the first half of 2025.\n"
        "By Tim Martin on July 16, 2024 at 10:40 AM\n\n"
        "SPONSORED\nSponsored by Lockheed Martin\n"
        "How integrated air and missile defense is evolving for the eastern flank\n\n"
        "LAND\nPentagon readies new Ukraine aid package with Patriot interceptors\n"
        "By Ashley Roque and Valerie Insinna on July 15, 2024 at 5:32 PM\n\n"
        "Newsletter\nThe day's defense news, every morning in your inbox\n"
    )
    assert _read(copied, "bd", "https://breakingdefense.com/") == [
        ("2024-07-16", "10:40", "UK launches Strategic Defence Review led by former NATO chief"),
        (
            "2024-07-15",
            "17:32",
            "Pentagon readies new Ukraine aid package with Patriot interceptors",
        ),
    ]


def test_a_feeds_breaking_bar_and_its_read_also_boxes_are_no_headlines() -> None:
    # Industrialka's bar (div.breaking, "Терміново"), Novosti-N's box of one link under a
    # bold "Читайте также:" and Slobidskyi Krai's under a caption, between the feed's items.
    def item(n: int, time: str, title: str) -> str:
        return (
            f'<div class="news-item"><time datetime="2024-07-16T{time}:00+03:00">{time}</time>'
            f'<a href="https://www.slk.kh.ua/news/viyna/{n}">{title}</a></div>'
        )

    page = (
        '<html lang="uk"><body><div class="breaking container"><span class="breaking__label">'
        'Терміново</span><a class="breaking__link" href="https://www.slk.kh.ua/news/zvuky-vybukhiv">'
        'У Запоріжжі звучать вибухи, працює ППО</a></div><main><div class="feed">'
        + item(1, "17:05", "Терехов: у Харкові через удар КАБом пошкоджено будинки")
        + '<div class="read-also"><b>Читайте также:</b> <a href="https://www.slk.kh.ua/analytics/'
        'voda">Николаев без питьевой воды: что на самом деле происходит</a></div>'
        + item(2, "14:02", "У Вовчанську тривають бої за агрегатний завод")
        + '<div class="ReadAlso_box__fT6yQ"><span class="ReadAlso_caption__c0Vb1">Читайте також:'
        '</span> <a href="https://www.slk.kh.ua/news/statti/pivroku">Пів року під КАБами: як Харків '
        "живе після початку наступу</a></div>"
        + item(3, "11:40", "На Харківщині попрощалися з трьома бійцями 92-ї бригади")
        + "</div></main></body></html>"
    )
    listing = parse_listing(page, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("17:05", "Терехов: у Харкові через удар КАБом пошкоджено будинки"),
        ("14:02", "У Вовчанську тривають бої за агрегатний завод"),
        ("11:40", "На Харківщині попрощалися з трьома бійцями 92-ї бригади"),
    ]


def test_moments_in_a_timeago_title_and_in_the_pages_script_data() -> None:
    # Dawn: the time as an age ("16 minutes ago") in an element whose title holds the
    # moment; Pakistan's time, 2 h ahead of Kyiv's.
    dawn = "".join(
        f'<article class="story"><h2 class="story__title"><a href="https://www.dawn.com/news/{n}/'
        f'story-{n}">{title}</a></h2><span class="story__time"><span class="timestamp--label">'
        f'Published</span> <span class="timestamp--time timeago" title="{when}">{age}</span>'
        "</span></article>"
        for n, title, when, age in (
            (
                1846398,
                "Kremlin says must understand Zelensky’s call",
                "2024-07-16T19:44:12+05:00",
                "16 minutes ago",
            ),
            (
                1846301,
                "Russian glide bombs hit Kharkiv, wounding nine",
                "2024-07-16T11:26:51+05:00",
                "about 9 hours ago",
            ),
        )
    )
    listing = parse_listing(f"<main>{dawn}</main>", DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-07-16", "17:44"),
        ("2024-07-16", "09:26"),
    ]
    # La Nación (Arc XP): its cards show no date; its script's data does (display_date, UTC).
    # A kicker in bold glued before a title in its link; the image's link names the title.
    # Section tabs (ul.tab-list) and a consent dialog are no headlines.
    cards = "".join(
        f'<article class="mod-article"><a href="/el-mundo/{slug}/" aria-label="{title}">'
        f'<img src="x.jpg" alt=""></a><h2><a href="/el-mundo/{slug}/">{kicker}{title}</a></h2>'
        "</article>"
        for slug, kicker, title in (
            ("kremlin-nid16072024", "", "El Kremlin respondió a Zelensky sobre la cumbre"),
            (
                "oman-nid16072024",
                "<strong>Medio Oriente. </strong>",
                "Estado Islámico se adjudicó el ataque a una mezquita en Omán",
            ),
        )
    )
    data = (
        'Fusion.globalContent={"content_elements":['
        '{"canonical_url":"/el-mundo/kremlin-nid16072024/","display_date":"2024-07-16T14:40:00.000Z"},'
        '{"canonical_url":"/el-mundo/oman-nid16072024/","display_date":"2024-07-15T21:05:00.000Z"}'
        "]};"
    )
    page = (
        '<html lang="es"><head><link rel="canonical" href="https://www.lanacion.com.ar/el-mundo/">'
        '</head><body><div role="dialog" aria-label="Samtycke"><p>Cookies. <a href="/kundservice/'
        'personuppgiftspolicy/">Läs mer i vår personuppgiftspolicy</a></p></div>'
        '<ul class="tab-list"><li><a href="/el-mundo/america/">América Latina</a></li>'
        '<li><a href="/el-mundo/europa/">Europa del Este</a></li></ul>'
        f"<main>{cards}</main><script>window.Fusion={{}};{data}</script></body></html>"
    )
    listing = parse_listing(page, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-07-16", "17:40", "El Kremlin respondió a Zelensky sobre la cumbre"),
        ("2024-07-16", "00:05", "Estado Islámico se adjudicó el ataque a una mezquita en Omán"),
    ]


def test_a_copys_times_under_a_weekdays_day_heading_lead_their_headlines() -> None:
    # Iltalehti copied as text: its menu, then "Tiistai 16.7." (Tuesday 16 July, no year)
    # and each item's time ("17.32", Helsinki's: Kyiv's) above its title.
    copied = (
        "Etusivu\nUutiset\nUlkomaat\nTuoreimmat\nTiistai 16.7.\n17.32\n"
        "Kreml vastasi Zelenskyille: ”Täytyy ymmärtää, mitä hän tarkoitti”\n16.02\n"
        "Isis kertoo olevansa Omanin moskeijaiskun takana – kuusi kuoli\n"
        "Maanantai 15.7.\n22.40\nTrumpin asiakirjajuttu kaatui – tuomari hylkäsi syytteet\n"
    )
    assert _read(copied, "il", "https://www.iltalehti.fi/") == [
        (
            "2024-07-16",
            "17:32",
            "Kreml vastasi Zelenskyille: ”Täytyy ymmärtää, mitä hän tarkoitti”",
        ),
        ("2024-07-16", "16:02", "Isis kertoo olevansa Omanin moskeijaiskun takana – kuusi kuoli"),
        ("2024-07-15", "22:40", "Trumpin asiakirjajuttu kaatui – tuomari hylkäsi syytteet"),
    ]
    # Kun.uz's "Bugun 19:35" and "Kecha 20:30" (Uzbek: today, yesterday; Tashkent's, +5).
    uz = (
        '<div class="news-list">'
        '<div class="news"><a href="https://kun.uz/news/2024/07/16/kreml">Kreml Zelenskiyning '
        'bayonotiga munosabat bildirdi</a><span class="news-meta__date">Bugun 19:35</span></div>'
        '<div class="news"><a href="https://kun.uz/news/2024/07/15/tramp">Tramp vitse-prezidentlikka '
        'nomzod tanladi</a><span class="news-meta__date">Kecha 20:30</span></div></div>'
    )
    listing = parse_listing(uz, dt.date(2024, 7, 16), {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-07-16", "17:35"),
        ("2024-07-15", "18:30"),
    ]


def test_a_section_pages_menus_chips_bars_and_bylines_are_no_headlines() -> None:
    # A section page (VnExpress's shape, with Hürriyet's, HS's and Asharq Al-Awsat's parts):
    # its subsections in a list classed as a menu and its topics in one classed as tags, a
    # breaking-news bar, a top story alone in a "col-left-top" column (a main column, not a
    # sidebar), items timed by data-publishtime (Unix seconds), a writer's link in a block
    # classed as the author's and to a writers' path in Arabic ("/كتاب/…").
    def item(n: int, title: str, stamp: int) -> str:
        return (
            f'<article class="item-news item-news-common" data-publishtime="{stamp}">'
            f'<h2 class="title-news"><a href="https://vnexpress.net/{n}-story-47705{n}.html">'
            f"{title}</a></h2>"
            f'<div class="node__author"><a href="/كتاب/هبة-القدسي">واشنطن: هبة القدسي</a></div>'
            "</article>"
        )

    page = (
        '<html lang="vi"><body><div class="breaking-news"><span>SON DAKİKA</span><ul>'
        '<li><a href="/gundem/son-dakika-istanbulda-sicak-hava-uyarisi-42501990">'
        "İstanbul'da sıcak hava uyarısı: Sıcaklık 38 dereceyi bulacak</a></li></ul></div>"
        '<section><h1><a href="/the-gioi">Thế giới</a></h1><ul class="ul-nav-folder">'
        '<li><a href="/the-gioi/tu-lieu">Tư liệu</a></li>'
        '<li><a href="/the-gioi/nguoi-viet-5-chau">Người Việt 5 châu</a></li>'
        '<li><a href="/chu-de/xung-dot-nga-ukraine-3138">Xung đột Nga - Ukraine</a></li></ul>'
        '<ul class="section-page__tags"><li><a href="/aihe/lahi-ita/">Lähi-itä</a></li>'
        '<li><a href="/aihe/yhdysvaltain-vaalit-2024/">Yhdysvaltain vaalit 2024</a></li></ul>'
        '</section><section class="section_topstory"><div class="col-left-top">'
        '<article class="item-news article-topstory" data-publishtime="1721141700">'
        '<h3 class="title-news"><a href="https://vnexpress.net/dien-kremlin-4770588.html">'
        "Điện Kremlin nói cần hiểu rõ ý Zelensky khi mời Nga dự hội nghị hòa bình</a></h3>"
        '</article></div><div class="col-right-top"><div class="banner-ads"></div></div>'
        '</section><div class="list-news-subfolder">'
        + item(1, "Ukraine hết hạn cập nhật thông tin nghĩa vụ quân sự", 1721137200)
        + item(2, "Macron chấp nhận đơn từ chức của chính phủ Pháp", 1721128200)
        + item(3, "Nga tập kích UAV khắp Ukraine, cảng Odessa bốc cháy", 1721118600)
        + "</div></body></html>"
    )
    listing = parse_listing(
        page,
        dt.date(2024, 7, 16),
        {},
        timezone="Europe/Kyiv",
        page_url="https://vnexpress.net/the-gioi",
    )
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        (
            "2024-07-16",
            "17:55",
            "Điện Kremlin nói cần hiểu rõ ý Zelensky khi mời Nga dự hội nghị hòa bình",
        ),
        ("2024-07-16", "16:40", "Ukraine hết hạn cập nhật thông tin nghĩa vụ quân sự"),
        ("2024-07-16", "14:10", "Macron chấp nhận đơn từ chức của chính phủ Pháp"),
        ("2024-07-16", "11:30", "Nga tập kích UAV khắp Ukraine, cảng Odessa bốc cháy"),
    ]


def test_a_czech_copy_gives_its_ages_its_dates_without_a_year_and_drops_its_sponsored_card() -> (
    None
):
    # Seznam Zprávy copied as text: "před 45 minutami" (45 minutes ago), "14. 7. 22:30"
    # (Prague's time, an hour behind Kyiv's), a card under "Sponzorováno".
    copied = (
        "Válka na Ukrajině\nONLINE\nKreml reagoval na Zelenského: Musíme pochopit, co tím myslel\n"
        "před 45 minutami\n"
        "Ukrajinským mužům dnes končí lhůta pro aktualizaci vojenských údajů\npřed 3 hodinami\n"
        "Evropská komise bude bojkotovat neformální schůzky maďarského předsednictví\n"
        "včera 11:50\nSponzorováno\nJak ušetřit za energie v létě? Pět rad, které fungují\nČEZ\n"
        "Ukrajinské drony zasáhly ropný sklad v Rostovské oblasti\n14. 7. 22:30\n"
    )
    assert _read(copied, "seznam", "https://www.seznamzpravy.cz/") == [
        ("2024-07-16", None, "Kreml reagoval na Zelenského: Musíme pochopit, co tím myslel"),
        ("2024-07-16", None, "Ukrajinským mužům dnes končí lhůta pro aktualizaci vojenských údajů"),
        (
            "2024-07-15",
            "12:50",
            "Evropská komise bude bojkotovat neformální schůzky maďarského předsednictví",
        ),
        ("2024-07-14", "23:30", "Ukrajinské drony zasáhly ropný sklad v Rostovské oblasti"),
    ]


def test_a_page_of_no_country_in_a_language_of_one_zone_gives_that_zones_times() -> None:
    # asahi.com is a .com: its page says it is Japanese (<html lang="ja">), Tokyo's time,
    # 6 h ahead of Kyiv's. Its titles have no spaces, and each link ends with its time in
    # full-width brackets: the title is the headline, the bracketed time its moment.
    items = "".join(
        f'<li><a href="/articles/ASS7J{n}.html"><div class="Image"><img src="l.gif" alt=""></div>'
        f'<div class="SW">{title}<span class="Time">（6/25 {time}）</span></div></a></li>'
        for n, title, time in (
            (1, "和平会議めぐり、ロシア大統領府「真意を理解する必要」", "23:40"),
            (2, "ロシア軍がウクライナ各地に無人機攻撃、港湾施設で火災", "05:10"),
        )
    )
    page = f'<!DOCTYPE html><html lang="ja"><body><main><ul class="List">{items}</ul></main></body></html>'
    listing = parse_listing(
        page, DEFAULT, {}, timezone="Europe/Kyiv", page_url="https://www.asahi.com/international/"
    )
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-25", "17:40", "和平会議めぐり、ロシア大統領府「真意を理解する必要」"),
        ("2024-06-24", "23:10", "ロシア軍がウクライナ各地に無人機攻撃、港湾施設で火災"),
    ]
    # In English, a language of many zones, the same page's times stay as written.
    english = page.replace('lang="ja"', 'lang="en"')
    listing = parse_listing(
        english,
        DEFAULT,
        {},
        timezone="Europe/Kyiv",
        page_url="https://www.asahi.com/international/",
    )
    assert [t for _, t, *_ in _dated(listing)] == ["23:40", "05:10"]
    # Folha (folha.uol.com.br) writes Brasília's time, 6 h behind Kyiv's.
    folha = "".join(
        f'<li><div class="c-headline"><a href="https://www1.folha.uol.com.br/mundo/2024/06/{n}.shtml">'
        f'<h2 class="c-headline__title">{title}</h2></a>'
        f'<time itemprop="datePublished" datetime="2024-06-25 {time}:00">25.jun.2024</time></div></li>'
        for n, title, time in (
            ("kremlin", "Kremlin diz que precisa entender o que Zelenski quis dizer", "11:40"),
            ("odessa", "Rússia ataca Ucrânia com drones durante a madrugada", "02:30"),
        )
    )
    listing = parse_listing(f"<ul>{folha}</ul>", DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "17:40"),
        ("2024-06-25", "08:30"),
    ]


@pytest.mark.parametrize(
    ("written", "day", "time"),
    [
        ("včera 20:37", "2024-06-24", "20:37"),  # Czech
        ("14 juni 2024 kl 19.30", "2024-06-14", "19:30"),  # Swedish
        ("birželio 23 d. 14:05", "2024-06-23", "14:05"),  # Lithuanian
        ("2024 m. birželio 23 d., sekmadienis", "2024-06-23", None),
        ("23 Haziran 2024 saat 14:05", "2024-06-23", "14:05"),  # Turkish
        ("23 ივნისი, 2024", "2024-06-23", None),  # Georgian
        ("نشر في 23/6/2024", "2024-06-23", None),  # Arabic: "published on"
        ("Кеше 23:20", "2024-06-24", "23:20"),  # Kazakh: "yesterday"
        ("2024年06月23日 14:05", "2024-06-23", "14:05"),  # Chinese
        ("6月23日（日） 15時05分", "2024-06-23", "15:05"),  # Japanese
        ("2024년 6월 23일 15:05", "2024-06-23", "15:05"),  # Korean
        ("23 जून 2024, 6:35 PM", "2024-06-23", "18:35"),  # Hindi: its vowels are marks
        ("23 Juni 2024, 14:05", "2024-06-23", "14:05"),  # Indonesian
        ("Publié à 8 h 05", "2024-06-25", "08:05"),  # Quebec's French
        ("Publié hier à 21 h 10", "2024-06-24", "21:10"),
        ("23 de Junho de 2024, 7:30Exclusivo", "2024-06-23", "07:30"),  # a badge glued after
        ("16. 6. 2024 9:15", "2024-06-16", "09:15"),  # Czech
        ("Ponedjeljak, 24. lipnja 2024.", "2024-06-24", None),  # Croatian
        ("пре 3 сата", "2024-06-25", None),  # Serbian: an age
        ("prije 35 minuta", "2024-06-25", None),  # Croatian
        ("24. junij 2024 ob 13:40", "2024-06-24", "13:40"),  # Slovenian
        ("Data publicării: 24.06.2024 16:40", "2024-06-24", "16:40"),  # Romanian, labelled
        ("38 perce", "2024-06-25", None),  # Hungarian: "38 minutes ago"
        ("prieš 2 val.", "2024-06-25", None),  # Lithuanian
    ],
)
def test_dates_in_more_languages_and_scripts_are_read(
    written: str, day: str, time: str | None
) -> None:
    listing = f"{written}\nRada passes the dual citizenship law https://example.org/a/1\n"
    assert [(d, t) for d, t, *_ in _dated(parse_listing(listing, DEFAULT, {}))] == [(day, time)]


def test_a_chinese_listing_without_spaces_and_a_badge_inside_a_labels_wrapper() -> None:
    # People's Daily: titles without spaces are headlines, "2024年07月16日 14:05" their moment;
    # Delfi: <span class="headline-labels"><span class="…__label">PLIUS</span></span> Title.
    page = (
        '<ul><li><a href="/n1/2024/0625/c1002-1.html">泽连斯基称希望俄罗斯派代表出席第二届和平峰会</a>'
        "<em>2024年06月25日 14:05</em></li>"
        '<li><a href="/n1/2024/0625/c1002-2.html">俄军对哈尔科夫发动制导炸弹袭击 至少9人受伤</a>'
        "<em>2024年06月25日 11:32</em></li></ul>"
    )
    listing = parse_listing(page, DEFAULT, {}, page_url="http://world.people.com.cn/")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "14:05"),
        ("2024-06-25", "11:32"),
    ]
    delfi = "".join(
        f'<article><a href="https://www.delfi.lt/plius/{n}"><span class="headline-labels">'
        f'<span class="headline-labels__label">PLIUS</span></span> {title}</a></article>'
        for n, title in (
            (1, "Ką Vance'o pasirinkimas reiškia Ukrainai"),
            (2, "Kaip dronai išvijo laivyną"),
        )
    )
    assert [t for _, _, t, *_ in _dated(parse_listing(delfi, DEFAULT, {}))] == [
        "Ką Vance'o pasirinkimas reiškia Ukrainai",
        "Kaip dronai išvijo laivyną",
    ]


def test_a_feed_readers_starred_stories_a_trackers_link_and_a_mails_coloured_kicker() -> None:
    # NewsBlur's starred stories (JSON): story_title, story_permalink, story_timestamp.
    stories = (
        '{"stories": [{"story_title": "Rada passes the dual citizenship law", '
        '"story_permalink": "' + U_RADA + '", "story_date": "2024-06-24 07:02:40", '
        '"story_timestamp": "1719212560"}, {"story_title": "Japan transfers $1.9 billion", '
        '"story_permalink": "https://censor.net/news/3496030/", "story_timestamp": "1719176400"}]}'
    )
    listing = parse_listing(stories, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, url) for d, t, _, url, _ in _dated(listing)] == [
        ("2024-06-24", "10:02", U_RADA),
        ("2024-06-24", "00:00", "https://censor.net/news/3496030/"),
    ]
    # Sailthru's click tracker (Axios): the article's address base64-encoded mid-path; the
    # Guardian's mail: a kicker coloured inline at the start of the headline's link.
    tracked = "https://link.axios.com/click/35102847.1037/aHR0cHM6Ly9jZW5zb3IubmV0L25ld3MvMzQ5NjAyOS8/65c74c15"
    mail = "".join(
        f'<h3><a href="{url}" style="color:#121212"><span style="color:#c70000;font-weight:700">'
        f"{kicker}</span> {title}</a></h3>"
        for url, kicker, title in (
            (tracked, "Ukraine", "Explosions in Odesa as ballistic missiles strike"),
            (U_RADA, "Ukraine", "Rada passes the dual citizenship law"),
        )
    )
    assert [(t, url) for _, _, t, url, _ in _dated(parse_listing(mail, DEFAULT, SOURCES))] == [
        ("Explosions in Odesa as ballistic missiles strike", "https://censor.net/news/3496029/"),
        ("Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_read_later_apps_markdown_export_gives_each_article_its_original_link() -> None:
    # Omnivore's export to Obsidian: "## Title", tags, "[Read on Omnivore](app)", "[Read
    # Original](article)", "Site:", "Saved:" (its day), highlights linking back to the app.
    export = (
        "## Explosions in Odesa as ballistic missiles strike\n#Omnivore #ukraine\n\n"
        "[Read on Omnivore](https://omnivore.app/me/explosions-in-odesa-190851048a9)\n"
        "[Read Original](https://censor.net/news/3496029/)\nSite: Censor\nSaved: 2024-06-23 21:30\n\n"
        "### Highlights\n\n> Two missiles hit the port overnight. "
        "[⤴️](https://omnivore.app/me/explosions-in-odesa-190851048a9#af79)\n\n---\n\n"
        "## Rada passes the dual citizenship law | Censor\n#Omnivore\n\n"
        "[Read on Omnivore](https://omnivore.app/me/rada-passes-19061816450)\n"
        "[Read Original](" + U_RADA + ")\nSite: Censor\nSaved: 2024-06-24 08:12\n\n---\n"
    )
    listing = parse_listing(export, DEFAULT, SOURCES, names={"censor": "Censor"})
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        (
            "2024-06-23",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_press_reviews_items_give_their_titles_the_links_labelled_link() -> None:
    # A regional administration's "Огляд ЗМІ": "1. <b>Outlet</b>: Title (<a>посилання</a>)";
    # beside it, the administration's own news.
    review = (
        '<html><body><aside><ul><li><a href="https://oda.example.gov.ua/news/1">Голова '
        'провів засідання Ради оборони області</a></li><li><a href="https://oda.example.gov.ua/'
        'news/2">Оголошено конкурс на заміщення вакантних посад</a></li></ul></aside><article>'
        "<p>1.&nbsp;<strong>Укрінформ</strong>: Сили оборони за добу відбили 21 атаку на "
        'Покровському напрямку (<a href="https://www.ukrinform.ua/rubric-ato/3888104.html">'
        "посилання</a>)</p><p>2.&nbsp;<strong>Цензор</strong>: Rada passes the dual "
        'citizenship law (<a href="' + U_RADA + '">посилання</a>)</p></article></body></html>'
    )
    assert [(t, url) for _, _, t, url, _ in _dated(parse_listing(review, DEFAULT, SOURCES))] == [
        (
            "Сили оборони за добу відбили 21 атаку на Покровському напрямку",
            "https://www.ukrinform.ua/rubric-ato/3888104.html",
        ),
        ("Rada passes the dual citizenship law", U_RADA),
    ]


def test_an_evernote_note_without_its_created_moment_is_on_the_listings_day() -> None:
    note = (
        '<?xml version="1.0"?><en-export><note><title>Links</title><content><![CDATA['
        '<en-note><div><a href="https://censor.net/news/3496029/">Explosions in Odesa as '
        "ballistic missiles strike</a></div></en-note>]]></content></note></en-export>"
    )
    assert [(d, url) for d, _, _, url, _ in _dated(parse_listing(note, DEFAULT, SOURCES))] == [
        ("2024-06-25", "https://censor.net/news/3496029/")
    ]


def test_a_broken_address_says_no_country() -> None:
    # "https://[censor.net/…" is no address (urlsplit refuses it): the listing still reads.
    listing = "Explosions in Odesa as ballistic missiles strike https://censor.net/news/1\n"
    read = parse_listing(listing, DEFAULT, SOURCES, page_url="https://[censor.net/news/")
    assert [t for _, _, t, *_ in _dated(read)] == [
        "Explosions in Odesa as ballistic missiles strike"
    ]


def test_a_chats_day_divider_button_dates_the_messages_under_it() -> None:
    # Slack copied as HTML: its day dividers are buttons ("Yesterday"), which a page's
    # controls otherwise are not read.
    chat = "".join(
        f'<div class="c-message_list__day_divider"><button class="pill">{day}</button></div>'
        f'<div class="message"><span>Oleh</span> <span>9:40 AM</span>'
        f'<a href="{url}">{title}</a></div>'
        for day, url, title in (
            (
                "Yesterday",
                "https://censor.net/news/3496029/",
                "Explosions in Odesa as ballistic missiles strike",
            ),
            ("Today", U_RADA, "Rada passes the dual citizenship law"),
        )
    )
    assert [(d, title) for d, _, title, *_ in _dated(parse_listing(chat, DEFAULT, SOURCES))] == [
        ("2024-06-24", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-25", "Rada passes the dual citizenship law"),
    ]


def test_a_byline_a_bar_and_a_moment_in_any_script_dates_its_item() -> None:
    # ynet copied: "author | 15:05" (Hebrew has no capitals), bidirectional marks around it.
    page = "".join(
        f'<article><a href="https://www.ynet.co.il/news/article/{n}">{title}</a>'
        f"<div>{byline}</div></article>"
        for n, title, byline in (
            (1, "זלנסקי: רוסיה צריכה להשתתף בוועידת השלום השנייה", "איתמר אייכנר | 15:05"),
            (
                2,
                "מתקפת פצצות מונחות על חרקוב: לפחות תשעה פצועים",
                "\u200fynet\u200f | \u200f24.06.24",
            ),
        )
    )
    listing = parse_listing(page, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "15:05"),
        ("2024-06-24", None),
    ]


def test_a_newsletters_stories_take_their_go_deeper_links_across_their_blocks() -> None:
    # Axios' mail: each story a <td> of its own, its <h2> (a coloured label, then the
    # title), paragraphs, then "Go deeper" to the article (through Sailthru's tracker).
    def tracked(url: str) -> str:
        encoded = base64.urlsafe_b64encode(url.encode()).decode().rstrip("=")
        return f"https://link.axios.com/click/35102847.1074/{encoded}/5e9c1f0a"

    stories = "".join(
        f'<tr><td class="story"><h2><span style="color:#2c6ca0;">{label}</span> {title}</h2>'
        "<p>Officials said more on Tuesday, in a long paragraph of the story's own text.</p>"
        f'<p><a href="{tracked(url)}">Go deeper</a></p></td></tr>'
        for label, title, url in (
            (
                "1 big thing:",
                "Vance pick rattles Kyiv",
                "https://www.axios.com/2024/06/25/vance?stream=top",
            ),
            (
                "Europe:",
                "Europe races to Trump-proof Ukraine aid",
                "https://www.axios.com/2024/06/25/aid",
            ),
        )
    )
    listing = parse_listing(f"<table>{stories}</table>", DEFAULT, {})
    assert [(t, url) for _, _, t, url, _ in _dated(listing)] == [
        ("Vance pick rattles Kyiv", "https://www.axios.com/2024/06/25/vance"),
        ("Europe races to Trump-proof Ukraine aid", "https://www.axios.com/2024/06/25/aid"),
    ]


def test_the_emoji_before_a_headline_are_left_out() -> None:
    listing = (
        "🔴 Explosions in Odesa as ballistic missiles strike https://censor.net/news/3496029/\n"
        "⚡️Rada passes the dual citizenship law " + U_RADA + "\n"
        "🇺🇦 Japan transfers $1.9 billion to Ukraine https://censor.net/news/3496030/\n"
        "«Ми вистоїмо»: Зеленський про перемовини https://censor.net/news/3496032/\n"
    )
    assert [t for _, _, t, *_ in _dated(parse_listing(listing, DEFAULT, SOURCES))] == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
        "Japan transfers $1.9 billion to Ukraine",
        "«Ми вистоїмо»: Зеленський про перемовини",
    ]


def test_a_notion_tables_rows_take_their_url_column_and_mentioned_dates() -> None:
    # Notion's HTML export of a database: the title links the row's own exported page, the
    # URL column shows the article's address; dates are mentions, "@June 24, 2024 10:15 PM".
    rows = "".join(
        f'<tr><td class="cell-title"><a href="Links/{n}%20abc.html">{title}</a></td>'
        f'<td><a href="{url}" class="url-value">{url}</a></td>'
        f"<td><time>@{moment}</time></td></tr>"
        for n, title, url, moment in (
            (1, "Rada passes the dual citizenship law", U_RADA, "June 24, 2024 10:15 PM"),
            (
                2,
                "Japan transfers $1.9 billion to Ukraine",
                "https://censor.net/news/3496030/",
                "June 23, 2024 9:05 AM",
            ),
        )
    )
    page = f'<table class="collection-content"><thead><tr><th>Name</th><th>URL</th><th>Date</th></tr></thead><tbody>{rows}</tbody></table>'
    assert [(d, t, url) for d, t, _, url, _ in _dated(parse_listing(page, DEFAULT, SOURCES))] == [
        ("2024-06-24", "22:15", U_RADA),
        ("2024-06-23", "09:05", "https://censor.net/news/3496030/"),
    ]


def test_a_read_later_apps_csv_leaves_out_a_saved_home_page() -> None:
    sheet = (
        "title,url,time_added,tags,status\n"
        "Rada passes the dual citizenship law," + U_RADA + ",1719212560,,unread\n"
        "Українська правда,https://www.pravda.com.ua/,1719212000,,unread\n"
        "Japan transfers $1.9 billion,https://censor.net/news/3496030/,1719176400,,archive\n"
    )
    assert [t for _, _, t, *_ in _dated(parse_listing(sheet, DEFAULT, SOURCES))] == [
        "Rada passes the dual citizenship law",
        "Japan transfers $1.9 billion",
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("vor 3 Stunden", "2024-06-25"),  # German
        ("vor einem Tag", "2024-06-24"),
        ("il y a 2 jours", "2024-06-23"),  # French
        ("hace 5 minutos", "2024-06-25"),  # Spanish
        ("2 dni temu", "2024-06-23"),  # Polish
        ("3 giorni fa", "2024-06-22"),  # Italian
    ],
)
def test_ages_in_more_languages_date_their_headlines(written: str, day: str) -> None:
    listing = f"Rada passes the dual citizenship law {U_RADA}\n{written}\n"
    assert [d for d, *_ in _dated(parse_listing(listing, DEFAULT, SOURCES))] == [day]


def test_a_copied_pages_summary_without_a_stop_is_no_headline() -> None:
    # The Telegraph copied as text: its title, a summary without a stop, its time; a rubric
    # of few words above a title stays no headline and the title keeps its time.
    page = (
        "Skip to content\nNews\nSport\nBusiness\nOpinion\nUkraine\n"
        "Explosions in Odesa as ballistic missiles strike the port\n"
        "Two missiles hit the grain terminal overnight as the governor called for calm\n"
        "16 July 2024 • 9:15pm\n"
        "Russia's war in Ukraine\nRada passes the dual citizenship law\n16 July 2024 • 6:05pm\n"
        "Japan transfers $1.9 billion to Ukraine through the World Bank\n"
        "The money will go to pensions and to the salaries of teachers and doctors this month\n"
        "16 July 2024 • 2:40pm\n"
        "Zelensky signs the law on multiple citizenship\n16 July 2024 • 9:05am\n"
    )
    assert [(t, title) for _, t, title, *_ in _dated(parse_listing(page, DEFAULT, {}))] == [
        ("21:15", "Explosions in Odesa as ballistic missiles strike the port"),
        ("18:05", "Rada passes the dual citizenship law"),
        ("14:40", "Japan transfers $1.9 billion to Ukraine through the World Bank"),
        ("09:05", "Zelensky signs the law on multiple citizenship"),
    ]


def test_a_pages_own_controls_and_an_australian_sites_times() -> None:
    # The FT copied: its controls are no headlines; ABC (Australia): times are Sydney's.
    page = (
        "Skip to footer\nOpen side navigation menu\nOpen search bar\nSearch the FT\n"
        "Add to myFT\nRead our privacy policy\n"
        "Rada passes the dual citizenship law https://www.abc.net.au/news/2024-06-25/rada\n"
        "25 June 2024, 11:05am\n"
        "Japan transfers $1.9 billion to Ukraine https://www.abc.net.au/news/2024-06-25/japan\n"
        "25 June 2024, 9:40am\n"
        "Follow the FT on X\nAdvertise with the FT\n"
    )
    listing = parse_listing(page, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("04:05", "Rada passes the dual citizenship law"),
        ("02:40", "Japan transfers $1.9 billion to Ukraine"),
    ]


def test_a_cards_title_with_a_badge_is_its_headline_not_its_authors_name() -> None:
    # NV English: an opinion card names its author above a title that starts with a badge.
    cards = "".join(
        f'<div class="row"><a href="{url}"><div class="info">{author}'
        f'<div class="title">{label}{title}</div><span class="pub_date">25 June, {hour}</span>'
        "</div></a></div>"
        for url, author, label, title, hour in (
            (
                "https://english.nv.ua/nation/1.html",
                "",
                "",
                "Three killed as glide bombs hit Kharkiv",
                "17:02",
            ),
            (
                "https://english.nv.ua/opinion/2.html",
                '<span class="author-name">Alyona Getmanchuk</span>',
                '<span class="label-opinion">Opinion</span> ',
                "Why Vance is a bigger problem for Ukraine than Trump",
                "13:30",
            ),
        )
    )
    assert [t for _, _, t, *_ in _dated(parse_listing(cards, DEFAULT, {}))] == [
        "Three killed as glide bombs hit Kharkiv",
        "Why Vance is a bigger problem for Ukraine than Trump",
    ]


def test_a_google_sheet_published_to_the_web_is_read_though_its_script_shows_it() -> None:
    # pubhtml: the sheet's <div style="display:none"> until the page's script shows it;
    # each row a date, a time, a title and its link shown as its address (through Google's
    # redirect).
    def row(day: str, hour: str, title: str, url: str) -> str:
        redirect = f"https://www.google.com/url?q={url}&amp;sa=D&amp;source=editors"
        return (
            f'<tr><td class="s1">{day}</td><td class="s1">{hour}</td><td class="s2">{title}</td>'
            f'<td class="s4"><a target="_blank" href="{redirect}">{url}</a></td></tr>'
        )

    rows = row(
        "24.06.2024",
        "21:05",
        "Explosions in Odesa as ballistic missiles strike",
        "https://censor.net/news/3496029/",
    )
    rows += row("24.06.2024", "10:02", "Rada passes the dual citizenship law", U_RADA)
    rows += row(
        "23.06.2024",
        "18:40",
        "Japan transfers $1.9 billion to Ukraine",
        "https://censor.net/news/3496030/",
    )
    rows += row(
        "23.06.2024",
        "09:15",
        "Zelensky signs the law on citizenship",
        "https://censor.net/news/3496032/",
    )
    page = (
        '<html><body><div id="top-bar"><span class="name">Digest links</span></div>'
        '<div id="sheets-viewport"><div id="0" style="display:none;position:relative;">'
        f'<table class="waffle"><tbody>{rows}</tbody></table></div></div></body></html>'
    )
    assert [
        (d, t, title, url) for d, t, title, url, _ in _dated(parse_listing(page, DEFAULT, SOURCES))
    ] == [
        (
            "2024-06-24",
            "21:05",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", "10:02", "Rada passes the dual citizenship law", U_RADA),
        (
            "2024-06-23",
            "18:40",
            "Japan transfers $1.9 billion to Ukraine",
            "https://censor.net/news/3496030/",
        ),
        (
            "2024-06-23",
            "09:15",
            "Zelensky signs the law on citizenship",
            "https://censor.net/news/3496032/",
        ),
    ]


def test_a_vk_wall_copied_gives_each_posts_card_title_at_the_posts_time() -> None:
    # VK copied as text: the outlet, the post's time, its text, "Показать полностью…", the
    # link card's title, the card's site, the counts.
    wall = (
        "Поиск по записям\nЗапись закреплена\nКоммерсантъ\nсегодня в 14:05\n"
        "Дмитрий Песков заявил, что в Кремле пока рано делать выводы о позиции Вэнса\n"
        "Показать полностью…\nПесков назвал преждевременной оценку позиции Вэнса по Украине\n"
        "kommersant.ru\n254\n31\n47\nКоммерсантъ\nсегодня в 11:42\n"
        "Минобороны РФ сообщило об уничтожении 15 беспилотников над двумя областями\n"
        "Минобороны заявило об уничтожении 15 беспилотников\nkommersant.ru\n198\n22\n"
    )
    listing = parse_listing(wall, DEFAULT, {}, names={"kommersant": "Коммерсантъ"})
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("14:05", "Песков назвал преждевременной оценку позиции Вэнса по Украине"),
        ("11:42", "Минобороны заявило об уничтожении 15 беспилотников"),
    ]


def test_headlines_with_their_times_after_them_on_their_lines() -> None:
    # Gazeta.ua's feed copied: "Title ФОТО 21:47"; a day line; no time on a line of its own.
    feed = (
        "Стрічка новин\n16 липня 2024, вівторок\n"
        "Росіяни вдарили керованими бомбами по Харкову: є поранені ФОТО 21:47\n"
        "Сили ППО працюють у Київській області 21:20\n"
        "Зеленський провів засідання Ставки: про що говорили 20:36\n"
        "15 липня 2024, понеділок\n"
        "Кремль відреагував на вибір Венса кандидатом у віцепрезиденти США 23:31\n"
    )
    listing = parse_listing(feed, DEFAULT, {})
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-07-16", "21:47", "Росіяни вдарили керованими бомбами по Харкову: є поранені"),
        ("2024-07-16", "21:20", "Сили ППО працюють у Київській області"),
        ("2024-07-16", "20:36", "Зеленський провів засідання Ставки: про що говорили"),
        (
            "2024-07-15",
            "23:31",
            "Кремль відреагував на вибір Венса кандидатом у віцепрезиденти США",
        ),
    ]


def test_an_aggregators_count_of_sources_and_an_ad_networks_click_are_no_headlines() -> None:
    items = (
        (1, U_RADA, "Rada passes the dual citizenship law", "Ще 6 джерел"),
        (2, "https://censor.net/news/3496030/", "Japan transfers $1.9 billion", "Ще 3 джерела"),
        (
            3,
            "https://censor.net/news/3496032/",
            "Zelensky signs the citizenship law",
            "Ще 11 джерел",
        ),
    )
    page = "".join(
        f'<div class="item"><a href="{url}">{title}</a>'
        f'<a href="https://meta.ua/news/{n}">{more}</a></div>'
        for n, url, title, more in items
    )
    ad = "https://click.admixer.net/click?id=8f3e2&amp;url=x"
    page += f'<div class="item"><a href="{ad}">Знижки на дизель до кінця тижня</a></div>'
    assert [t for _, _, t, *_ in _dated(parse_listing(page, DEFAULT, SOURCES))] == [
        title for *_, title, _ in items
    ]


def test_a_mails_unencoded_text_and_its_flowed_lines() -> None:
    # Thunderbird's plain text: 8bit UTF-8, format=flowed (a line ending in a space goes
    # on in the next one), links in angle brackets.
    mail = (
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8; format=flowed\n"
        "Content-Transfer-Encoding: 8bit\nSubject: Re: links\n\n"
        "09:14 Гілі в Одесі: Британія прискорить постачання 250 тисяч \n"
        "снарядів\n<https://www.ukrinform.ua/rubric-polytics/3888057-gili.html>\n\n"
        "10:47 Rada passes the dual citizenship law\n<" + U_RADA + ">\n"
    )
    listing = parse_listing(mail, DEFAULT, SOURCES)
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        (
            "09:14",
            "Гілі в Одесі: Британія прискорить постачання 250 тисяч снарядів",
            "https://www.ukrinform.ua/rubric-polytics/3888057-gili.html",
        ),
        ("10:47", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_monitoring_reports_text_table_with_bars_and_a_notes_marks_and_tags() -> None:
    # A monitoring tool's report: a preamble, rules of dashes, "Дата Час | Джерело |
    # Заголовок | Посилання" and its rows.
    report = (
        "ЗВІТ МОНІТОРИНГУ ЗМІ\nТема: Війна / безпека\nКількість повідомлень: 2\n"
        + "-" * 60
        + "\nДата       Час   | Джерело | Заголовок | Посилання\n"
        + "-" * 60
        + "\n24.06.2024 20:05 | Цензор | Explosions in Odesa as ballistic missiles strike | "
        "https://censor.net/news/3496029/\n"
        "24.06.2024 10:02 | Цензор | Rada passes the dual citizenship law | "
        + U_RADA
        + "\n"
        + "-" * 60
        + "\n"
    )
    assert [(t, title) for _, t, title, *_ in _dated(parse_listing(report, DEFAULT, SOURCES))] == [
        ("20:05", "Explosions in Odesa as ballistic missiles strike"),
        ("10:02", "Rada passes the dual citizenship law"),
    ]
    # Bear's export: "==marked==" words and a tag of several words, "#на перевірку#".
    note = (
        "- ==[Explosions in Odesa as ballistic missiles strike](https://censor.net/news/3496029/)==\n"
        "- [Rada passes the dual citizenship law](" + U_RADA + ") #рада #на перевірку#\n"
    )
    assert [t for _, _, t, *_ in _dated(parse_listing(note, DEFAULT, SOURCES))] == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
    ]


def test_a_monitorings_leads_cut_short_under_its_items_are_no_headlines() -> None:
    # A monitoring agency's digest: each item linked, its outlet and moment, then its lead
    # cut short with "…".
    digest = (
        "1. [Explosions in Odesa as ballistic missiles strike](https://censor.net/news/3496029/)\n"
        "Цензор, 24.06.2024, 21:05\n"
        "Two ballistic missiles hit the port overnight, damaging grain terminals and injuring "
        "four workers, the regional governor said on Telegram in the early hours…\n"
        "2. [Rada passes the dual citizenship law](" + U_RADA + ")\nЦензор, 24.06.2024, 10:02\n"
        "The parliament passed a law allowing Ukrainians to hold a second citizenship of "
        "countries that are not aggressors, with 257 votes in favour and no votes against...\n"
    )
    assert [(t, title) for _, t, title, *_ in _dated(parse_listing(digest, DEFAULT, SOURCES))] == [
        ("21:05", "Explosions in Odesa as ballistic missiles strike"),
        ("10:02", "Rada passes the dual citizenship law"),
    ]


def test_a_whatsapp_channels_post_copied_takes_its_previews_title_above_its_words() -> None:
    # WhatsApp Web's channel: each post copies as its link's preview (title, description,
    # site), the words it was shared with, the link, its time and its reactions. The
    # preview's title is the headline; a description too short to read as a summary is none.
    channel = (
        "Українська правда\nКанал · 128 тис. підписників\nСЬОГОДНІ\n"
        "Explosions in Odesa as ballistic missiles strike the port\n"
        "Two missiles hit the port overnight, damaging grain terminals and a warehouse.\n"
        "censor.net\n⚡️Odesa again\n\nhttps://censor.net/news/3496029/\n09:15\n👍❤️ 1,1 тис.\n"
        "Rada passes the dual citizenship law\nThe law passed with 257 votes.\n"
        "censor.net\n🇺🇦Multiple citizenship: what it means\n\nWhat it means 👇\n\n"
        + U_RADA
        + "\n10:40\n😡 812\n"
        "Клуб Української правди\nПідтримайте незалежну журналістику.\nclub.pravda.com.ua\n"
        "Долучайтеся до Клубу УП 💛\n\nhttps://club.pravda.com.ua/?utm_source=whatsapp\n11:05\n"
        "Putin finds justification for use of nuclear weapons – ISW\n"
        "The Institute for the Study of War published its assessment on Saturday evening.\n"
        "www.pravda.com.ua\nISW on Putin\n\n" + U3 + "\n12:30\n"
    )
    listing = parse_listing(channel, DEFAULT, SOURCES)
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        (
            "09:15",
            "Explosions in Odesa as ballistic missiles strike the port",
            "https://censor.net/news/3496029/",
        ),
        ("10:40", "Rada passes the dual citizenship law", U_RADA),
        ("12:30", "Putin finds justification for use of nuclear weapons – ISW", U3),
    ]


def test_an_outlet_named_after_an_unlinked_headline_stays_when_its_link_is_anothers() -> None:
    # "Title – Bloomberg", then a link to epravda's report of it: the name says whose news
    # it is, not the link's outlet; under a link to Bloomberg's own site it goes.
    sources = {**SOURCES, "bloomberg": "https://www.bloomberg.com/"}
    names = {"bloomberg": "Bloomberg"}
    title = "Ukraine nears a deal with its bondholders on $20 billion of debt"
    for url, expected in (
        ("https://www.epravda.com.ua/news/2024/07/16/716048/", f"{title} – Bloomberg"),
        ("https://www.bloomberg.com/news/articles/2024-07-16/ukraine-bonds", title),
    ):
        listing = parse_listing(f"{title} – Bloomberg\n{url}\n", DEFAULT, sources, names=names)
        assert [(t, u) for _, _, t, u, _ in _dated(listing)] == [(expected, url)]


def test_social_networks_api_answers_give_the_articles_their_posts_share() -> None:
    # Mastodon's statuses: a card's title and address; without a card, the first paragraph
    # and the first link in it that is no mention or tag; a boost, the status it boosts,
    # at its moment; a reply without a link, nothing.
    statuses = json.dumps(
        [
            {
                "id": "1",
                "created_at": "2024-06-24T18:02:40.000Z",
                "account": {"acct": "censor"},
                "content": "<p>Teaser words</p>",
                "card": {"url": U_RADA, "title": "Rada passes the dual citizenship law"},
                "reblog": None,
            },
            {
                "id": "2",
                "created_at": "2024-06-24T12:00:00.000Z",
                "account": {"acct": "censor"},
                "content": '<p>Explosions in Odesa.</p><p><a href="https://mastodon.social/tags/odesa"'
                ' class="mention hashtag" rel="tag">#odesa</a> Read: <a href="'
                'https://censor.net/news/3496029/">censor.net/news/3496029/</a></p>',
                "card": None,
                "reblog": None,
            },
            {
                "id": "3",
                "created_at": "2024-06-24T20:00:00.000Z",
                "account": {"acct": "censor"},
                "content": "",
                "card": None,
                "reblog": {
                    "id": "9",
                    "created_at": "2024-06-23T09:00:00.000Z",
                    "account": {"acct": "reporter"},
                    "content": "<p>Mine</p>",
                    "card": {"url": U2, "title": "Putin finds justification"},
                },
            },
            {
                "id": "4",
                "created_at": "2024-06-24T21:00:00.000Z",
                "account": {"acct": "censor"},
                "in_reply_to_id": "2",
                "content": "<p>A correction: it was two missiles.</p>",
                "card": None,
                "reblog": None,
            },
        ]
    )
    listing = parse_listing(statuses, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "21:02", "Rada passes the dual citizenship law", U_RADA),
        ("2024-06-24", "15:00", "Explosions in Odesa.", "https://censor.net/news/3496029/"),
        ("2024-06-23", "12:00", "Putin finds justification", U2),
    ]
    # Bluesky's author feed: a post's card, else its text's first line and its facet's link;
    # a repost of photos shares none.
    feed = json.dumps(
        {
            "feed": [
                {
                    "post": {
                        "record": {"createdAt": "2024-06-24T18:02:40Z", "text": "Teaser"},
                        "embed": {
                            "$type": "app.bsky.embed.external#view",
                            "external": {"uri": U_RADA, "title": "Rada passes the law"},
                        },
                    }
                },
                {
                    "post": {
                        "record": {
                            "createdAt": "2024-06-24T12:00:00Z",
                            "text": "Explosions in Odesa\ncensor.net/news/34960...",
                            "facets": [
                                {
                                    "features": [
                                        {
                                            "$type": "app.bsky.richtext.facet#link",
                                            "uri": "https://censor.net/news/3496029/",
                                        }
                                    ]
                                }
                            ],
                        },
                    }
                },
                {
                    "post": {
                        "record": {"createdAt": "2024-06-24T10:00:00Z", "text": "Photos"},
                        "embed": {"$type": "app.bsky.embed.images#view", "images": []},
                    },
                    "reason": {"$type": "app.bsky.feed.defs#reasonRepost"},
                },
            ],
            "cursor": "x",
        }
    )
    listing = parse_listing(feed, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        ("21:02", "Rada passes the law", U_RADA),
        ("15:00", "Explosions in Odesa", "https://censor.net/news/3496029/"),
    ]
    # Reddit's listing: {"kind": "t3", "data": {…}}, at created_utc (seconds, a fraction);
    # a post of text and a pinned one share no article.
    reddit = json.dumps(
        {
            "kind": "Listing",
            "data": {
                "children": [
                    {
                        "kind": "t3",
                        "data": {
                            "title": "Daily thread",
                            "url": "https://www.reddit.com/r/worldnews/comments/1/",
                            "created_utc": 1719216000.0,
                            "is_self": True,
                            "stickied": True,
                        },
                    },
                    {
                        "kind": "t3",
                        "data": {
                            "title": "Russia &amp; China drills",
                            "url": U_RADA,
                            "created_utc": 1719252160.0,
                            "is_self": False,
                        },
                    },
                    {
                        "kind": "t3",
                        "data": {
                            "title": "Putin finds justification",
                            "url": U2,
                            "created_utc": 1719230400.0,
                            "is_self": False,
                        },
                    },
                ]
            },
        }
    )
    listing = parse_listing(reddit, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "21:02", "Russia & China drills", U_RADA),
        ("2024-06-24", "15:00", "Putin finds justification", U2),
    ]


def test_firefoxs_bookmarks_backup_gives_each_bookmark_on_the_day_it_was_saved() -> None:
    # Its Places tree in JSON: dateAdded in microseconds; Firefox's own bookmarks (icons
    # "fake-favicon-uri:") and a home page are none.
    def mark(title: str, uri: str, added: int, icon: str = "") -> dict[str, object]:
        return {
            "type": "text/x-moz-place",
            "title": title,
            "uri": uri,
            "dateAdded": added,
            "iconUri": icon,
        }

    backup = json.dumps(
        {
            "guid": "root________",
            "root": "placesRoot",
            "children": [
                {
                    "title": "menu",
                    "children": [
                        {
                            "title": "Mozilla Firefox",
                            "type": "text/x-moz-place-container",
                            "children": [
                                mark(
                                    "Get Help",
                                    "https://support.mozilla.org/products/firefox",
                                    1719216000000000,
                                    "fake-favicon-uri:https://support.mozilla.org/products/firefox",
                                )
                            ],
                        }
                    ],
                },
                {
                    "title": "toolbar",
                    "children": [
                        mark("Censor.NET", "https://censor.net/", 1719216000000000),
                        {
                            "title": "24 червня",
                            "type": "text/x-moz-place-container",
                            "children": [
                                mark(
                                    "Rada passes the dual citizenship law", U_RADA, 1719252160000000
                                )
                            ],
                        },
                    ],
                },
            ],
        }
    )
    listing = parse_listing(backup, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", None, "Rada passes the dual citizenship law", U_RADA)
    ]


def test_a_hungarian_pages_dates_year_first_its_skip_link_and_live_badge() -> None:
    # Telex: "2024. június 24. 18:05" (the year first, with a stop), a link for screen
    # readers alone ("Ugrás a tartalomra": skip to the content), a "live" badge in a link.
    page = (
        '<html><head><link rel="canonical" href="https://censor.net/tag/war"></head><body>'
        '<a href="https://censor.net/tag/war#main-content" class="sr-only">Ugrás a '
        'tartalomra</a><main id="main-content"><article><a href="/news/3496029/">'
        '<span class="list__item__live">Percről percre</span><span>Robbanások Odesszában, '
        'ballisztikus rakéták csapódtak be</span></a><span class="article_date">2024. június '
        '24. 18:05</span></article><article><a href="/news/3496031/">A Rada elfogadta a '
        'kettős állampolgárságról szóló törvényt</a><span class="article_date">2024. június '
        "23. 09:02</span></article></main></body></html>"
    )
    listing = parse_listing(page, DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-24",
            "18:05",
            "Robbanások Odesszában, ballisztikus rakéták csapódtak be",
            "https://censor.net/news/3496029/",
        ),
        (
            "2024-06-23",
            "09:02",
            "A Rada elfogadta a kettős állampolgárságról szóló törvényt",
            U_RADA,
        ),
    ]


def test_ist_is_indias_time_but_on_an_irish_site_and_a_videos_classed_length_and_tag() -> None:
    # NDTV: "Updated: June 24, 2024 2:05 pm IST" (India's, 2½ hours ahead of Kyiv); its
    # video's length in its picture's link (class "vid-dur"), its "Video" tag (class
    # "vid-tag"), a right-hand column ("rhs_wgt") of other stories.
    def page(home: str) -> str:
        return (
            f'<html><head><link rel="canonical" href="{home}world-news"></head><body>'
            '<div class="main"><div class="news_Itm"><a href="/video/odesa-834512">'
            '<img alt=""><span class="vid-dur">01:48</span></a><h2><a href="/video/odesa-'
            '834512"><span class="vid-tag">Video</span> Explosions in Odesa as ballistic '
            'missiles strike</a></h2><span class="posted-by">World | Updated: June 24, 2024 '
            '2:05 pm IST</span></div><div class="news_Itm"><h2><a href="/world-news/rada-6121">'
            'Rada passes the dual citizenship law</a></h2><span class="posted-by">World | '
            'Updated: June 24, 2024 10:31 am IST</span></div></div><div class="rhs_wgt">'
            '<h3>Top Stories</h3><ul><li><a href="/india-news/budget-2024-6121380">Budget 2024 '
            "On July 23: What Taxpayers Can Expect</a></li></ul></div></body></html>"
        )

    listing = parse_listing(page("https://www.ndtv.com/"), DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("11:35", "Explosions in Odesa as ballistic missiles strike"),
        ("08:01", "Rada passes the dual citizenship law"),
    ]
    irish = parse_listing(page("https://www.rte.ie/"), DEFAULT, {}, timezone="Europe/Kyiv")
    assert [t for _, t, *_ in _dated(irish)] == ["16:05", "12:31"]  # Irish summer time, +1


def test_an_assistants_answer_gives_its_bold_headlines_on_the_days_its_headings_name() -> None:
    # ChatGPT's list: "**Title** – its summary. ([Outlet](link))", and a heading naming
    # the day in brackets.
    answer = (
        "Here are today's key headlines:\n\n### Front line\n"
        "1. **Explosions in Odesa as ballistic missiles strike** – Two missiles hit the port "
        "overnight. ([Censor.NET](https://censor.net/news/3496029/), [Ukrinform](" + U2 + "))\n"
        "2. **Putin finds justification for use of nuclear weapons** – So ISW says. "
        "([Ukrinform](" + U2 + "))\n"
        "### From yesterday (June 24)\n"
        "- **Rada passes the dual citizenship law** – Ukrainians may hold a second "
        "passport. ([Censor.NET](" + U_RADA + "))\n\nIf you'd like, I can summarize more.\n"
    )
    listing = parse_listing(answer, DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        (
            "2024-06-25",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-25", "Putin finds justification for use of nuclear weapons", U2),
        ("2024-06-24", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_telegram_messages_copied_leave_out_where_they_were_forwarded_from_and_home_links() -> None:
    copied = (
        "Українська правда, [24.06.2024 11:20]\n[Forwarded from Економічна правда]\n"
        "Rada passes the dual citizenship law\n\nIts details.\n\n" + U_RADA + "\n\n"
        "Українська правда, [24.06.2024 13:44]\nСтаньте частиною Клубу УП – підтримайте "
        "незалежну журналістику 💛\n\nhttps://club.pravda.com.ua/?utm_source=telegram\n\n"
        "Українська правда, [24.06.2024 15:30]\nPutin finds justification\n\n" + U3 + "\n\n"
        "Українська правда, [24.06.2024 16:10]\nExplosions in Odesa\n\n" + U1 + "\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES)
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        ("11:20", "Rada passes the dual citizenship law", U_RADA),
        ("15:30", "Putin finds justification", U3),
        ("16:10", "Explosions in Odesa", U1),
    ]


def test_a_page_copied_with_rubrics_titles_summaries_and_dates_takes_the_titles() -> None:
    # ANSA's topic page copied: a rubric in capitals, the title, its summary (no stop at
    # its end, and no longer than the title), the date; a badge run into a title.
    copied = (
        "MONDO\nExplosions in Odesa as ballistic missiles strike the port\n"
        "Two missiles hit the port overnight, damaging terminals\n24 giugno 2024, 20:05\n"
        "GUERRA\nVIDEOI droni ucraini colpiscono un sistema antiaereo russo in Crimea\n"
        "L'intelligence militare di Kiev ha diffuso le immagini\n24 giugno 2024, 10:48\n"
        "POLITICA\nRada passes the dual citizenship law for Ukrainians abroad\n"
        "The parliament voted with 257 votes in favour of it\n23 giugno 2024, 09:02\n"
    )
    listing = parse_listing(copied, DEFAULT, {"ansa": "https://www.ansa.it/"}, "ansa")
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-24", "20:05", "Explosions in Odesa as ballistic missiles strike the port"),
        ("2024-06-24", "10:48", "I droni ucraini colpiscono un sistema antiaereo russo in Crimea"),
        ("2024-06-23", "09:02", "Rada passes the dual citizenship law for Ukrainians abroad"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.sq.com.ua/ukr/news/page/2/",
        "https://www.ndtv.com/world-news/page-2",
        "https://www.sq.com.ua/ukr/pogoda/",
        "https://www.sq.com.ua/ukr/about/",
        "https://novyny.live/live/",
    ],
)
def test_a_pagers_and_a_sites_own_pages_are_no_articles(url: str) -> None:
    assert index_page(url)


def test_an_editors_markdown_table_with_autolinks_and_a_struck_out_row() -> None:
    table = (
        "| Час | Заголовок | Посилання |\n|---|---|---|\n"
        "| 20:05 | Explosions in Odesa as ballistic missiles strike | "
        "<https://censor.net/news/3496029/> |\n"
        "| 12:10 | ~~Russia claims the capture of a village~~ | https://ria.ru/20240624/x.html |\n"
        "| 10:02 | Rada passes the dual citizenship law | " + U_RADA + " |\n"
    )
    listing = parse_listing(table, DEFAULT, SOURCES)
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        (
            "20:05",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("10:02", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_newsletters_web_version_call_advert_and_day_labelled_section() -> None:
    # Campaign Monitor's mail: "View in browser", a "SPONSORED" box ("Register now"),
    # "Support our work", and a section labelled in capitals with its day.
    mail = (
        '<html><body><table><tr><td>Your briefing · <a href="https://x.createsend1.com/t/'
        'd-e-1/">View in browser</a></td></tr>'
        '<tr><td><a href="https://censor.net/news/3496029/">Explosions in Odesa as ballistic '
        "missiles strike</a></td></tr>"
        '<tr><td><a href="https://www.ukrinform.net/rubric-ato/3877600-x.html">Air defence '
        "downs 22 of 24 drones overnight</a></td></tr>"
        '<tr><td>SPONSORED</td></tr><tr><td><a href="https://x.createsend1.com/t/d-l-2/">'
        "Rebuild Ukraine 2024 — Warsaw, 19–20 November. Register now and save 20%</a></td></tr>"
        "<tr><td>ICYMI — MONDAY, 24 JUNE</td></tr>"
        '<tr><td><a href="' + U_RADA + '">Rada passes the dual citizenship law</a></td></tr>'
        '<tr><td><a href="https://x.createsend1.com/t/d-l-3/">Support our work</a></td></tr>'
        "</table></body></html>"
    )
    listing = parse_listing(mail, DEFAULT, SOURCES)
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-25", "Air defence downs 22 of 24 drones overnight"),
        ("2024-06-24", "Rada passes the dual citizenship law"),
    ]


def test_a_day_of_a_channel_in_slacks_export_gives_its_links() -> None:
    # Its messages, each on its day (shared then, not published): a link's own words ("<url|Title>"), else its preview's title; a link
    # with neither, chat and notices are none.
    day = json.dumps(
        [
            {
                "type": "message",
                "subtype": "channel_join",
                "ts": "1719212400.000001",
                "text": "<@U1> has joined the channel",
            },
            {"type": "message", "ts": "1719212520.000002", "text": "morning, list in thread"},
            {
                "type": "message",
                "ts": "1719252160.000003",
                "text": "Odesa :point_down:\n<https://censor.net/news/3496029/>",
                "attachments": [
                    {
                        "title": "Explosions in Odesa as ballistic missiles strike",
                        "title_link": "https://censor.net/news/3496029/",
                    }
                ],
            },
            {
                "type": "message",
                "ts": "1719216160.000004",
                "text": "also <" + U_RADA + "|Rada passes the dual citizenship law> &amp; "
                "<https://www.president.gov.ua/documents/4622024>",
            },
        ]
    )
    listing = parse_listing(day, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-24",
            None,
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", None, "Rada passes the dual citizenship law", U_RADA),
    ]


def test_yesterday_with_a_part_of_the_day_names_yesterday() -> None:
    # A newsletter's section "ВЧОРА ВВЕЧЕРІ" (last night): its items are of the day before.
    copied = (
        "ГОЛОВНЕ\nExplosions in Odesa as ballistic missiles strike\nЧитати\n"
        "ВЧОРА ВВЕЧЕРІ\nRada passes the dual citizenship law\nЧитати\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Rada passes the dual citizenship law"),
    ]


def test_a_timed_page_copied_leaves_out_its_skip_link_read_also_box_and_side_blocks() -> None:
    # Главред's feed copied: its skip link, "Читайте також: Title" among the items, a
    # "Новини партнерів" block between two days, "Популярне" under the last.
    copied = (
        "Перейти до основного контенту\nВсі новини\n24 червня 2024, понеділок\n"
        "20:05\nExplosions in Odesa as ballistic missiles strike\n"
        "Читайте також: Мобілізація: кого можуть звільнити від служби з 1 серпня\n"
        "18:12\nAir defence downs 22 of 24 drones overnight\n"
        "Новини партнерів\nСкільки коштує відпочинок в Карпатах цього літа\n"
        "Лікарі назвали продукти, які допомагають пережити спеку\n"
        "23 червня 2024, неділя\n09:02\nRada passes the dual citizenship law\n"
        "Популярне\nГороскоп на завтра: Терезам — сюрприз, Стрільцям — знайомства\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-24", "20:05", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "18:12", "Air defence downs 22 of 24 drones overnight"),
        ("2024-06-23", "09:02", "Rada passes the dual citizenship law"),
    ]


def test_a_summary_without_a_stop_under_its_title_goes_before_an_age_or_a_date() -> None:
    # The FT's topic page copied: a kicker, the title, its summary (no stop, longer than
    # the title), then "3 hours ago" or "June 23 2024".
    copied = (
        "Ukraine\nExplosions in Odesa as ballistic missiles strike\n"
        "Two missiles hit the port overnight, damaging grain terminals and a warehouse\n"
        "3 hours ago\nUkraine\nAir defence downs 22 of 24 drones overnight\n"
        "The air force says two drones were not intercepted over the north of the country\n"
        "5 hours ago\nPolitics\nRada passes the dual citizenship law\n"
        "Ukrainians may now hold a second passport, except that of the aggressor state\n"
        "June 23 2024\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-25", "Air defence downs 22 of 24 drones overnight"),
        ("2024-06-23", "Rada passes the dual citizenship law"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Reddit, Inc. © 2024. All rights reserved.",
        "u/NordVPN_Official • Promoted",
        "r/ukraine icon",
        "Search in r/ukraine",
        "Advertise on Reddit",
        "Top 1% Rank by size",
    ],
)
def test_reddits_own_lines_copied_are_no_headlines(line: str) -> None:
    copied = (
        "r/ukraine • 4 hr. ago\nVlad_Kyiv88\nExplosions in Odesa as ballistic missiles strike\n"
        f"{line}\n"
        "r/ukraine • 5 hr. ago\nMapleGuy_Ukr\nRada passes the dual citizenship law\n"
    )
    titles = [
        title for _, _, title, *_ in _dated(parse_listing(copied, DEFAULT, SOURCES, "censor"))
    ]
    assert line not in titles


def test_a_threads_profile_copied_dates_each_post_by_the_age_under_its_handle() -> None:
    # Threads: the handle ("suspilne.news", a site's name in form) and the age head each
    # post; its card's domain and title follow its text. "1d" is the next post's day.
    copied = (
        "suspilne.news\n1h\nTeaser one.\nTranslate\ncensor.net\n"
        "Explosions in Odesa as ballistic missiles strike\n88\n4\n9\n"
        "suspilne.news\n1d\nTeaser two.\nTranslate\ncensor.net\n"
        "Rada passes the dual citizenship law\n301\n44\n22\n"
        "suspilne.news\n2d\nTeaser three.\nTranslate\ncensor.net\n"
        "Putin finds justification for use of nuclear weapons\n96\n3\n6\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Rada passes the dual citizenship law"),
        ("2024-06-23", "Putin finds justification for use of nuclear weapons"),
    ]


def test_a_discord_channel_and_pinboards_bookmarks_exported_as_json() -> None:
    # DiscordChatExporter: each shared article titled by its embed, else by the words
    # before its link in <…>; on the day it was shared; replies and notices are none.
    discord = json.dumps(
        {
            "guild": {"name": "Desk"},
            "channel": {"name": "links"},
            "messages": [
                {
                    "type": "GuildMemberJoin",
                    "timestamp": "2024-06-24T06:20:44+00:00",
                    "content": "",
                    "embeds": [],
                },
                {
                    "type": "Default",
                    "timestamp": "2024-06-24T21:55:03.870+00:00",
                    "content": "нічна атака, глянь https://censor.net/news/3496029/",
                    "embeds": [
                        {
                            "title": "Explosions in Odesa as ballistic missiles strike",
                            "url": "https://censor.net/news/3496029/",
                        }
                    ],
                },
                {
                    "type": "Default",
                    "timestamp": "2024-06-24T10:02:55+00:00",
                    "content": "Rada passes the dual citizenship law <" + U_RADA + ">",
                    "embeds": [],
                },
                {
                    "type": "Reply",
                    "timestamp": "2024-06-24T10:05:00+00:00",
                    "content": "ні, це вчорашнє " + U3,
                    "embeds": [],
                },
            ],
        }
    )
    listing = parse_listing(discord, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-25",
            None,
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", None, "Rada passes the dual citizenship law", U_RADA),
    ]
    # Pinboard: its title is "description", "time" when it was saved: its day alone.
    pinboard = json.dumps(
        [
            {
                "href": "https://censor.net/news/3496029/",
                "time": "2024-06-24T22:30:00Z",
                "description": "Explosions in Odesa as ballistic missiles strike | Censor.NET",
                "extended": "",
                "hash": "e2e2",
                "tags": "odesa",
            },
            {
                "href": U_RADA,
                "time": "2024-06-24T07:02:00Z",
                "description": "Rada passes the dual citizenship law",
                "extended": "x",
                "hash": "be85",
                "tags": "",
            },
            {
                "href": "https://deepstatemap.live/",
                "time": "2024-06-24T07:00:00Z",
                "description": "DeepStateMap",
                "extended": "",
                "hash": "aa11",
                "tags": "",
            },
        ]
    )
    listing = parse_listing(pinboard, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-25", None, "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", None, "Rada passes the dual citizenship law"),
    ]


def test_a_trello_boards_export_gives_its_open_cards_under_their_lists_days() -> None:
    # A list named by its day dates its cards; another list's card goes on its due day; a
    # closed card, a closed list and the rejected cards' list are none; a card's link is its
    # first attachment that is no upload, else the first address in its description.
    board = json.dumps(
        {
            "name": "Дайджест",
            "prefs": {},
            "lists": [
                {"id": "l1", "name": "24 червня", "closed": False},
                {"id": "l2", "name": "Опубліковано ✅", "closed": False},
                {"id": "l3", "name": "Відхилено", "closed": False},
                {"id": "l4", "name": "20 червня", "closed": True},
            ],
            "cards": [
                {
                    "id": "c1",
                    "idList": "l1",
                    "name": "Explosions in Odesa as ballistic missiles strike",
                    "closed": False,
                    "desc": "",
                    "attachments": [
                        {
                            "url": "https://trello.com/1/cards/c1/attachments/x/screen.png",
                            "isUpload": True,
                        },
                        {"url": "https://censor.net/news/3496029/", "isUpload": False},
                    ],
                },
                {
                    "id": "c2",
                    "idList": "l1",
                    "name": "Duplicate",
                    "closed": True,
                    "desc": "https://censor.net/news/3496029/",
                    "attachments": [],
                },
                {
                    "id": "c3",
                    "idList": "l2",
                    "name": "Rada passes the dual citizenship law",
                    "closed": False,
                    "due": "2024-06-23T15:00:00.000Z",
                    "desc": "Link: " + U_RADA,
                    "attachments": [],
                },
                {
                    "id": "c4",
                    "idList": "l3",
                    "name": "Russia claims a village",
                    "closed": False,
                    "desc": "https://ria.ru/20240624/x.html",
                    "attachments": [],
                },
                {
                    "id": "c5",
                    "idList": "l4",
                    "name": "Putin finds justification",
                    "closed": False,
                    "desc": U3,
                    "attachments": [],
                },
            ],
        }
    )
    listing = parse_listing(board, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        (
            "2024-06-24",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-23", "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_to_do_apps_csv_gives_its_tasks_titles_and_links_from_one_cell() -> None:
    # Todoist's export: CONTENT holds "[Title](https://…)", "09:12 [Title](…)" or
    # "Title https://…"; AUTHOR is no title, TIMEZONE no time, DATE the task's day.
    csv_text = (
        "TYPE,CONTENT,DESCRIPTION,PRIORITY,AUTHOR,DATE,TIMEZONE\n"
        'task,"20:05 [Explosions in Odesa as ballistic missiles strike]'
        '(https://censor.net/news/3496029/)",,1,Olena Koval (41236587),24 Jun,Europe/Kiev\n'
        'note,"Synehubov says the number may rise",,,Marko D (45890112),,\n'
        "task,**[Putin finds justification for use of nuclear weapons](" + U2 + ")**,"
        "analysis,3,Marko D (45890112),24 Jun,Europe/Kiev\n"
        "task,Rada passes the dual citizenship law " + U_RADA + ",,4,Marko D (45890112),"
        "23 Jun,Europe/Kiev\n"
    )
    listing = parse_listing(csv_text, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-24",
            "20:05",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-24", None, "Putin finds justification for use of nuclear weapons", U2),
        ("2024-06-23", None, "Rada passes the dual citizenship law", U_RADA),
    ]


def test_a_spanish_pages_times_in_hours_its_kickers_in_the_link_and_madrids_zone() -> None:
    # RTVE: "16.07.2024 | 14:05 horas" (Madrid's, an hour behind Kyiv), "Última
    # actualización: … 15:12 horas CEST", a kicker classed "pretitle" in the link.
    page = (
        '<html><head><link rel="canonical" href="https://www.rtve.es/noticias/guerra/">'
        "</head><body><ul>"
        '<li><a href="/noticias/20240624/odesa/1.shtml"><span class="pretitle">Guerra en '
        'Ucrania</span><span class="maintitle">Explosiones en Odesa por misiles balísticos'
        '</span></a><span class="datpub">24.06.2024 | 20:05 horas</span></li>'
        '<li><a href="/noticias/20240624/rada/2.shtml"><span class="pretitle">Diplomacia'
        '</span><span class="maintitle">La Rada aprueba la ley de doble ciudadanía</span></a>'
        '<span class="datpub">Última actualización: 24.06.2024 | 10:02 horas CEST</span></li>'
        "</ul></body></html>"
    )
    listing = parse_listing(page, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("21:05", "Explosiones en Odesa por misiles balísticos"),
        ("11:02", "La Rada aprueba la ley de doble ciudadanía"),
    ]
    assert [t for _, t, *_ in _dated(parse_listing("3 hrs ago\nExplosions in Odesa", DEFAULT))] == [
        None
    ]


def test_scmps_own_tracking_parameters_are_left_out_of_its_links() -> None:
    url = "https://www.scmp.com/news/world/article/3270000/x?module=topic_secondary&pgtype=topic"
    assert clean_url(url) == "https://www.scmp.com/news/world/article/3270000/x"


def test_an_outliners_journal_gives_its_tasks_with_their_properties() -> None:
    # Logseq: task markers, "time::" and "url::" properties of the item above, other
    # properties, a cancelled task, a block reference, a macro, a query, a journal's link.
    journal = (
        "- Зміна: [[Олена Коваль]] #чергування\n"
        "- Ранок\n  collapsed:: true\n"
        "\t- TODO [Explosions in Odesa as ballistic missiles strike](https://censor.net/news/"
        "3496029/)\n\t  SCHEDULED: <2024-06-25 Tue>\n\t  source:: [[Цензор]]\n\t  time:: 09:40\n"
        "\t\t- кількість поранених може зрости\n"
        "\t- NOW Putin finds justification for use of nuclear weapons\n"
        "\t  url:: " + U2 + "\n\t  time:: 11:20\n"
        "\t- CANCELED ~~[Russia claims a village](https://ria.ru/20240625/x.html)~~\n"
        "\t- Дубль, не додавати: ((66962a1f-3b4c-4d5e-8f90-a1b2c3d4e5f6))\n"
        "- [[Jun 24th, 2024]] — вечір\n"
        "\t- DONE [Rada passes the dual citizenship law](" + U_RADA + ")\n\t  time:: 21:50\n"
        '- {{embed [[Шаблон дайджесту]]}}\n- #+BEGIN_QUERY\n  {:title "TODO"\n'
        "  :query [:find (pull ?b [*])]}\n  #+END_QUERY\n"
    )
    listing = parse_listing(journal, DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        (
            "2024-06-25",
            "09:40",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("2024-06-25", "11:20", "Putin finds justification for use of nuclear weapons", U2),
        ("2024-06-24", "21:50", "Rada passes the dual citizenship law", U_RADA),
    ]


@pytest.mark.parametrize("heading", ["## 24.06, понеділок", "Понеділок, 24.06", "24.06"])
def test_a_day_heading_of_day_and_month_with_its_weekday(heading: str) -> None:
    notes = (
        "## 25.06, вівторок\n- [Explosions in Odesa](https://censor.net/news/3496029/)\n"
        f"{heading}\n- [Rada passes the dual citizenship law]({U_RADA})\n"
    )
    days = [d for d, *_ in _dated(parse_listing(notes, DEFAULT, SOURCES))]
    assert days == ["2024-06-25", "2024-06-24"]


def test_a_zoom_meetings_chat_saved_gives_its_links_not_its_talk() -> None:
    chat = (
        "09:01:12 From  Олена Коваль  to  Everyone:\n\tВсім привіт! Кидайте посилання в чат\n"
        "09:03:31 From  Олена Коваль  to  Everyone:\n\tExplosions in Odesa as ballistic "
        "missiles strike\n\thttps://censor.net/news/3496029/\n"
        '09:03:50 From  Марко Дмитренко  to  Everyone:\n\tReacted to "Explosions in Od..." '
        "with 👍\n"
        "09:05:12 From  Марко Дмитренко  to  Everyone:\n\tRada passes the dual citizenship law "
        + U_RADA
        + "\n"
        '09:07:02 From  Олена Коваль  to  Everyone:\n\tReplying to "https://censor.net/ne..."\n'
        "\tдякую, беру в міжнародний блок\n"
        "09:09:15 From  Марко Дмитренко  to  Олена Коваль(Direct Message):\n\tглянь мій список\n"
        "09:11:30 From  Олена Коваль  to  Everyone:\n\tPutin finds justification — " + U3 + "\n"
    )
    listing = parse_listing(chat, DEFAULT, SOURCES)
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        (None, "Explosions in Odesa as ballistic missiles strike"),
        (None, "Rada passes the dual citizenship law"),
        (None, "Putin finds justification"),
    ]


@pytest.mark.parametrize(
    "line", ["Become a paying subscriber", "Powered by Buttondown", "become a supporter"]
)
def test_a_newsletters_own_calls_and_credits_are_no_headlines(line: str) -> None:
    assert boilerplate(line)


def test_a_bookmarking_services_csv_leaves_out_a_saved_topic_page() -> None:
    # Diigo's export: a topic's page saved beside the articles ("/thema/…") is none.
    csv_text = (
        "title,url,tags,description,comments,annotations,created_at\n"
        "Explosions in Odesa as ballistic missiles strike,https://censor.net/news/3496029/,"
        ",,,,2024/06/24 20:05:00 +0000\n"
        "Ukraine-Krieg - aktuelle Nachrichten,https://www.spiegel.de/thema/ukraine_konflikt/,"
        ",,,,2024/06/24 08:40:00 +0000\n"
        "Rada passes the dual citizenship law," + U_RADA + ",,,,,2024/06/24 07:02:00 +0000\n"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(csv_text, DEFAULT, SOURCES))]
    assert titles == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
    ]


def test_a_mails_outlet_and_moment_after_a_dot_date_its_item() -> None:
    # Mailchimp's briefing: "Reuters · 05:41 UTC" under each headline; its own lines.
    mail = (
        "<html><body><table>"
        '<tr><td><a href="https://censor.net/news/3496029/">Explosions in Odesa as ballistic '
        "missiles strike</a><p>Censor.NET · 17:05 UTC</p></td></tr>"
        '<tr><td><a href="' + U_RADA + '">Rada passes the dual citizenship law</a>'
        "<p>Reuters · 07:02 UTC</p></td></tr>"
        '<tr><td><a href="https://us1.forward-to-friend.com/forward?u=1">Forward to a friend</a>'
        "</td></tr>"
        '<tr><td><a href="https://x.us1.list-manage.com/vcard?u=1">Add us to your address book'
        "</a></td></tr></table></body></html>"
    )
    listing = parse_listing(mail, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(t, title) for _, t, title, *_ in _dated(listing)] == [
        ("20:05", "Explosions in Odesa as ballistic missiles strike"),
        ("10:02", "Rada passes the dual citizenship law"),
    ]


def test_a_card_classed_beside_the_lead_story_is_no_sidebar() -> None:
    # The Straits Times: "card card--hero-side" is the second top story, not a side block.
    page = (
        "<html><body><main>"
        '<div class="card card--hero"><a href="https://censor.net/news/3496029/">Explosions in '
        'Odesa as ballistic missiles strike</a><time datetime="2024-06-24T20:05:00+03:00">'
        "</time></div>"
        '<div class="card card--hero-side"><a href="' + U_RADA + '">Rada passes the dual '
        'citizenship law</a><time datetime="2024-06-24T10:02:00+03:00"></time></div>'
        '<div class="card"><a href="' + U3 + '">Putin finds justification for use of nuclear '
        'weapons</a><time datetime="2024-06-24T09:00:00+03:00"></time></div>'
        '<div class="sidebar"><a href="https://censor.net/news/1/">Most read story of the '
        "day here</a></div></main></body></html>"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(page, DEFAULT, SOURCES))]
    assert titles == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
        "Putin finds justification for use of nuclear weapons",
    ]


def test_a_wiki_pages_table_with_link_words_shortened_addresses_and_a_status() -> None:
    # Confluence's export: a row's title, then its link cell: "посилання", or the address
    # cut short ("rbc.ua/ukr/news/…"); a status lozenge after a title ("ОНОВЛЮЄТЬСЯ").
    page = (
        "<html><body><table><tr><th>Час</th><th>Заголовок</th><th>Посилання</th></tr>"
        "<tr><td>20:05</td><td><p>Explosions in Odesa as ballistic missiles strike "
        '<span class="status-macro aui-lozenge">ОНОВЛЮЄТЬСЯ</span></p></td><td><a href="'
        'https://censor.net/news/3496029/">посилання</a></td></tr>'
        '<tr><td>10:02</td><td>Rada passes the dual citizenship law</td><td><a href="'
        + U_RADA
        + '">censor.net/news/349…</a></td></tr>'
        "<tr><td>09:00</td><td>Putin finds justification for use of nuclear weapons</td>"
        '<td><a href="' + U3 + '">' + U3 + "</a></td></tr></table></body></html>"
    )
    listing = parse_listing(page, DEFAULT, SOURCES)
    assert [(t, title, url) for _, t, title, url, _ in _dated(listing)] == [
        (
            "20:05",
            "Explosions in Odesa as ballistic missiles strike",
            "https://censor.net/news/3496029/",
        ),
        ("10:02", "Rada passes the dual citizenship law", U_RADA),
        ("09:00", "Putin finds justification for use of nuclear weapons", U3),
    ]


@pytest.mark.parametrize(
    "line",
    ["Повна версія сайту", "Кредит на техніку під 0% — оформіть онлайн за 5 хвилин"],
)
def test_a_mobile_sites_full_version_link_and_an_ad_are_no_headlines(line: str) -> None:
    assert boilerplate(line)


def test_a_top_five_box_is_a_side_block() -> None:
    page = (
        "<html><body><main><ul>"
        '<li><a href="https://censor.net/news/3496029/">Explosions in Odesa as ballistic '
        'missiles strike</a></li><li><a href="' + U_RADA + '">Rada passes the dual citizenship '
        'law</a></li><li><a href="' + U3 + '">Putin finds justification for use of nuclear '
        'weapons</a></li></ul><div><h3>Топ-5 за добу</h3><ol><li><a href="https://kp.ua/ua/'
        'horoscope/a694412">3Гороскоп на 17 липня 2024 для всіх знаків</a></li></ol></div>'
        "</main></body></html>"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(page, DEFAULT, SOURCES))]
    assert len(titles) == 3 and not any("Гороскоп" in t for t in titles)


def test_rules_alone_are_no_table() -> None:
    # Found by Hypothesis: "---" twice made a table of no rows, and its width an error.
    assert parse_listing("---\n---", DEFAULT).days == ()


def test_a_publication_followed_by_its_update_gives_the_publications_moment() -> None:
    copied = (
        "Explosions in Odesa as ballistic missiles strike\n"
        "Publié aujourd’hui à 06h00, mis à jour à 14h40\n"
        "Rada passes the dual citizenship law\nPublié hier à 22h10\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "06:00"),
        ("2024-06-24", "22:10"),
    ]


def test_youtubes_xs_telegram_bots_and_notions_api_answers_give_their_articles() -> None:
    youtube = json.dumps(
        {
            "kind": "youtube#searchListResponse",
            "items": [
                {
                    "kind": "youtube#searchResult",
                    "id": {"kind": "youtube#video", "videoId": "kQ3"},
                    "snippet": {
                        "publishedAt": "2024-06-24T17:05:00Z",
                        "channelTitle": "Суспільне",
                        "title": "&quot;Explosions in Odesa&quot; | Суспільне",
                        "liveBroadcastContent": "none",
                    },
                },
                {
                    "kind": "youtube#searchResult",
                    "id": {"kind": "youtube#video", "videoId": "LIVE"},
                    "snippet": {
                        "publishedAt": "2024-06-24T06:00:00Z",
                        "channelTitle": "Суспільне",
                        "title": "Телемарафон",
                        "liveBroadcastContent": "live",
                    },
                },
                {
                    "kind": "youtube#searchResult",
                    "id": {"kind": "youtube#channel", "channelId": "U"},
                    "snippet": {"publishedAt": "2015-01-01T00:00:00Z", "title": "Суспільне"},
                },
                {
                    "kind": "youtube#searchResult",
                    "id": {"kind": "youtube#video", "videoId": "aB1"},
                    "snippet": {
                        "publishedAt": "2024-06-24T07:02:00Z",
                        "channelTitle": "ТСН",
                        "title": "Rada passes the dual citizenship law",
                        "liveBroadcastContent": "none",
                    },
                },
            ],
        }
    )
    assert [
        (t, title, url)
        for _, t, title, url, _ in _dated(parse_listing(youtube, DEFAULT, timezone="Europe/Kyiv"))
    ] == [
        ("20:05", '"Explosions in Odesa"', "https://www.youtube.com/watch?v=kQ3"),
        ("10:02", "Rada passes the dual citizenship law", "https://www.youtube.com/watch?v=aB1"),
    ]
    x = json.dumps(
        {
            "data": [
                {
                    "edit_history_tweet_ids": ["1"],
                    "created_at": "2024-06-24T17:05:00.000Z",
                    "text": "Odesa tonight https://t.co/a",
                    "entities": {
                        "urls": [
                            {
                                "url": "https://t.co/a",
                                "expanded_url": "https://censor.net/news/3496029/",
                                "title": "Explosions in Odesa as ballistic missiles strike",
                            }
                        ]
                    },
                },
                {
                    "edit_history_tweet_ids": ["2"],
                    "created_at": "2024-06-24T07:02:00.000Z",
                    "text": "Rada passes the dual citizenship law https://t.co/b",
                    "entities": {"urls": [{"url": "https://t.co/b", "expanded_url": U_RADA}]},
                },
                {
                    "edit_history_tweet_ids": ["3"],
                    "created_at": "2024-06-24T06:00:00.000Z",
                    "text": "Read his thread https://t.co/c",
                    "entities": {
                        "urls": [
                            {"url": "https://t.co/c", "expanded_url": "https://x.com/a/status/9"}
                        ]
                    },
                },
            ]
        }
    )
    assert [
        (t, title)
        for _, t, title, *_ in _dated(parse_listing(x, DEFAULT, SOURCES, timezone="Europe/Kyiv"))
    ] == [
        ("20:05", "Explosions in Odesa as ballistic missiles strike"),
        ("10:02", "Rada passes the dual citizenship law"),
    ]
    bot = json.dumps(
        {
            "ok": True,
            "result": [
                {
                    "update_id": 1,
                    "channel_post": {
                        "message_id": 7,
                        "chat": {"id": -1},
                        "date": 1719252300,
                        "text": "Explosions in Odesa\nЧитати",
                        "entities": [
                            {
                                "type": "text_link",
                                "offset": 20,
                                "length": 6,
                                "url": "https://censor.net/news/3496029/",
                            }
                        ],
                    },
                },
                {
                    "update_id": 2,
                    "channel_post": {
                        "message_id": 8,
                        "chat": {"id": -1},
                        "date": 1719216120,
                        "text": "🚨 Повітряна тривога",
                        "entities": [],
                    },
                },
                {
                    "update_id": 3,
                    "edited_channel_post": {
                        "message_id": 7,
                        "chat": {"id": -1},
                        "date": 1719252300,
                        "edit_date": 1719253000,
                        "text": "Explosions in Odesa as ballistic missiles strike\nЧитати",
                        "entities": [
                            {
                                "type": "text_link",
                                "offset": 49,
                                "length": 6,
                                "url": "https://censor.net/news/3496029/",
                            }
                        ],
                    },
                },
                {
                    "update_id": 4,
                    "channel_post": {
                        "message_id": 9,
                        "chat": {"id": -1},
                        "date": 1719212520,
                        "text": "Rada passes the dual citizenship law\n\n" + U_RADA,
                        "entities": [{"type": "url", "offset": 38, "length": len(U_RADA)}],
                    },
                },
            ],
        }
    )
    assert [
        (t, title)
        for _, t, title, *_ in _dated(parse_listing(bot, DEFAULT, SOURCES, timezone="Europe/Kyiv"))
    ] == [
        ("21:05", "Explosions in Odesa as ballistic missiles strike"),
        ("10:02", "Rada passes the dual citizenship law"),
    ]
    notion = json.dumps(
        {
            "object": "list",
            "results": [
                {
                    "object": "page",
                    "properties": {
                        "Заголовок": {
                            "type": "title",
                            "title": [
                                {"plain_text": "Explosions in Odesa "},
                                {"plain_text": "as missiles strike"},
                            ],
                        },
                        "Посилання": {"type": "url", "url": "https://censor.net/news/3496029/"},
                        "Дата": {
                            "type": "date",
                            "date": {"start": "2024-06-24T20:05:00.000+03:00"},
                        },
                        "Статус": {"type": "select", "select": {"name": "Готово"}},
                    },
                },
                {
                    "object": "page",
                    "properties": {
                        "Заголовок": {"type": "title", "title": [{"plain_text": "Russia claims"}]},
                        "Посилання": {"type": "url", "url": "https://ria.ru/20240624/x.html"},
                        "Статус": {"type": "select", "select": {"name": "Відхилено"}},
                    },
                },
                {
                    "object": "page",
                    "properties": {
                        "Заголовок": {
                            "type": "title",
                            "title": [{"plain_text": "Rada passes the law"}],
                        },
                        "Посилання": {"type": "url", "url": U_RADA},
                        "Дата": {"type": "date", "date": {"start": "2024-06-24"}},
                    },
                },
            ],
        }
    )
    assert [
        (t, title)
        for _, t, title, *_ in _dated(
            parse_listing(notion, DEFAULT, SOURCES, timezone="Europe/Kyiv")
        )
    ] == [
        ("20:05", "Explosions in Odesa as missiles strike"),
        (None, "Rada passes the law"),
    ]


def test_a_wordpress_export_gives_its_published_posts_only() -> None:
    wxr = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">'
        "<channel><title>Site</title>"
        "<item><title>Explosions in Odesa as ballistic missiles strike</title>"
        "<link>https://censor.net/news/3496029/</link><pubDate>Mon, 24 Jun 2024 17:05:00 +0000"
        "</pubDate><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>"
        "<item><title>About us</title><link>https://censor.net/about/</link>"
        "<wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>"
        "<item><title>A draft on the summit</title><link>https://censor.net/?p=12</link>"
        "<wp:post_type>post</wp:post_type><wp:status>draft</wp:status></item>"
        "</channel></rss>"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(wxr, DEFAULT, SOURCES))]
    assert titles == ["Explosions in Odesa as ballistic missiles strike"]


@pytest.mark.parametrize("line", ["1 godzinę temu", "1 minutę temu"])
def test_polish_ages_of_one_and_bylines_are_read(line: str) -> None:
    assert age(normalise_word(line)) is not None
    assert boilerplate("Autor: Jan Kowalski")


def test_a_brandvoice_card_is_paid_content_even_as_a_card() -> None:
    page = (
        "<html><body><main>"
        '<article class="card"><a href="https://censor.net/news/3496029/">Explosions in Odesa as '
        "ballistic missiles strike</a></article>"
        '<article class="card card--brandvoice"><a href="https://censor.net/brandvoice/x-1">How '
        "small businesses survive the blackouts this summer</a></article>"
        '<article class="news-card news-card--brandvoice"><a href="https://censor.net/brandvoice/'
        'y-2">Partner: a bank explains its new loans for farmers</a></article>'
        '<article class="card"><a href="' + U_RADA + '">Rada passes the dual citizenship law</a>'
        "</article></main></body></html>"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(page, DEFAULT, SOURCES))]
    assert titles == [
        "Explosions in Odesa as ballistic missiles strike",
        "Rada passes the dual citizenship law",
    ]


def test_a_readers_list_copied_dates_each_title_by_its_source_and_age_line() -> None:
    # Feedly's "Read Later" copied: the title, then "Source / by Author / 3h".
    copied = (
        "Explosions in Odesa as ballistic missiles strike\n"
        "Censor.NET / by Jane Doe / 3h\n"
        "Rada passes the dual citizenship law\nCensor.NET / 1d\n"
        "Putin finds justification for use of nuclear weapons\nISW / Jun 21\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Rada passes the dual citizenship law"),
        ("2024-06-21", "Putin finds justification for use of nuclear weapons"),
    ]
    assert boilerplate("Try Pro+ free for 14 days")  # (its upsell)


def test_a_readers_line_of_a_title_and_its_snippet_cut_short_gives_the_title() -> None:
    # Inoreader's list copied: "Title - the article's first words…", its source, its age.
    copied = (
        "Цензор\nExplosions in Odesa as ballistic missiles strike - Two missiles hit the "
        "port overnight, damaging the grain terminals, the governor of the region said on…\n37m\n"
        "Цензор\nRada passes the dual citizenship law - The parliament passed a law letting "
        "Ukrainians hold a second passport, except a Russian one, with 257 votes…\n1d\n"
    )
    listing = parse_listing(copied, DEFAULT, SOURCES, "censor")
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Rada passes the dual citizenship law"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "@RFERL@mastodon.social",
        "Radio Free Europe/Radio Liberty boosted",
        "Search or paste URL",
        "What's on your mind?",
        "Posts and replies",
    ],
)
def test_mastodons_own_lines_copied_are_no_headlines(line: str) -> None:
    assert boilerplate(line)


def test_a_letters_line_ending_with_a_colon_and_a_title_in_brackets_under_its_link() -> None:
    # A mail copied: "На ранковий випуск пропоную ці два, решту докинеш зранку:" introduces
    # the list; an address alone, then its title in brackets.
    copied = (
        "На ранковий випуск пропоную ці два, решту докинеш зранку:\n"
        "- [Explosions in Odesa as ballistic missiles strike](https://censor.net/news/3496029/)\n"
        "- [Putin finds justification for use of nuclear weapons](" + U2 + ")\n"
        "І щойно:\n" + U_RADA + "\n(Rada passes the dual citizenship law)\n"
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(copied, DEFAULT, SOURCES))]
    assert titles == [
        "Explosions in Odesa as ballistic missiles strike",
        "Putin finds justification for use of nuclear weapons",
        "Rada passes the dual citizenship law",
    ]


def test_a_deleted_message_and_a_teams_sharepoint_file_are_no_headlines() -> None:
    assert boilerplate("This message has been deleted.")
    assert app_page("https://redakciya.sharepoint.com/:w:/s/Digest/EabC1dE2?e=XyZ1ab")
    assert not app_page("https://censor.net/news/3496029/")


def test_a_chats_weekday_and_time_head_the_messages_of_the_week_before() -> None:
    # Messenger: "Mon 20:51" over a message of the last Monday (the day before 25 June, a
    # Tuesday), then a bare time of today's.
    chat = (
        "Mon 20:51\nOlena\nExplosions in Odesa as ballistic missiles strike "
        "https://censor.net/news/3496029/\nMon 21:40\nAndrii\nPutin finds justification "
        + U2
        + "\n07:32\nOlena\nRada passes the dual citizenship law "
        + U_RADA
        + "\n"
    )
    listing = parse_listing(chat, DEFAULT, SOURCES)
    assert [(d, title) for d, _, title, *_ in _dated(listing)] == [
        ("2024-06-24", "Explosions in Odesa as ballistic missiles strike"),
        ("2024-06-24", "Putin finds justification"),
        ("2024-06-25", "Rada passes the dual citizenship law"),
    ]


def test_an_x_answer_with_a_broken_url_entity_reads_the_others() -> None:
    x = json.dumps(
        {
            "data": [
                {
                    "edit_history_tweet_ids": ["1"],
                    "created_at": "2024-06-24T07:02:00.000Z",
                    "text": "Rada passes the dual citizenship law https://t.co/b",
                    "entities": {
                        "urls": [
                            "https://t.co/b",
                            {"url": "https://t.co/b", "expanded_url": U_RADA},
                        ]
                    },
                },
                {
                    "edit_history_tweet_ids": ["2"],
                    "created_at": "2024-06-24T06:02:00.000Z",
                    "text": "Odesa https://t.co/a",
                    "entities": {
                        "urls": [
                            {
                                "url": "https://t.co/a",
                                "expanded_url": "https://censor.net/news/3496029/",
                                "title": "Explosions in Odesa as ballistic missiles strike",
                            }
                        ]
                    },
                },
            ]
        }
    )
    titles = [t for _, _, t, *_ in _dated(parse_listing(x, DEFAULT, SOURCES))]
    assert titles == [
        "Rada passes the dual citizenship law",
        "Explosions in Odesa as ballistic missiles strike",
    ]


@pytest.mark.parametrize(
    "answer",
    [
        {
            "ok": True,
            "result": [
                {
                    "update_id": 1,
                    "channel_post": {
                        "message_id": 1,
                        "chat": "x",
                        "date": 1719212520,
                        "text": "Title https://censor.net/news/1/",
                        "entities": [{"type": "url", "offset": "6"}],
                    },
                }
            ],
        },
        {
            "name": "b",
            "prefs": {},
            "lists": [{"id": "l", "name": "24 червня"}],
            "cards": [
                {
                    "idList": "l",
                    "name": "Explosions in Odesa",
                    "pos": "2",
                    "desc": "https://censor.net/news/3496029/",
                },
                {"idList": "l", "name": "Rada passes the law", "pos": 1, "desc": U_RADA},
            ],
        },
    ],
)
def test_apis_answers_with_odd_values_are_read_without_an_error(answer: object) -> None:
    parse_listing(json.dumps(answer), DEFAULT, SOURCES)


def test_a_chat_copied_with_its_header_reads_its_stamps_as_heading_its_messages() -> None:
    # Messenger copied whole: the chat list (a message cut short, "https://…7906…"), the
    # conversation's header and buttons, then "Mon 20:51" over the first messages: each a
    # remark, the link, its preview's title and its site. Under "НБУ" (read as a rubric) the
    # title is the line below the link; then "… unsent a message" is talk, not its title.
    chat = (
        "Chats\nDigest desk\nAndrii: https://censor.net/news/34960… · 2m\nMariia Bondar\n"
        "You: Ок, ввечері наберу · 3h\nDigest desk\nOlena, Andrii and 2 others\n"
        "Start a voice call\nStart a video call\nConversation information\n"
        "Mon 20:51\nOlena Tkachuk\nберемо на ранок?\n" + U1 + "\n"
        "Ukraine aims to hold second Peace Summit by late 2024\ncensor.net\n"
        "Andrii Melnyk\nтак, і реакцію Києва додамо коли буде\n"
        "Mon 21:40\nYou sent\nISW\n" + U2 + "\n"
        "Putin finds justification for use of nuclear weapons\nukrinform.net\n"
        "07:32\nOlena Tkachuk\nНБУ\n" + U3 + "\n"
        "Rada passes the dual citizenship law\npravda.com.ua\n"
        "Olena Tkachuk unsent a message\n09:48\nAndrii Melnyk\nдоброго ранку всім\n"
        "Seen by Olena Tkachuk, Andrii Melnyk and Mariia Bondar\nOpen more actions\n"
        "Attach a file\nChoose a sticker\nSend a like\n"
    )
    listing = parse_listing(chat, DEFAULT, SOURCES)
    assert sorted((d, t or "", title, url) for d, t, title, url, _ in _dated(listing)) == [
        ("2024-06-24", "20:51", "Ukraine aims to hold second Peace Summit by late 2024", U1),
        ("2024-06-24", "21:40", "Putin finds justification for use of nuclear weapons", U2),
        ("2024-06-25", "07:32", "Rada passes the dual citizenship law", U3),
    ]


def test_an_address_cut_short_with_an_ellipsis_is_no_link() -> None:
    # A chat list's or a card's address shown cut short leads nowhere: it is not taken.
    assert URL_IN_TEXT.findall("Andrii: https://suspilne.media/kharkiv/7906… · 2m") == []
    assert URL_IN_TEXT.findall("see https://suspilne.media/kharkiv/790655/ …") == [
        "https://suspilne.media/kharkiv/790655/"
    ]


def test_a_feeds_post_gives_the_article_its_text_links() -> None:
    # RSSHub's feed of a Telegram channel: each item is a post (its link, t.me/…/N) with a
    # title; the article is the link in its text (not the channel's invite). A post that links
    # none keeps its own; a video's item keeps the video.
    def item(title: str, link: str, body: str) -> str:
        return (
            f"<item><title>{title}</title><link>{link}</link>"
            f"<description><![CDATA[{body}]]></description>"
            "<pubDate>Mon, 24 Jun 2024 18:21:00 GMT</pubDate></item>"
        )

    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Channel</title>'
        + item(
            "Explosions in Odesa",
            "https://t.me/suspilnenews/31838",
            f'<b>Explosions in Odesa</b><br><a href="{U1}">censor.net/en/news/34959…</a>'
            '<br><a href="https://t.me/+AbCdEf">Підписатися</a>',
        )
        + item("Debris fell in Kyiv", "https://t.me/suspilnenews/31842", "Debris fell in Kyiv")
        + item(
            "Putin finds justification",
            "https://www.youtube.com/watch?v=abc",
            f'<a href="{U2}">read</a>',
        )
        + "</channel></rss>"
    )
    listing = parse_listing(feed, DEFAULT, SOURCES)
    assert [(title, url) for _, _, title, url, _ in _dated(listing)] == [
        ("Explosions in Odesa", U1),
        ("Debris fell in Kyiv", "https://t.me/suspilnenews/31842"),
        ("Putin finds justification", "https://www.youtube.com/watch?v=abc"),
    ]


def test_chromes_bookmarks_file_gives_each_bookmark_on_the_day_it_was_saved() -> None:
    # Chrome's Bookmarks (its profile's JSON): date_added counts microseconds from 1601.
    def mark(name: str, url: str, added: dt.datetime) -> dict[str, str]:
        since_1601 = int((added - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds())
        return {"date_added": f"{since_1601}000000", "name": name, "type": "url", "url": url}

    late = dt.datetime(2024, 6, 24, 21, 35, tzinfo=dt.UTC)  # 00:35 on the 25th in Kyiv
    bookmarks = {
        "checksum": "9e9b",
        "roots": {
            "bookmark_bar": {
                "children": [
                    mark("Gmail", "https://mail.google.com/mail/u/0/#inbox", late),
                    {
                        "children": [mark("Rada passes the law", U3, late)],
                        "name": "Дайджест",
                        "type": "folder",
                    },
                ],
                "name": "Bookmarks bar",
                "type": "folder",
            },
            "other": {"children": [], "name": "Other bookmarks", "type": "folder"},
            "synced": {
                "children": [mark("Explosions in Odesa", U1, late - dt.timedelta(days=3))],
                "name": "Mobile bookmarks",
                "type": "folder",
            },
        },
        "version": 1,
    }
    text = json.dumps(bookmarks, ensure_ascii=False)
    listing = parse_listing(text, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert sorted((d, t or "", title, url) for d, t, title, url, _ in _dated(listing)) == [
        ("2024-06-22", "", "Explosions in Odesa", U1),
        ("2024-06-25", "", "Rada passes the law", U3),
    ]


def test_a_mastodon_archive_gives_its_posts_articles() -> None:
    # An account's archive (outbox.json, ActivityPub): a Create's Note is a post; an
    # Announce (a boost, only the address of a post elsewhere) is none.
    def create(number: int, text: str, url: str, published: str) -> dict[str, Any]:
        note = {
            "id": f"https://mastodon.social/users/d/statuses/{number}",
            "type": "Note",
            "published": published,
            "content": f'<p>{text}</p><p><a href="{url}">link</a></p>',
        }
        return {"type": "Create", "published": published, "object": note}

    outbox = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "type": "OrderedCollection",
        "orderedItems": [
            create(1, "Explosions in Odesa", U1, "2024-06-24T21:05:31Z"),
            {"type": "Announce", "object": "https://mastodon.social/users/x/statuses/7"},
            create(2, "Rada passes the law", U3, "2024-06-25T09:00:00Z"),
        ],
    }
    listing = parse_listing(json.dumps(outbox), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "00:05", "Explosions in Odesa", U1),
        ("2024-06-25", "12:00", "Rada passes the law", U3),
    ]


def test_facebooks_export_of_a_chat_is_read_with_its_text_undone() -> None:
    # "Download Your Information": Messenger's message_1.json, newest first, its text the
    # bytes of UTF-8 escaped one by one; a message's words and link are a headline on the
    # day it was shared, an attachment shared without words none.
    def mangled(text: str) -> str:
        return text.encode("utf-8").decode("latin-1")

    chat = {
        "participants": [{"name": mangled("Олена Коваль")}],
        "messages": [
            {
                "sender_name": mangled("Олена Коваль"),
                "timestamp_ms": 1719262800000,  # 2024-06-24 21:00 UTC: the 25th in Kyiv
                "content": mangled("Рада ухвалила закон — ") + U3,
                "share": {"link": U3},
            },
            {
                "sender_name": "Taras",
                "timestamp_ms": 1719240000000,
                "content": "Taras sent an attachment.",
                "share": {"link": "https://www.facebook.com/GeneralStaff/posts/1"},
            },
            {
                "sender_name": "Taras",
                "timestamp_ms": 1719237600000,
                "content": mangled("💥 Вибухи в Одесі\n") + U1,
            },
        ],
        "title": mangled("Дайджест"),
    }
    listing = parse_listing(json.dumps(chat), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", None, "Вибухи в Одесі", U1),
        ("2024-06-25", None, "Рада ухвалила закон", U3),
    ]


def test_an_x_archive_gives_its_tweets_articles() -> None:
    # X's archive, data/tweets.js: a script around JSON. A tweet's text less its t.co link
    # and its thread's number, the link expanded; a reply to someone, a photo and a quote
    # are none; a retweet is its author's headline on the day it was retweeted.
    def tweet(text: str, urls: list[str], when: str) -> dict[str, Any]:
        entities = {"urls": [{"url": "https://t.co/x", "expanded_url": u} for u in urls]}
        return {
            "tweet": {
                "id_str": str(abs(hash(text))),
                "created_at": when,
                "full_text": text,
                "entities": entities,
            }
        }

    tweets = [
        tweet("2. Q&amp;A: the law https://t.co/x", [U3], "Mon Jun 24 21:40:12 +0000 2024"),
        tweet("@olena Дякуємо https://t.co/x", [U2], "Mon Jun 24 10:00:00 +0000 2024"),
        tweet(
            "Фото https://t.co/x",
            ["https://x.com/d/status/1/photo/1"],
            "Mon Jun 24 10:00:00 +0000 2024",
        ),
        tweet(
            "RT @suspilne: Explosions in Odesa https://t.co/x",
            [U1],
            "Mon Jun 24 09:00:00 +0000 2024",
        ),
    ]
    script = "window.YTD.tweets.part0 = " + json.dumps(tweets, ensure_ascii=False)
    listing = parse_listing(script, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert sorted((d, t or "", title, url) for d, t, title, url, _ in _dated(listing)) == [
        ("2024-06-24", "", "Explosions in Odesa", U1),
        ("2024-06-25", "00:40", "Q&A: the law", U3),
    ]


def test_an_outlets_name_with_a_hyphen_after_a_title_is_left_out() -> None:
    url = "https://www.rbc.ua/ukr/news/rosiyani-vdarili-odesi-1721105400.html"
    title = "Росіяни вдарили по Одесі дронами - РБК-Україна"
    assert without_outlet(title, url, "РБК-Україна") == "Росіяни вдарили по Одесі дронами"
    assert without_outlet("Росіяни вдарили по Одесі - Х-101", url, "РБК-Україна").endswith("Х-101")


@pytest.mark.parametrize(
    ("written", "day", "time"),
    [
        ("16/06/2024, 14:05 WIB", "2024-06-16", "10:05"),  # Jakarta: UTC+7
        ("Publié le 14 juin 2024 à 11 h 20 HAE", "2024-06-14", "18:20"),  # Radio-Canada
        ("Publié hier à 21 h 10 HAE", "2024-06-25", "04:10"),
    ],
)
def test_more_named_zones_are_moved_into_the_sites(
    written: str, day: str, time: str | None
) -> None:
    listing = f"{written}\nRada passes the dual citizenship law https://example.org/a/1\n"
    found = parse_listing(listing, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t) for d, t, *_ in _dated(found)] == [(day, time)]


def test_a_sites_app_and_login_pages_are_no_articles() -> None:
    assert index_page("https://www.aajtak.in/app")
    assert index_page("https://www.aajtak.in/livetv")
    assert index_page("https://www.aajtak.in/login")
    assert not index_page("https://www.aajtak.in/world/story/zelensky-1978861-2024-07-16")


def test_a_page_without_header_tags_keeps_its_header_its_menu_and_paid_cards_out() -> None:
    # iDNES: its header and footer are divs named so (id="portal-header", id="footer"), its
    # section menu links the page itself, an advertorial's card is labelled "Komerční
    # sdělení", and its times are Czech, "16. 7. 2024 14:05" (Prague's).
    def card(url: str, title: str, when: str, label: str = "") -> str:
        return (
            f'<div class="art">{label}<a class="art-link" href="{url}"><h3>{title}</h3></a>'
            f'<div class="art-info"><span class="time">{when}</span></div></div>'
        )

    page = (
        '<html><head><link rel="canonical" href="https://www.idnes.cz/zpravy/valka"></head><body>'
        '<div id="portal-header"><ul class="portal-menu"><li><a href="https://www.idnes.cz/sport">'
        'Sport</a></li><li><a href="https://www.idnes.cz/kultura">Kultura</a></li></ul></div>'
        '<div id="menu"><a href="https://www.idnes.cz/zpravy/domaci">Domácí</a>'
        '<a class="act" href="https://www.idnes.cz/zpravy/valka">Válka na Ukrajině</a></div>'
        '<div class="list-art">'
        + card(
            "https://www.idnes.cz/zpravy/a.A240625_1",
            "Zelenskyj chce Rusy na summitu",
            "25. 6. 2024 14:05",
        )
        + card(
            "https://www.idnes.cz/bydleni/b.A240610_2",
            "Tepelné čerpadlo s dotací: kolik ušetříte",
            "",
            '<span class="label">Komerční sdělení</span>',
        )
        + card(
            "https://www.idnes.cz/zpravy/c.A240625_3",
            "Ruské pumy dopadly na Charkov",
            "25. 6. 2024 9:15",
        )
        + card(
            "https://www.idnes.cz/zpravy/d.A240624_4",
            "Rusko a Ukrajina si vyměnily zajatce",
            "24. 6. 2024 23:20",
        )
        + '</div><div id="footer"><a href="https://www.idnes.cz/sluzby/kontakty">Kontakty a '
        "ochrana osobních údajů</a></div></body></html>"
    )
    listing = parse_listing(
        page, DEFAULT, {}, timezone="Europe/Kyiv", page_url="https://www.idnes.cz/zpravy/valka"
    )
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-25", "15:05", "Zelenskyj chce Rusy na summitu"),
        ("2024-06-25", "10:15", "Ruské pumy dopadly na Charkov"),
        ("2024-06-25", "00:20", "Rusko a Ukrajina si vyměnily zajatce"),
    ]


def test_chromes_history_from_takeout_gives_the_articles_visited_once() -> None:
    # BrowserHistory.json, newest first: a visit's day is its time_usec's; a reload is one
    # visit; a search, a section's page and a short link titled by its address are none.
    def visit(title: str, url: str, when: dt.datetime) -> dict[str, Any]:
        return {"title": title, "url": url, "time_usec": int(when.timestamp() * 1_000_000)}

    late = dt.datetime(2024, 6, 24, 21, 50, tzinfo=dt.UTC)  # the 25th in Kyiv
    history = {
        "Browser History": [
            visit("Rada passes the law", U3, late + dt.timedelta(minutes=2)),
            visit("Rada passes the law", U3, late),
            visit("https://t.co/Rq8sLmN2xP", "https://t.co/Rq8sLmN2xP", late),
            visit("Europe | Latest News", "https://www.bbc.com/news/world/europe", late),
            visit("war - Google Search", "https://www.google.com/search?q=war", late),
            visit("Explosions in Odesa", U1, late - dt.timedelta(hours=2)),
        ]
    }
    listing = parse_listing(json.dumps(history), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert sorted((d, title, url) for d, _, title, url, _ in _dated(listing)) == [
        ("2024-06-24", "Explosions in Odesa", U1),
        ("2024-06-25", "Rada passes the law", U3),
    ]


def test_google_tasks_from_takeout_give_a_lists_tasks_on_their_due_days() -> None:
    # Tasks.json: a task's link in its notes (or after its title), on its due date; a
    # subtask, a list of rejected stories and an account's page are none.
    def task(ident: str, title: str, notes: str, due: str, **more: str) -> dict[str, str]:
        return {
            "kind": "tasks#task",
            "id": ident,
            "title": title,
            "notes": notes,
            "due": due,
            **more,
        }

    tasks = {
        "kind": "tasks#taskLists",
        "items": [
            {
                "title": "Мої завдання",
                "items": [
                    task(
                        "a",
                        "Продовжити підписку FT",
                        "https://www.ft.com/myaccount",
                        "2024-06-30T00:00:00.000Z",
                    )
                ],
            },
            {
                "title": "Дайджест",
                "items": [
                    task(
                        "b",
                        "Explosions in Odesa",
                        U1 + "\nджерело: телеграм",
                        "2024-06-24T00:00:00.000Z",
                    ),
                    task("c", "знайти фото", U2, "2024-06-24T00:00:00.000Z", parent="b"),
                    task("d", f"Rada passes the law {U3}", "", "2024-06-25T00:00:00.000Z"),
                ],
            },
            {
                "title": "Не беремо",
                "items": [task("e", "Putin finds", U2, "2024-06-25T00:00:00.000Z")],
            },
        ],
    }
    listing = parse_listing(json.dumps(tasks), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "Explosions in Odesa", U1),
        ("2024-06-25", "Rada passes the law", U3),
    ]


def test_a_day_one_journal_gives_its_entries_lists_on_their_days() -> None:
    # Day One's JSON: each entry's Markdown (its escapes, "\-", taken off) on the day it was
    # written, in its own zone; a photo and a run's Strava page are none.
    entry = {
        "uuid": "5E61",
        "creationDate": "2024-06-24T21:10:00Z",  # 00:10 on the 25th in Kyiv
        "timeZone": "Europe/Kiev",
        "text": "# Дайджест\n\n## Ранок\n\n- 07:12 [Сили ППО збили 22 з 24 «шахедів» \\(ПС\\)]("
        + U2
        + ")\n![](dayone-moment://AB12)\n- [Пробіжка](https://www.strava.com/activities/1191)\n",
    }
    listing = parse_listing(
        json.dumps({"metadata": {}, "entries": [entry]}), DEFAULT, SOURCES, timezone="Europe/Kyiv"
    )
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "07:12", "Сили ППО збили 22 з 24 «шахедів» (ПС)", U2),
    ]


def test_a_copy_whose_times_follow_drops_an_ad_no_time_follows_and_counts_after_times() -> None:
    # Dnevnik copied: "16 юли 2024, 14:05 • 3 коментара" under each title (its comments
    # after its moment), and an ad under "Реклама" (its advertiser's site under it), no time.
    copy = (
        "Свят\nЗеленски: Русия трябва да участва във втората среща\n16 юни 2024, 14:05 • 3 коментара\n"
        "Свят\nРуски бомби удариха Харков, петима са ранени\n16 юни 2024, 12:47 • 0 коментара\n"
        "Реклама\nКредит до 50 000 лв. с одобрение за минути\ncredissimo.bg\n"
        "Свят\nЕС бойкотира срещите на председателството\n15 юни 2024, 11:20 • 11 коментара\n"
        "Свят\nПолша обещава нова военна помощ за Киев\n15 юни 2024, 16:25 • 1 коментар\n"
    )
    listing = parse_listing(copy, DEFAULT, {})
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-16", "14:05", "Зеленски: Русия трябва да участва във втората среща"),
        ("2024-06-16", "12:47", "Руски бомби удариха Харков, петима са ранени"),
        ("2024-06-15", "11:20", "ЕС бойкотира срещите на председателството"),
        ("2024-06-15", "16:25", "Полша обещава нова военна помощ за Киев"),
    ]


def test_a_rubric_before_a_relative_day_and_a_videos_length_before_a_moment() -> None:
    # NOS copied: "Buitenland • vandaag, 14:05" under each item (its rubric, then its day
    # and time); a video's length, "2:31", on its own line before its item's moment.
    copy = (
        "Zelensky: Rusland moet bij volgende vredestop aanwezig zijn\n"
        "Het is voor het eerst dat de president dat openlijk zegt.\n"
        "Buitenland • vandaag, 14:05\n"
        "Video\nZo ziet het front bij Pokrovsk eruit: 'Elke dag schuiven ze op'\n2:31\n"
        "Buitenland • vandaag, 10:12\n"
        "Oekraïense drones raken olieraffinaderij in Zuid-Rusland\n"
        "Buitenland • gisteren, 23:30\n"
        "Nederland levert extra Patriot-onderdelen aan Oekraïne\nPolitiek • 22 jun, 18:20\n"
    )
    listing = parse_listing(copy, DEFAULT, {})
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "14:05"),
        ("2024-06-25", "10:12"),
        ("2024-06-24", "23:30"),
        ("2024-06-22", "18:20"),
    ]


def test_more_languages_most_read_blocks_and_onets_box_parameter() -> None:
    # Onet: its links carry "?srcc=ucs" (which box led there), and a block headed "Polecane
    # dla Ciebie" (recommended for you) of other sites' articles stands beside the listing.
    def item(path: str, title: str, when: str) -> str:
        return (
            f'<article><a href="https://wiadomosci.onet.pl/swiat/{path}?srcc=ucs"><h3>{title}</h3></a>'
            f'<time datetime="{when}">{when}</time></article>'
        )

    page = (
        "<main>"
        + item(
            "zelenski-szczyt/qz7h2bn",
            "Zełenski: Rosja powinna wziąć udział w szczycie",
            "2024-06-25T14:05:00+02:00",
        )
        + item(
            "charkow-bomby/qz7h2aa",
            "Rosyjskie bomby spadły na Charków",
            "2024-06-25T12:47:00+02:00",
        )
        + item(
            "sikorski-pomoc/5xk2mgh",
            "Sikorski: Polska przekaże kolejny pakiet pomocy",
            "2024-06-24T18:15:00+02:00",
        )
        + '</main><div><h2>Polecane dla Ciebie</h2><a href="https://www.medonet.pl/zdrowie/'
        'jak-przetrwac-upal,artykul,16482217.html">Jak przetrwać upał? Lekarze radzą</a></div>'
    )
    listing = parse_listing(
        page, DEFAULT, {}, timezone="Europe/Kyiv", page_url="https://wiadomosci.onet.pl/"
    )
    assert [url for *_, url, _ in _dated(listing)] == [
        "https://wiadomosci.onet.pl/swiat/zelenski-szczyt/qz7h2bn",
        "https://wiadomosci.onet.pl/swiat/charkow-bomby/qz7h2aa",
        "https://wiadomosci.onet.pl/swiat/sikorski-pomoc/5xk2mgh",
    ]


def test_a_badge_in_capitals_over_the_first_time_makes_times_lead_their_headlines() -> None:
    # DR copied: the topic's heading, its button and description, then "LIVE" over the first
    # item's time, its title and summary: the times come before their headlines.
    copy = (
        "Krigen i Ukraine\nFølg emnet\n"
        "Rusland invaderede Ukraine den 24. februar 2022. Her kan du følge udviklingen.\n"
        "LIVE\nI dag kl. 14.05\nZelenskyj: Rusland bør deltage i næste fredstopmøde\n"
        "Den ukrainske præsident siger for første gang åbent, at Rusland skal have en plads.\n"
        "I dag kl. 12.47\nRussiske glidebomber rammer Kharkiv - fem sårede\n"
        "VIDEO\nI går kl. 08.15\nSe billederne: Sådan ser fronten ved Pokrovsk ud\n1:48\n"
        "22. jun. 2024 kl. 18.20\nUkraine og Rusland udveksler 95 krigsfanger\nVis flere\n"
    )
    listing = parse_listing(copy, DEFAULT, {})
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-25", "14:05", "Zelenskyj: Rusland bør deltage i næste fredstopmøde"),
        ("2024-06-25", "12:47", "Russiske glidebomber rammer Kharkiv - fem sårede"),
        ("2024-06-24", "08:15", "Se billederne: Sådan ser fronten ved Pokrovsk ud"),
        ("2024-06-22", "18:20", "Ukraine og Rusland udveksler 95 krigsfanger"),
    ]


def test_a_to_do_apps_csv_leaves_subtasks_and_rejected_lists_out_and_reads_a_link_over_a_note() -> (
    None
):
    # TickTick's backup: a task's link cell holds the link, a blank line and a note; a
    # subtask names its parent; a task in the list "Відхилено" was turned down.
    rows = [
        ["List Name", "Title", "Content", "Created Time", "taskId", "parentId"],
        [
            "Дайджест",
            "Explosions in Odesa",
            U1 + "\n\nперевірити цифри",
            "2024-06-24T06:02:11+0000",
            "1",
            "",
        ],
        ["Дайджест", "знайти фото ДСНС", U2, "2024-06-24T07:00:00+0000", "2", "1"],
        ["Відхилено", "Putin finds justification", U2, "2024-06-24T08:00:00+0000", "3", ""],
        ["Дайджест", "Rada passes the law", U3, "2024-06-24T09:00:00+0000", "4", ""],
    ]
    text = "\n".join(",".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows)
    listing = parse_listing(text, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(title, url) for _, _, title, url, _ in _dated(listing)] == [
        ("Explosions in Odesa", U1),
        ("Rada passes the law", U3),
    ]


def test_a_mailbox_reads_each_message_in_its_charset_as_of_its_day() -> None:
    # An mbox (Thunderbird's folder): a newsletter in windows-1252 sent on the 24th (its items
    # on that day), a body line "From …" escaped ">From …", and a colleague's note that links
    # no article; each message read from its own bytes.
    def message(date: str, charset: str, body: str, encoding: str = "8bit") -> bytes:
        head = (
            f"From - {date}\nDate: {date}\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {encoding}\n\n"
        )
        data = body.encode(charset)
        if encoding == "base64":
            data = base64.encodebytes(data)
        return head.encode() + data + b"\n"

    mbox = (
        message(
            "Mon, 24 Jun 2024 17:00:03 +0000",
            "windows-1252",
            f"Today\u2019s news\n\nExplosions in Odesa \u2014 officials say\n{U1}\n\n"
            f">From the front: Putin finds justification\n{U2}\n\nRada passes the law\n{U3}\n",
        )
        + b"\n"
        + message(
            "Tue, 25 Jun 2024 09:40:31 +0300",
            "utf-8",
            "Привіт!\nОновила графік чергувань, глянь:\n"
            "https://docs.google.com/spreadsheets/d/1Xq2/edit\n",
            "base64",
        )
    )
    listing = read_listing_file(mbox, "Newsletters.mbox")
    found = parse_listing(listing.text, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, title, url) for d, _, title, url, _ in _dated(found)] == [
        ("2024-06-24", "Explosions in Odesa \u2014 officials say", U1),
        ("2024-06-24", "From the front: Putin finds justification", U2),
        ("2024-06-24", "Rada passes the law", U3),
    ]


def test_more_languages_side_blocks_load_more_buttons_and_ad_labels() -> None:
    # Pravda.sk's "Najčítanejšie" box and "Načítať ďalšie články", Aftenposten's "ANNONSE"
    # over an ad; Index.hr's "?index_ref=…" on its links.
    def item(n: int, title: str) -> str:
        return (
            f'<article><a href="https://www.index.hr/vijesti/clanak/{n}.aspx?index_ref=tag_d_{n}">'
            f"<h3>{title}</h3></a><time>24. lipnja 2024. 1{n}:05</time></article>"
        )

    page = (
        "<main>"
        + item(1, "Eksplozije u Kijevu, protuzračna obrana ruši dronove")
        + item(2, "Danska: Ukrajina će F-16 dobiti u idućih nekoliko tjedana")
        + '<article><span>ANNONSE</span><a href="https://www.elkjop.no/kampanje/sommersalg">'
        "<h3>Sommersalg hos Elkjøp – opptil 40 % på TV</h3></a></article>"
        + item(3, "Britanski obavještajci: Rusija gubi više od tisuću vojnika dnevno")
        + '<a href="https://www.index.hr/vijesti/rubrika/svijet/2.aspx">Načítať ďalšie články</a>'
        + '</main><section><h2>Najčítanejšie</h2><ol><li><a href="https://spravy.pravda.sk/'
        'domace/clanok/715432-shmu-vydal-vystrahu/">SHMÚ vydal výstrahu pred búrkami</a></li>'
        '<li><a href="https://spravy.pravda.sk/ekonomika/clanok/715400-ceny/">Ceny potravín v '
        "lete stúpli</a></li></ol></section>"
    )
    listing = parse_listing(page, DEFAULT, {}, page_url="https://www.index.hr/tag/rat.aspx")
    assert [(d, t, url) for d, t, _, url, _ in _dated(listing)] == [
        ("2024-06-24", "11:05", "https://www.index.hr/vijesti/clanak/1.aspx"),
        ("2024-06-24", "12:05", "https://www.index.hr/vijesti/clanak/2.aspx"),
        ("2024-06-24", "13:05", "https://www.index.hr/vijesti/clanak/3.aspx"),
    ]


def test_an_outliners_opml_is_read_as_the_list_it_shows() -> None:
    # Workflowy's OPML: a day bullet with its date chip (escaped HTML in its text), stories
    # with their link in the note or as the text's own <a>, a list of rejected stories.
    def item(text: str, note: str = "") -> str:
        escaped = (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
        )
        return f'<outline text="{escaped}"' + (f' _note="{note}"' if note else "") + " />"

    opml = (
        '<?xml version="1.0"?><opml version="2.0"><head><ownerEmail>e@x</ownerEmail></head><body>'
        '<outline text="&lt;time startYear=&quot;2024&quot; startMonth=&quot;6&quot; '
        'startDay=&quot;24&quot;&gt;Mon, Jun 24, 2024&lt;/time&gt; — план випуску">'
        + item("07:40 Explosions in Odesa", U1)
        + item(f'08:15 <a href="{U2}">Putin finds justification</a> #фронт')
        + '<outline text="Не беремо">'
        + item(f"Rada passes the law {U3}")
        + "</outline></outline></body></opml>"
    )
    listing = parse_listing(opml, DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "07:40", "Explosions in Odesa", U1),
        ("2024-06-24", "08:15", "Putin finds justification", U2),
    ]


def test_a_reference_managers_bibtex_and_csl_json_give_their_linked_entries() -> None:
    # Zotero's BibLaTeX: braces, escapes and \mkbibquote undone; its day the entry's date,
    # else its urldate; an entry without a url (a book) and a home page none. Its CSL JSON:
    # "issued" as date parts, "URL", markup in the title.
    bib = (
        "@online{a,\n  title = {Orbán's \\mkbibquote{Peace Mission} Angers {{EU}} Partners \\& Allies},\n"
        "  date = {2024-06-24},\n  url = {" + U1 + "},\n  urldate = {2024-06-25}\n}\n\n"
        "@online{b,\n  title = {Rada Passes the Law},\n  url = {"
        + U3
        + "},\n  urldate = {2024-06-25},\n"
        "  file = {Snapshot:/Users/o/Zotero/storage/X/a.html:text/html}\n}\n\n"
        "@book{c,\n  title = {A History of Ukraine},\n  year = {2015}\n}\n\n"
        "@online{d,\n  title = {Ukrinform},\n  url = {https://www.ukrinform.net/},\n  year = {2024},\n"
        "  month = jun,\n  day = {23}\n}\n"
    )
    listing = parse_listing(bib, DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-24", 'Orbán\'s "Peace Mission" Angers EU Partners & Allies', U1),
        ("2024-06-25", "Rada Passes the Law", U3),
    ]
    csl = [
        {
            "type": "article-newspaper",
            "title": "Sea drones now carry <i>missiles</i>",
            "URL": U2,
            "issued": {"date-parts": [["2024", 6, 23]]},
        },
        {
            "type": "webpage",
            "title": "Rada passes the law",
            "URL": U3,
            "accessed": {"date-parts": [[2024, 6, 24]]},
        },
    ]
    listing = parse_listing(json.dumps(csl), DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-23", "Sea drones now carry missiles", U2),
        ("2024-06-24", "Rada passes the law", U3),
    ]


def test_roam_researchs_export_gives_its_daily_notes_lists() -> None:
    # Roam's JSON: pages with nested blocks; a daily note's title is its day; a heading
    # block, a task's box, a tag and a page's label are no words of a title; an embed, a
    # block's reference and an attribute are none; another page (a topic's) gives nothing.
    def block(text: str, *children: dict[str, Any]) -> dict[str, Any]:
        return {"string": text, "uid": "u" + str(abs(hash(text)))[:8], "children": list(children)}

    done = f"{{{{[[DONE]]}}}} 07:55 [Putin finds justification]({U2}) #[[Donetsk Oblast]]"
    morning = block(
        "[[Дайджест]] — ранок",
        block(f"07:10 [Explosions in Odesa]({U1})"),
        block(done),
        block(f"[[ISW]] [Rada passes the law]({U3})", block("Source:: [[ISW]]")),
        block("{{embed: ((Xy7_kP2mQ))}}"),
    )
    pages = [
        {"title": "ISW", "uid": "p1", "children": [block(f"[Explosions in Odesa]({U1})")]},
        {"title": "June 24th, 2024", "uid": "p2", "children": [{**morning, "heading": 3}]},
    ]
    listing = parse_listing(json.dumps(pages, ensure_ascii=False), DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "07:10", "Explosions in Odesa", U1),
        ("2024-06-24", "07:55", "Putin finds justification", U2),
        ("2024-06-24", None, "Rada passes the law", U3),
    ]


def test_a_line_chat_history_gives_its_shared_links_on_their_days() -> None:
    # LINE's history saved as text: day lines, "HH:MM<tab>Name<tab>message", a message of
    # several lines in quotes (a quote in it doubled); a notice, a sticker and talk are none.
    history = (
        "\ufeff[LINE] Chat history with Digest desk\nSaved on: 2024/06/25 21:04\n\n"
        "2024.06.24 Monday\n21:58\tKenji Sato\tEvening! Two from Tokyo for tomorrow\n"
        f'21:59\tKenji Sato\t"Explosions in Odesa as missiles strike\n{U1}"\n'
        "22:05\tOlena Koval\t[Sticker]\n22:30\tOlena Koval added Oleh to the group.\n\n"
        f"2024.06.25 Tuesday\n07:25\tTaras Melnyk\tPutin finds justification for nuclear weapons {U2}\n"
        '08:40\tKenji Sato\t"Nikkei has a piece:\n""Rada passes the dual citizenship law""\n'
        f'{U3}"\n11:50\tOlena Koval\t👍\n'
    )
    listing = parse_listing(history, DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-24", None, "Explosions in Odesa as missiles strike", U1),
        ("2024-06-25", None, "Putin finds justification for nuclear weapons", U2),
        ("2024-06-25", None, "Rada passes the dual citizenship law", U3),
    ]


def test_endnotes_xml_export_gives_its_records_with_web_addresses() -> None:
    # EndNote's XML: every text in <style> runs (a title in several, joined); the day its
    # pub-dates and year give, else its access-date; a PDF attached is none.
    def styled(text: str) -> str:
        return f'<style face="normal" font="default" size="100%">{text}</style>'

    def record(title: str, url: str, day: str = "", access: str = "") -> str:
        dates = f"<dates><year>{styled('2024')}</year>" + (
            f"<pub-dates><date>{styled(day)}</date></pub-dates>" if day else ""
        )
        return (
            f"<record><titles><title>{title}</title></titles>{dates}</dates>"
            f"<urls><related-urls><url>{styled(url)}</url></related-urls></urls>"
            + (f"<access-date>{styled(access)}</access-date>" if access else "")
            + "</record>"
        )

    xml = (
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records>'
        + record(
            styled("Зеленський про ") + styled("F-16") + styled(": перші вже скоро"), U1, "June 24"
        )
        + record(styled("Rada passes the law"), U3, "", "2024-06-25")
        + record(styled("Kiel working paper"), "https://www.ifw-kiel.de/paper.pdf", "June 20")
        + "</records></xml>"
    )
    listing = parse_listing(xml, DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "Зеленський про F-16: перші вже скоро", U1),
        ("2024-06-25", "Rada passes the law", U3),
    ]


def test_googles_amp_cache_link_is_its_articles_and_a_posts_pdf_is_none() -> None:
    amp = "https://www-euronews-com.cdn.ampproject.org/c/s/www.euronews.com/amp/my-europe/2024/06/24/boycott"
    assert unwrapped(amp) == "https://www.euronews.com/my-europe/2024/06/24/boycott"
    # wallabag's export: a list of entries, one a report saved as a PDF
    entries = [
        {"title": "Explosions in Odesa", "url": U1, "published_at": "2024-06-24T10:00:00+00:00"},
        {"title": "Rada passes the law", "url": U3, "published_at": "2024-06-24T11:00:00+00:00"},
        {
            "title": "zvit_06_2024.pdf",
            "url": "https://www.kmu.gov.ua/storage/zvit_06_2024.pdf",
            "published_at": "2024-06-24T12:00:00+00:00",
        },
    ]
    listing = parse_listing(json.dumps(entries), DEFAULT, SOURCES)
    assert [url for *_, url, _ in _dated(listing)] == [U1, U3]


def test_a_title_ends_without_white_space_of_any_kind() -> None:
    # Found by Hypothesis: a line separator (U+2028) between a title and its link stayed on
    # the title's end.
    listing = parse_listing("headlines:\u2028https://example.org/a  ---", DEFAULT, SOURCES)
    assert [title for _, _, title, *_ in _dated(listing)] == ["headlines:"]


def test_a_date_after_a_bylines_link_and_a_breaking_news_bar() -> None:
    # Haaretz: "<a>Dan Rubinstein</a> | <span>Jun 24, 2024 1:30 pm IDT</span>" under a card's
    # title, and the site's bar over every page, a region labelled "Breaking news".
    def card(n: int, title: str, when: str) -> str:
        return (
            f'<article><a href="https://www.haaretz.com/world-news/2024-06-24/ty-article/{n}">'
            f'<h3>{title}</h3></a><p><a href="https://www.haaretz.com/ty-writer/w{n}">Writer {n}'
            f"</a> | <span>{when}</span></p></article>"
        )

    page = (
        '<div class="breaking-news-bar" role="region" aria-label="Breaking news"><span>Live</span>'
        '<a href="https://www.haaretz.com/israel-news/2024-06-24/ty-article-live/updates/1">'
        "Israel-Hamas War Live Updates: Hostage Talks to Resume Next Week</a></div><main>"
        + card(1, "Israel's Quiet Arms Deals With Ukraine's Neighbors", "Jun 24, 2024 1:30 pm")
        + card(2, "Netanyahu's Silence on Ukraine Is Becoming Harder", "Jun 23, 2024 9:15 pm")
        + "</main>"
    )
    listing = parse_listing(page, DEFAULT, {})
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-24", "13:30"),
        ("2024-06-23", "21:15"),
    ]


def test_undated_links_after_a_dated_listing_are_the_blocks_below_it() -> None:
    # The Times of India's AMP page: dated items, then "Videos" and "Top Stories" under
    # headings of their own (no container to know them by), their links undated.
    def item(n: int, title: str, when: str) -> str:
        return (
            f'<li><a href="https://timesofindia.indiatimes.com/world/europe/{n}/amp_articleshow/{n}.cms">'
            f'{title}</a><span class="time">{when}</span></li>\n'
        )

    page = (
        "<ul>"
        + item(1, "Zelenskyy says Russia should attend next peace summit", "Jun 24, 2024, 18:35")
        + item(2, "Russian glide bombs hit Kharkiv, injuring five", "Jun 24, 2024, 14:05")
        + item(3, "Denmark says first F-16s to reach Ukraine within weeks", "Jun 24, 2024, 11:40")
        + item(4, "EU to boycott Hungary-led informal meetings", "Jun 23, 2024, 22:05")
        + '</ul>\n<div class="sec_hd">Videos</div>\n<div><a href="https://timesofindia.indiatimes.com/'
        'videos/international/watch-sea-drone/videoshow/111780044.cms">Watch: Ukrainian sea drone '
        'strikes Russian vessel near Crimea</a></div>\n<div class="sec_hd">Top Stories</div>\n<ul>'
        '<li><a href="https://timesofindia.indiatimes.com/india/budget/amp_articleshow/111780980.cms">'
        "Budget 2024: Nirmala Sitharaman to present Union Budget on July 23</a></li></ul>"
    )
    listing = parse_listing(page, DEFAULT, {})
    assert [title for _, _, title, *_ in _dated(listing)] == [
        "Zelenskyy says Russia should attend next peace summit",
        "Russian glide bombs hit Kharkiv, injuring five",
        "Denmark says first F-16s to reach Ukraine within weeks",
        "EU to boycott Hungary-led informal meetings",
    ]


def test_a_time_moved_past_midnight_by_its_zone_leaves_the_day_of_the_items_after_it() -> None:
    # Index.hr: day headings over items with times alone, Zagreb's: "23:15" under 24 June is
    # 00:15 on the 25th in Kyiv, and the item after it, "18:50", is still of 24 June.
    def item(n: int, title: str, when: str) -> str:
        return (
            f'<article><a href="https://www.index.hr/vijesti/clanak/{n}.aspx"><h3>{title}</h3></a>'
            f'<span class="time">{when}</span></article>\n'
        )

    page = (
        '<div class="day-title">Utorak, 25. lipnja 2024.</div>\n'
        + item(1, "Eksplozije u Kijevu, protuzračna obrana ruši dronove", "10:05")
        + item(2, "Danska: Ukrajina će F-16 dobiti u idućih tjedana", "09:20")
        + '<div class="day-title">Ponedjeljak, 24. lipnja 2024.</div>\n'
        + item(3, "Ukrajina uvodi nova isključenja struje u Kijevu", "23:15")
        + item(4, "Plenković: Hrvatska će nastaviti pomagati Ukrajini", "18:50")
    )
    listing = parse_listing(
        page, DEFAULT, {}, timezone="Europe/Kyiv", page_url="https://www.index.hr/tag/rat.aspx"
    )
    assert sorted((d, t) for d, t, *_ in _dated(listing)) == [
        ("2024-06-24", "19:50"),
        ("2024-06-25", "00:15"),
        ("2024-06-25", "10:20"),
        ("2024-06-25", "11:05"),
    ]


def test_an_items_date_after_updated_and_a_slash() -> None:
    # RTÉ: "Updated / 24 Jun 2024 15:42 IST" under a card's title, Irish time on an .ie site.
    def card(n: int, title: str, when: str) -> str:
        return (
            f'<article><a href="https://www.rte.ie/news/world/2024/0624/{n}-story/"><h3>{title}</h3>'
            f'</a><p><span class="date">{when}</span></p></article>\n'
        )

    page = card(
        1, "Zelensky says Russia should attend summit", "Updated / 24 Jun 2024 15:42 IST"
    ) + card(
        2, "Hungary's EU presidency boycotted by Commission", "Updated / 23 Jun 2024 22:40 IST"
    )
    listing = parse_listing(
        page, DEFAULT, {}, timezone="Europe/Kyiv", page_url="https://www.rte.ie/news/"
    )
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-24", "17:42"),
        ("2024-06-24", "00:40"),
    ]


def test_a_videos_length_after_its_badge_in_a_listing_dated_by_ages() -> None:
    # 15min's "Video", "01:12" over a title in a listing dated by ages: a length, not a time.
    aged = (
        "Zelenskis: Rusija turėtų dalyvauti antrajame taikos susitikime\nprieš 38 min.\n56\n"
        "Video\n01:12\nCharkivas vėl po valdomomis bombomis: sužeisti devyni\nprieš 7 val.\n"
        "Kremlius atsakė Zelenskiui: pirmiausia reikia suprasti\nvakar 21:40\n"
    )
    assert [(d, t) for d, t, *_ in _dated(parse_listing(aged, DEFAULT, {}))] == [
        ("2024-06-25", None),
        ("2024-06-25", None),
        ("2024-06-24", "21:40"),
    ]


def test_a_chat_export_with_commas_is_no_table_and_its_times_may_have_narrow_spaces() -> None:
    # WhatsApp on an iPhone: "[24.06.24, 20:47:03] Name: text", a comma on every line (no
    # CSV), "<This message was edited>" after a link; Element's text export writes a narrow
    # no-break space before "PM".
    chat = (
        "\u200e[24.06.24, 18:02:11] Дайджест: \u200eOlena created group\n"
        f"[24.06.24, 20:47:03] Андрій: Explosions in Odesa as missiles strike, port damaged {U1}\n"
        "[24.06.24, 21:13:30] Олена: 👍\n"
        f"[25.06.24, 06:55:30] Ірина: Putin finds justification, says ISW\n{U2} \u200e<This message was edited>\n"
        "[25.06.24, 07:01:12] Олена: \u200eThis message was deleted.\n"
        f"[25.06.24, 09:40:12] Олена: Rada passes the law, finally {U3}\n"
    )
    listing = parse_listing(chat, DEFAULT, SOURCES)
    assert sorted((d, url) for d, _, _, url, _ in _dated(listing)) == [
        ("2024-06-24", U1),
        ("2024-06-25", U3),
        ("2024-06-25", U2),
    ]
    element = (
        "6/24/2024, 9:40:03\u202fPM - Olena Koval invited Iryna\n"
        f"6/24/2024, 10:40:27\u202fPM - Andrii: Explosions in Odesa as missiles strike {U1}\n"
        f"6/25/2024, 8:15:02\u202fAM - Olena: Putin finds justification for nuclear use {U2}\n"
        "6/25/2024, 8:16:10\u202fAM - Iryna: дякую\n"
        f"6/25/2024, 9:20:44\u202fAM - Olena: Rada passes the dual citizenship law {U3}\n"
    )
    listing = parse_listing(element, DEFAULT, SOURCES)
    assert sorted((d, url) for d, _, _, url, _ in _dated(listing)) == [
        ("2024-06-24", U1),
        ("2024-06-25", U3),
        ("2024-06-25", U2),
    ]


def test_hypothesis_annotations_give_each_page_once() -> None:
    # Hypothesis's export: several annotations of a page are one headline (its document's
    # title), on the day it was first annotated; a reply and a PDF are none.
    def note(url: str, title: str, created: str, **more: Any) -> dict[str, Any]:
        return {"uri": url, "document": {"title": [title]}, "created": created, "text": "", **more}

    export = {
        "export_date": "2024-06-25T20:00:00Z",
        "annotations": [
            note(U1, "Explosions in Odesa", "2024-06-24T21:30:00+00:00"),  # the 25th in Kyiv
            note(U1, "Explosions in Odesa", "2024-06-25T08:00:00+00:00"),
            note(U2, "Putin finds justification", "2024-06-24T10:00:00+00:00", references=["x"]),
            note(
                "https://www.kmu.gov.ua/storage/res.pdf",
                "Resolution 812",
                "2024-06-24T09:00:00+00:00",
            ),
            note(U3, "Rada passes the law", "2024-06-24T12:00:00+00:00"),
        ],
    }
    listing = parse_listing(json.dumps(export), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa", U1),
        ("2024-06-24", "Rada passes the law", U3),
    ]


def test_an_obsidian_canvas_gives_its_groups_cards_on_their_days() -> None:
    # A canvas: groups labelled with their days hold text cards (Markdown); a group of
    # rejected stories and a card's to-dos without links are none.
    def card(x: int, y: int, text: str) -> dict[str, Any]:
        return {
            "id": f"c{x}{y}",
            "type": "text",
            "text": text,
            "x": x,
            "y": y,
            "width": 400,
            "height": 100,
        }

    def group(x: int, y: int, label: str) -> dict[str, Any]:
        return {
            "id": f"g{x}{y}",
            "type": "group",
            "label": label,
            "x": x,
            "y": y,
            "width": 900,
            "height": 500,
        }

    canvas = {
        "nodes": [
            group(0, 0, "Вівторок, 25.06"),
            card(10, 10, f"**07:40** · [Explosions in Odesa]({U1})"),
            card(10, 150, "- [ ] знайти коментар МОЗ\n- [x] перекласти Reuters"),
            group(0, 600, "Понеділок, 24.06"),
            card(10, 610, f"### Putin finds justification\n{U2}\n\n#фронт"),
            group(1000, 0, "Не беремо"),
            card(1010, 10, f"[Rada passes the law]({U3})"),
        ],
        "edges": [],
    }
    listing = parse_listing(json.dumps(canvas, ensure_ascii=False), DEFAULT, SOURCES)
    assert [(d, t, title, url) for d, t, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "07:40", "Explosions in Odesa", U1),
        ("2024-06-24", None, "Putin finds justification", U2),
    ]


def test_elements_json_export_gives_a_rooms_shared_links_as_last_edited() -> None:
    # Element's export of a Matrix room: text messages (an edit bundled under "unsigned"),
    # a reply quoting a link, an image and a membership event none; on the day shared.
    def message(body: str, ts: int, **more: Any) -> dict[str, Any]:
        return {
            "type": "m.room.message",
            "content": {"msgtype": "m.text", "body": body},
            "origin_server_ts": ts,
            **more,
        }

    edited = {
        "m.relations": {
            "m.replace": {"content": {"m.new_content": {"body": f"Putin finds justification {U2}"}}}
        }
    }
    room = {
        "room_name": "Дайджест",
        "messages": [
            {
                "type": "m.room.member",
                "content": {"membership": "join"},
                "origin_server_ts": 1719200000000,
            },
            message(
                f"Explosions in Odesa as missiles strike {U1}", 1719262800000
            ),  # the 25th in Kyiv
            message(f"Putin finds justfication {U2}", 1719300000000, unsigned=edited),
            message(f"> <@a:matrix.org> Explosions in Odesa {U1}\n\nберу", 1719300100000),
            {
                "type": "m.room.message",
                "content": {"msgtype": "m.image", "body": "photo.jpg"},
                "origin_server_ts": 1719300200000,
            },
            message(f"[Rada passes the law]({U3})", 1719300300000),
        ],
    }
    listing = parse_listing(
        json.dumps(room, ensure_ascii=False), DEFAULT, SOURCES, timezone="Europe/Kyiv"
    )
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as missiles strike", U1),
        ("2024-06-25", "Putin finds justification", U2),
        ("2024-06-25", "Rada passes the law", U3),
    ]


def test_linkwarden_and_microsoft_to_do_exports_give_their_saved_articles() -> None:
    # Linkwarden: collections of links, each on the day it was saved; a PDF and a rejected
    # collection none. Microsoft To Do (an export tool's JSON of its API): tasks on their due
    # days (21:00 UTC is Kyiv's midnight), the link after the title, in the notes or linked
    # from a browser; the flagged mails' list and a reader's account page none.
    warden = {
        "id": 1,
        "pinnedLinks": [],
        "collections": [
            {
                "name": "Дайджест",
                "links": [
                    {
                        "name": "Explosions in Odesa | Censor.NET",
                        "type": "url",
                        "url": U1,
                        "createdAt": "2024-06-24T21:40:00Z",
                    },
                    {
                        "name": "OHCHR report",
                        "type": "pdf",
                        "url": "https://www.ohchr.org/r.pdf",
                        "createdAt": "2024-06-24T10:00:00Z",
                    },
                ],
            },
            {
                "name": "Не беремо",
                "links": [
                    {
                        "name": "Putin finds",
                        "type": "url",
                        "url": U2,
                        "createdAt": "2024-06-24T10:00:00Z",
                    }
                ],
            },
        ],
    }
    listing = parse_listing(json.dumps(warden), DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, url) for d, _, _, url, _ in _dated(listing)] == [("2024-06-25", U1)]

    def task(title: str, due: str, body: str = "", **more: Any) -> dict[str, Any]:
        return {
            "title": title,
            "body": {"content": body},
            "dueDateTime": {"dateTime": due, "timeZone": "UTC"},
            **more,
        }

    todo = {
        "source": "Microsoft Graph v1.0 /me/todo/lists",
        "lists": [
            {
                "displayName": "Tasks",
                "wellknownListName": "defaultList",
                "tasks": [
                    task(
                        "Продовжити підписку FT",
                        "2024-06-28T21:00:00.0000000",
                        "https://www.ft.com/myaccount/subscription\r\n",
                    ),
                ],
            },
            {
                "displayName": "Flagged emails",
                "wellknownListName": "flaggedEmails",
                "tasks": [
                    task("Google Alert", "2024-06-24T21:00:00.0000000", U3),
                ],
            },
            {
                "displayName": "Дайджест",
                "wellknownListName": "none",
                "tasks": [
                    task(f"Explosions in Odesa {U1}", "2024-06-23T21:00:00.0000000"),
                    task(
                        "Rada passes the law", "2024-06-24T21:00:00.0000000", f"{U3}\r\nна завтра"
                    ),
                    task(
                        "Putin finds justification",
                        "2024-06-24T21:00:00.0000000",
                        linkedResources=[{"webUrl": U2, "applicationName": "Microsoft Edge"}],
                    ),
                ],
            },
        ],
    }
    listing = parse_listing(
        json.dumps(todo, ensure_ascii=False), DEFAULT, SOURCES, timezone="Europe/Kyiv"
    )
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "Explosions in Odesa", U1),
        ("2024-06-25", "Rada passes the law", U3),
        ("2024-06-25", "Putin finds justification", U2),
    ]


def test_mattermosts_bulk_export_gives_its_posts_articles() -> None:
    # JSONL, one object a line: posts (a feed bot's attachment's title and link too), on the
    # day posted; a notice, a direct message and the other lines none; a bold kicker left out.
    def post(message: str, ts: int, **more: Any) -> str:
        return json.dumps(
            {
                "type": "post",
                "post": {"channel": "digest", "message": message, "create_at": ts, **more},
            },
            ensure_ascii=False,
        )

    export = "\n".join(
        [
            json.dumps({"type": "version", "version": 1}),
            json.dumps({"type": "team", "team": {"name": "redakciya"}}),
            post("iryna joined the channel.", 1719200000000, type="system_join_channel"),
            post(f"**Терміново** Explosions in Odesa as missiles strike {U1}", 1719262800000),
            post(
                "",
                1719300000000,
                props={"attachments": [{"title": "Putin finds justification", "title_link": U2}]},
            ),
            json.dumps(
                {
                    "type": "direct_post",
                    "direct_post": {"message": f"Rada {U3}", "create_at": 1719300000000},
                }
            ),
        ]
    )
    listing = parse_listing(export, DEFAULT, SOURCES, timezone="Europe/Kyiv")
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-25", "Explosions in Odesa as missiles strike", U1),
        ("2024-06-25", "Putin finds justification", U2),
    ]


def test_a_kakaotalk_chat_gives_its_shared_links_on_their_days() -> None:
    chat = (
        "\ufeff서울 데스크 님과 카카오톡 대화\n저장한 날짜 : 2024-06-25 21:04:33\n\n"
        "--------------- 2024년 6월 24일 월요일 ---------------\n"
        "[김민준] [오후 2:58] 안녕하세요\n"
        f"[김민준] [오후 3:12] Explosions in Odesa as missiles strike\n{U1}\n"
        "[박서연] [오후 5:03] 이모티콘\n"
        "--------------- 2024년 6월 25일 화요일 ---------------\n"
        f"[김민준] [오전 10:21] Putin finds justification for nuclear weapons {U2}\n"
        f"[박서연] [오후 12:30] Rada passes the dual citizenship law\n{U3}\n이건 같이 가면 좋을 듯\n"
    )
    listing = parse_listing(chat, DEFAULT, SOURCES)
    assert sorted((d, url) for d, _, _, url, _ in _dated(listing)) == [
        ("2024-06-24", U1),
        ("2024-06-25", U3),
        ("2024-06-25", U2),
    ]


def test_a_google_keep_note_gives_its_list_its_bare_links_titled_by_their_previews() -> None:
    # Keep's Takeout JSON: textContent is the editor's list ("15.07 вечір" a day line), a bare
    # link under no title takes its annotation's (preview's) title; a Hypothesis-like key
    # ("annotations") does not make it Hypothesis's export.
    note = {
        "title": "Дайджест",
        "textContent": f"24.06 вечір\nExplosions in Odesa as missiles strike\n{U1}\n{U2}\n\n25.06\n"
        f"Rada passes the dual citizenship law {U3}",
        "annotations": [
            {"source": "WEBLINK", "url": U2, "title": "Putin finds justification - ISW"},
            {"source": "WEBLINK", "url": U1, "title": "Explosions | Censor"},
        ],
        "userEditedTimestampUsec": 1719300000000000,
    }
    listing = parse_listing(json.dumps(note, ensure_ascii=False), DEFAULT, SOURCES)
    assert [(d, title, url) for d, _, title, url, _ in _dated(listing)] == [
        ("2024-06-24", "Explosions in Odesa as missiles strike", U1),
        ("2024-06-24", "Putin finds justification - ISW", U2),
        ("2024-06-25", "Rada passes the dual citizenship law", U3),
    ]


def test_a_card_that_is_one_long_link_is_read_by_its_heading() -> None:
    # SZ: each card one <a> around a picture with its credit, a heading (its overline and its
    # title marked data-manual="title"), a long teaser and its time: the title is its headline.
    teaser = "Russische Truppen stehen 20 Kilometer vor Pokrowsk. " * 5

    def card(n: int, title: str, when: str) -> str:
        return (
            f'<a data-manual="teaser-link" href="https://www.sueddeutsche.de/politik/story-lux.{n}">'
            f'<article><figure><img src="x.jpg" alt=""><figcaption>(Foto: Roman Pilipey/AFP)</figcaption></figure>'
            f'<h3><span data-manual="teaser-overline">Ukraine</span><span>:</span> '
            f'<span data-manual="title">{title}</span></h3><p>{teaser}</p>'
            f'<div><time datetime="{when}">16. Juli 2024</time> · <span>Lesezeit: 6 Min.</span></div>'
            "</article></a>\n"
        )

    page = (
        "<section>"
        + card(1, "Die Stadt, die nicht fallen darf", "2024-06-24T14:30:00.000Z")
        + card(2, "Orbáns Alleingang kostet ihn Verbündete", "2024-06-24T04:00:00.000Z")
        + "</section>"
    )
    listing = parse_listing(page, DEFAULT, {}, timezone="Europe/Kyiv")
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-24", "17:30", "Die Stadt, die nicht fallen darf"),
        ("2024-06-24", "07:00", "Orbáns Alleingang kostet ihn Verbündete"),
    ]


def test_a_polish_copys_compiled_by_byline_is_no_headline() -> None:
    # WP copied: title, "oprac. Magdalena Nowak" (compiled by), its time.
    copy = (
        "Rosyjskie bomby spadły na Charków. Wśród rannych dzieci\noprac. Adam Zygiel\ndzisiaj, 12:48\n"
        "Sikorski o zestrzeliwaniu rosyjskich rakiet nad Ukrainą\noprac. Katarzyna Bartman\ndzisiaj, 08:02\n"
        "Orbán pisze do przywódców UE. Ujawniono treść listu\nPAP\nwczoraj, 21:40\n"
        "Jutro mija termin aktualizacji danych\noprac. Magdalena Nowak\nwczoraj, 17:25\n"
    )
    listing = parse_listing(copy, DEFAULT, {})
    assert [(d, t) for d, t, *_ in _dated(listing)] == [
        ("2024-06-25", "12:48"),
        ("2024-06-25", "08:02"),
        ("2024-06-24", "21:40"),
        ("2024-06-24", "17:25"),
    ]


def test_more_languages_search_pages_and_newsletter_sign_ups_are_no_articles() -> None:
    assert index_page("https://www.digi24.ro/cauta?q=razboi+ucraina")
    assert index_page("https://www.faz.net/faz-net-services/newsletter/?campID=NL_ressort_ukraine")
    assert not index_page("https://www.digi24.ro/stiri/externe/ucraina-atac-odesa-2851420")


def test_a_morning_section_after_yesterday_evenings_is_todays() -> None:
    # An editor's note: "Вчора ввечері" over yesterday's links, then "Ранок" over today's.
    note = (
        "Вчора ввечері\n"
        f"- [Explosions in Odesa as missiles strike]({U1})\n"
        "Ранок\n"
        f"- [Putin finds justification for nuclear weapons]({U2})\n"
        f"- [Rada passes the dual citizenship law]({U3})\n"
    )
    listing = parse_listing(note, DEFAULT, SOURCES)
    assert sorted((d, url) for d, _, _, url, _ in _dated(listing)) == [
        ("2024-06-24", U1),
        ("2024-06-25", U3),
        ("2024-06-25", U2),
    ]


def test_a_name_between_a_headline_and_its_time_is_its_byline() -> None:
    # Aftenposten and 444 copied: "Name, role" or names between a title and its moment.
    copy = (
        "Soldatene ved Pokrovsk: – De kommer i bølger\nKjersti Kvile, Pokrovsk\nI dag 14:02\n"
        "Vance er Putins drømmekandidat\nPer Anders Johansen, kommentator\nI går 18:10\n"
        "Az oroszok irányított bombákkal lőtték Harkivot\nMagyari Péter, Sarkadi Zsolt\n2024. június 24. 23:10\n"
        "Felgyulladt egy olajraktár Rosztovban egy ukrán dróntámadás után\nKiss Soma Ábrahám\n2024. június 23. 10:15\n"
    )
    listing = parse_listing(copy, DEFAULT, {})
    assert [(d, t, title) for d, t, title, *_ in _dated(listing)] == [
        ("2024-06-25", "14:02", "Soldatene ved Pokrovsk: – De kommer i bølger"),
        ("2024-06-24", "18:10", "Vance er Putins drømmekandidat"),
        ("2024-06-24", "23:10", "Az oroszok irányított bombákkal lőtték Harkivot"),
        ("2024-06-23", "10:15", "Felgyulladt egy olajraktár Rosztovban egy ukrán dróntámadás után"),
    ]


def test_import_help_names_as_many_languages_as_dates_are_read_in() -> None:
    from builder import cli
    from builder.importdates import LANGUAGES, OTHER_LANGUAGES

    subparsers = next(a for a in cli._parser()._actions if a.choices and "import" in a.choices)
    described = re.search(r"(\d+) languages", subparsers.choices["import"].description or "")
    assert described is not None
    assert int(described[1]) == len(set(LANGUAGES + OTHER_LANGUAGES))


def test_a_run_of_indic_letters_is_refused_as_a_date_at_once() -> None:
    """A menu's words run together in Bengali (Prothom Alo's, copied) are no date. The
    pattern of a month's name once had two branches that both took Bengali letters, so
    refusing 74 of them took longer than 15 s and a longer run never ended: the import runs
    in a process of its own here, which a hang fails instead of stopping the suite."""
    menu = "সর্বশেষভারতপাকিস্তানএশিয়ামধ্যপ্রাচ্যযুক্তরাষ্ট্রইউরোপআফ্রিকা" * 4
    code = (
        "import datetime as dt, sys\n"
        "from builder.importer import parse_listing\n"
        "text = sys.stdin.read()\n"
        "listing = parse_listing(text, dt.date(2024, 7, 16), timezone='Europe/Kyiv')\n"
        "print(len(listing.days))\n"
    )
    listing = f"16 липня 2024\nЗеленський відвідав Харків\n{menu} ১৫ জুলাই\n"
    done = subprocess.run(
        [sys.executable, "-c", code], input=listing, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_arabic_times_with_morning_or_evening_and_bengali_dates() -> None:
    """Egyptian pages write a 12-hour clock with Arabic's morning and evening, `ص` and `م`
    ("09:48 م" is 21:48, "12:25 ص" is 00:25: Youm7's); Bengali pages their months and digits
    (`১৫ জুলাই ২০২৪`, Prothom Alo's). A page of a .com in Arabic keeps its times as written."""
    arabic = (
        "الثلاثاء، 16 يوليو 2024 09:48 م\n"
        "الكرملين: ندرس تصريحات زيلينسكى بشأن مشاركة روسيا فى قمة السلام\n"
        "الثلاثاء، 16 يوليو 2024 12:25 ص\n"
        "ترامب يختار السيناتور جى دى فانس نائبا له فى انتخابات الرئاسة\n"
        "الإثنين، 15 يوليو 2024 10:20 صباحًا\n"
        "الصين تعلن نمو اقتصادها بنسبة 4.7 بالمئة فى الربع الثانى\n"
    )
    assert [(day, time) for day, time, _ in _read(arabic)] == [
        ("2024-07-16", "21:48"),
        ("2024-07-16", "00:25"),
        ("2024-07-15", "10:20"),
    ]
    bengali = "১৫ জুলাই ২০২৪\nহাঙ্গেরির বৈঠক বর্জন করবে ইউরোপীয় কমিশন\n"
    assert [day for day, _, _ in _read(bengali)] == ["2024-07-15"]


def test_a_sections_page_with_its_id_and_page_number_is_no_headline() -> None:
    """Youm7's section links, `/Section/<name>/355/1` (the section's id, the page's number),
    among its cards: index pages, not articles; an article's long id stays an article's."""
    assert index_page("https://www.youm7.com/Section/الحرب-الروسية-الأوكرانية/355/1")
    assert index_page("https://example.com/tag/war/2")
    assert not index_page("https://example.com/section/world/6648731")
    assert not index_page("https://www.youm7.com/story/2024/7/16/بوريل-أوربان/6648577")


@pytest.mark.parametrize(
    ("said", "count", "unit"),
    [
        ("35 menit yang lalu", 35, "minutes"),  # Indonesian (detik's)
        ("1 jam yang lalu", 1, "hours"),
        ("12 min sedan", 12, "minutes"),  # Swedish (Expressen's)
        ("3 tim sedan", 3, "hours"),
        ("for 3 timer siden", 3, "hours"),  # Danish, Norwegian
        ("২২ মিনিট আগে", 22, "minutes"),  # Bengali, its digits (Prothom Alo's)
        ("18分钟前", 18, "minutes"),  # Chinese (The Paper's)
        ("1天前", 1, "days"),
        ("3時間前", 3, "hours"),  # Japanese
        ("3시간 전", 3, "hours"),  # Korean
    ],
)
def test_ages_in_more_languages(said: str, count: int, unit: str) -> None:
    assert age(normalise_word(said)) == (count, unit)


@pytest.mark.parametrize("said", ["3 jam", "for 3 hours", "3 hours", "3 tim"])
def test_a_count_and_a_unit_without_ago_are_no_age(said: str) -> None:
    assert age(normalise_word(said)) is None


def test_a_deck_under_its_title_in_a_copy_is_no_headline() -> None:
    """The Express Tribune copied: a title, its deck (no stop at its end, and shorter), then
    the agency and the moment: the title is the headline. A reader's list puts the item
    above's snippet, cut short ("…"), over the next title: that is no title (Feedly's)."""
    text = (
        "Maltese conservative wins second term with 562 votes\n"
        "Reuters | 16 Jul 2024, 06:05 PM\n"
        "\n"
        "Islamic State claims Oman mosque attack; four Pakistanis among six killed\n"
        "Foreign Office confirms deaths of Pakistani nationals in Muscat shooting\n"
        "Agencies | 16 Jul 2024, 04:40 PM\n"
        "\n"
        "Ukrainian men face deadline to update military records\n"
        "Reuters | 16 Jul 2024, 02:15 PM\n"
    )
    assert [title for _, _, title in _read(text)] == [
        "Maltese conservative wins second term with 562 votes",
        "Islamic State claims Oman mosque attack; four Pakistanis among six killed",
        "Ukrainian men face deadline to update military records",
    ]


def test_a_column_of_counts_run_into_copied_titles_is_left_out() -> None:
    """Хартия'97's list copied: each line a time, the title and its comments' count ("… 7").
    Where nearly every title ends with a number, it is the count, even after a number of
    the title's; where few do, the numbers are the titles' own."""
    titles = [
        "Лукашенко помиловал еще 18 политзаключенных",
        "Мецола переизбрана председателем Европарламента",
        "В Гомеле закрыли последний независимый книжный магазин",
        "Минобороны Украины: Россия ночью атаковала 22 дронами, сбиты 20",
        "Эстония призвала ЕС ужесточить санкции против режима Лукашенко",
        "Ночью над Брестской областью фиксировали российские «шахеды»",
    ]
    counted = "16 июля\n" + "".join(
        f"{21 - n}:0{n} {title} {n * 3}\n" for n, title in enumerate(titles)
    )
    assert [title for _, _, title in _read(counted)] == titles
    own = (
        "16 июля\n21:00 Генштаб: за сутки произошло 130 боевых столкновений\n"
        "20:10 Зеленский провел совещание со Ставкой\n19:20 Курс доллара вырос до 41\n"
        "18:30 Мецола переизбрана председателем Европарламента\n"
        "17:40 В Одессе прогремели взрывы\n"
    )
    titles = [title for _, _, title in _read(own)]
    assert titles[0].endswith("130 боевых столкновений")
    assert titles[2] == "Курс доллара вырос до 41"


def test_a_spanish_byline_with_its_city_and_a_most_read_box_in_a_copy() -> None:
    """El Confidencial copied: a title, its lead (no stop), "Por Name. City", then the
    moment: the byline is one (in Spanish, where the writer is), so the title is the
    headline; "Lo más leído" under such timed items is a side box, its titles none."""
    text = (
        "Metsola, reelegida presidenta de la Eurocámara con un respaldo récord\n"
        "La maltesa obtiene 562 votos en la sesión constitutiva de la nueva legislatura\n"
        "Por Mateo Ruiz Calvo. Bruselas\n16/07/2024 - 18:05\n"
        "J.D. Vance, el 'hillbilly' que quiere cortar la ayuda a Ucrania\n"
        "El elegido por Trump para la vicepresidencia representa el ala más aislacionista\n"
        "Por Andrés Villar Montero. Washington\n16/07/2024 - 14:20\n"
        "Israel bombardea otra escuela de la UNRWA en Gaza: al menos 23 muertos\n"
        "Agencias\n16/07/2024 - 12:02\n"
        "Biden admite que fue un error decir que había que poner a Trump en la diana\n"
        "El presidente concede su primera entrevista tras el atentado de Butler\n"
        "Por Andrés Villar Montero. Washington\n16/07/2024 - 09:15\n"
        "Lo más leído\n1\nOla de calor: la Aemet activa avisos en nueve comunidades\n"
        "2\nEl Gobierno aprueba la nueva ley de vivienda\n"
    )
    assert [(time, title) for _, time, title in _read(text)] == [
        ("18:05", "Metsola, reelegida presidenta de la Eurocámara con un respaldo récord"),
        ("14:20", "J.D. Vance, el 'hillbilly' que quiere cortar la ayuda a Ucrania"),
        ("12:02", "Israel bombardea otra escuela de la UNRWA en Gaza: al menos 23 muertos"),
        ("09:15", "Biden admite que fue un error decir que había que poner a Trump en la diana"),
    ]


def test_finnish_day_and_time_with_stops_and_a_labelled_native_ad() -> None:
    """Ilta-Sanomat's cards: "eilen 23.55", "14.7. 21.05" (a day and month, then a time with
    a stop); a card labelled "Kaupallinen yhteistyö · Fennia" (an ad's label, then its
    sponsor) is an advertisement."""
    card = (
        '<li><article class="teaser"><a href="https://www.is.fi/ulkomaat/art-{n}.html">'
        '<span class="teaser__time">{when}</span><h2>{title}</h2></a></article></li>'
    )
    html = (
        "<ul>"
        + card.format(
            n=1, when="20.02", title="Zelenskyi haluaa Venäjän seuraavaan huippukokoukseen"
        )
        + card.format(
            n=2, when="eilen 23.55", title="Trump valitsi varapresidenttiehdokkaakseen Vancen"
        )
        + card.format(n=3, when="14.7. 21.05", title="Trumpin ampuja oli 20-vuotias Thomas Crooks")
        + '<li><article class="teaser teaser--native"><a href="https://www.is.fi/kaupallinen/art-4.html">'
        '<span class="teaser__sponsor">Kaupallinen yhteistyö · Fennia</span>'
        "<h2>Lähdössä lomalle? Tarkista nämä viisi asiaa kotivakuutuksesta</h2></a></article></li>"
        "</ul>"
    )
    assert [(day, time) for day, time, _ in _read(html)] == [
        ("2024-07-16", "20:02"),
        ("2024-07-15", "23:55"),
        ("2024-07-14", "21:05"),
    ]


def test_custom_elements_are_blocks_a_breaking_bar_and_a_cards_related_links() -> None:
    """Le Soir's page is made of its own elements: <r-article> cards whose title, section and
    date are <r-article--…> blocks, a breaking bar <r-breaking class="r-breaking"> over the
    list (its story's title is not the card's), and in a card its "Lire aussi" links
    (<r-article--related>), which are no headlines of the list."""
    card = (
        '<r-article class="r-article"><r-article--section><a href="/rubrique/europe">Europe'
        '</a></r-article--section><r-article--title><h2><a href="/{n}/article/2024-07-16/x">'
        "{title}</a></h2></r-article--title><r-article--meta><time>Publié le mardi 16 juillet "
        "2024 à {time}</time></r-article--meta>{related}</r-article>"
    )
    related = (
        '<r-article--related><span>Lire aussi</span><a href="/609655/article/2024-07-14/carte">'
        "Carte – La situation sur le front ukrainien au 14 juillet</a></r-article--related>"
    )
    html = (
        '<html lang="fr"><head><link rel="canonical" href="https://www.lesoir.be/rubrique/monde">'
        '</head><body><r-breaking class="r-breaking"><span>Dernière minute</span>'
        '<a href="/610231/article/2024-07-16/x">Roberta Metsola réélue avec 562 voix</a>'
        '</r-breaking><r-pack class="r-pack">'
        + card.format(
            n=610244,
            title="Guerre en Ukraine : le Kremlin prudent face à l’ouverture de Zelensky",
            time="17:48",
            related=related,
        )
        + card.format(
            n=610231,
            title="Roberta Metsola réélue à la tête du Parlement européen",
            time="17:10",
            related="",
        )
        + "</r-pack></body></html>"
    )
    assert _read(html) == [
        (
            "2024-07-16",
            "18:48",
            "Guerre en Ukraine : le Kremlin prudent face à l’ouverture de Zelensky",
        ),
        ("2024-07-16", "18:10", "Roberta Metsola réélue à la tête du Parlement européen"),
    ]


@pytest.mark.parametrize(
    ("said", "day", "time"),
    [
        ("Wtorek, 16 lipca 2024 (19:22)", "2024-07-16", "19:22"),  # Interia's, in brackets
        ("Täna, 18:52  14", "2024-07-16", "18:52"),  # Õhtuleht's, its comments' count after
        ("jučer u 23:30", "2024-07-15", "23:30"),  # Klix's, "at" in Bosnian
        ("14.7.2024. u 21:45", "2024-07-14", "21:45"),
        ("eile kell 21:40", "2024-07-15", "21:40"),  # Estonian
        ("2024. július 15., hétfő", "2024-07-15", None),  # Index's day, its weekday after
    ],
)
def test_more_ways_pages_write_a_day_and_time(said: str, day: str, time: str | None) -> None:
    """Read as written (no page's address: no zone to move them from)."""
    assert _read(f"{said}\nZelenskyy says Russia should attend the next peace summit\n") == [
        (day, time, "Zelenskyy says Russia should attend the next peace summit")
    ]


def test_times_on_a_kyrgyz_site_are_bishkeks_and_a_hungarian_ad_is_labelled() -> None:
    """24.kg writes Bishkek's time (UTC+6, three hours ahead of Kyiv's in July); Index's
    "Támogatott tartalom" (sponsored content) over a card labels an advertisement."""
    page = (
        '<html lang="ru"><head><link rel="canonical" href="https://24.kg/vmire/"></head><body>'
        '<div class="one"><div class="time">21:30</div><div class="title">'
        '<a href="/vmire/301877_peskov/">Песков: в Кремле хотят понять, что имел в виду '
        "Зеленский</a></div></div>"
        '<div class="one"><div class="time">02:25</div><div class="title">'
        '<a href="/vmire/301700_vance/">Трамп выбрал Вэнса кандидатом в вице-президенты</a>'
        "</div></div></body></html>"
    )
    assert [(day, time) for day, time, _ in _read(page)] == [
        ("2024-07-16", "18:30"),
        ("2024-07-15", "23:25"),
    ]
    card = (
        '<article class="cikk"><span class="tamogatott-felirat">{label}</span><h2>'
        '<a href="https://index.hu/{path}/2024/07/16/{n}/">{title}</a></h2></article>'
    )
    listing = card.format(
        label="Támogatott tartalom",
        path="x-promo",
        n=1,
        title="Fix kamat akár 10 évre: így érdemes most lakáshitelt választani",
    ) + card.format(
        label="Külföld", path="kulfold", n=2, title="Lemondott Kaja Kallas észt miniszterelnök"
    )
    assert [title for _, _, title in _read(listing)] == [
        "Lemondott Kaja Kallas észt miniszterelnök"
    ]


def test_a_definition_lists_terms_time_its_items() -> None:
    """Експрес's feed: a day's heading, then <dl> with each time in a <dt> and its headline
    in the <dd> after it (a comment between them or not)."""
    html = (
        '<h3 class="feed__day">Вівторок, 16 липня</h3><dl class="feed__list">'
        '<dt><time datetime="2024-07-16T21:30">21:30</time></dt><dd><span>Терміново</span>'
        '<a href="https://expres.online/viyna/a">Вибухи в Одесі: ворог атакує дронами</a></dd>'
        "<dt>20:15</dt><!-- ad --><dd>"
        '<a href="https://expres.online/lviv/b">У Львові через спеку змінили графік трамваїв</a>'
        "</dd></dl>"
    )
    assert _read(html) == [
        ("2024-07-16", "21:30", "Вибухи в Одесі: ворог атакує дронами"),
        ("2024-07-16", "20:15", "У Львові через спеку змінили графік трамваїв"),
    ]


HOSTILE_LISTINGS = {
    # A sentence after "Автор" ending in what no name holds: the byline's pattern split its
    # words at every "и" and "і" (220 characters took 17 s; this, forever).
    "byline": "Автор статті вважає, що Україна і надалі отримуватиме допомогу від партнерів, "
    "зокрема від Сполучених Штатів Америки та країн Європейського союзу, а також від Японії і "
    "Південної Кореї, які вже оголосили про нові пакети підтримки для відновлення енергетики "
    "та інфраструктури, зокрема Харкова і Одеси»",
    # A saved page with many comments: whether it is a feed or an outline was exponential.
    "comments": "<!DOCTYPE html>\n<!-- saved from url=(0020)https://example.com/ -->\n<html><body>"
    + "<p>x</p>\n<!-- /.card -->\n<!-- .card -->\n" * 40
    + "</body></html>",
    # A style sheet's long source map: its rules were found in quadratic time (26 s).
    "style": "<html><head><style>.sr{display:none}\n/*# sourceMappingURL=data:application/json;"
    + "base64,"
    + "eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpb" * 3000
    + " */</style></head><body><ul><li>"
    '<a href="https://example.com/news/1">Drones hit an oil depot in Russia overnight</a>'
    "</li></ul></body></html>",
    "figures": "1" * 20000,  # a reading time was searched for in cubic time
    "summary": "**0** -" + " " * 5000 + "x",  # an assistant's bold title and summary, cubic
    "script": '<script id="__NEXT_DATA__">{"a": "/0/' + "-" * 5000 + "</script>",
    # JSON nested deeper than Python's stack: json.loads raised RecursionError, uncaught
    "nested": "[" * 10000,
    # ... and in a script's data, read for cards that show no time (script_moments)
    "nested script": "<ul>"
    + "".join(
        f'<li><a href="https://e.com/world/2024/07/16/story-{n}">Drones hit an oil depot, '
        f"report {n}</a></li>"
        for n in (1, 2)
    )
    + '</ul><script>{"datePublished": '
    + "[" * 5000
    + "}</script>",
    "long line": "1 a" * 4000,  # a letter glued to a figure, 4,000 times: 26 s, now dropped
    "spaces": "Drones hit an oil depot in Russia" + " " * 10000 + "x",  # quadratic searches
}


def test_hostile_listings_are_read_in_time() -> None:
    """Text that made a pattern backtrack without end (found by timing every pattern of the
    importer on long runs of each kind of character), or crashed the import, is imported at
    once, in a process of its own that a hang would fail instead of stopping the suite. A
    line of over 2,000 characters is no headline: it is dropped before any pattern sees it."""
    code = (
        "import datetime as dt, json, sys\n"
        "from builder.importer import parse_listing\n"
        "for text in json.load(sys.stdin).values():\n"
        "    parse_listing(text, dt.date(2024, 7, 16), timezone='Europe/Kyiv')\n"
        "print('done')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(HOSTILE_LISTINGS),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def test_a_live_blogs_post_links_its_permalink() -> None:
    """RMF24's report: each post's time is a link to the post on the page ("#p-7590871"); the
    post's heading is the headline and that permalink its link. A bare "#" or "#top" is
    still no link."""
    post = (
        '<div class="post" id="p-{n}"><a class="time" href="#p-{n}">{time}</a>'
        "<h3>{title}</h3><p>Treść wpisu.</p></div>"
    )
    html = (
        '<html><head><link rel="canonical" href="https://www.rmf24.pl/raporty/news-wojna,nId,1">'
        '</head><body><a href="#top">Do góry</a><h2>16 lipca 2024</h2>'
        + post.format(n=7590871, time="20:05", title="Ukraiński wywiad: trafiliśmy rosyjski radar")
        + post.format(n=7590845, time="19:32", title="Zełenski: Każdy Patriot to uratowane miasto")
        + "</body></html>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    assert [(e.title, e.url) for day in listing.days for e in day.entries] == [
        (
            "Ukraiński wywiad: trafiliśmy rosyjski radar",
            "https://www.rmf24.pl/raporty/news-wojna,nId,1#p-7590871",
        ),
        (
            "Zełenski: Każdy Patriot to uratowane miasto",
            "https://www.rmf24.pl/raporty/news-wojna,nId,1#p-7590845",
        ),
    ]


def test_threads_links_are_unwrapped_and_a_cards_host_glued_before_its_title_dropped() -> None:
    """Threads wraps a card's link in l.threads.net/?u=…, and its card shows the site's host
    run into the title ("hromadske.uaУдар КАБами…"): the article's address is the link, the
    title the headline."""
    wrapped = (
        "https://l.threads.net/?u=https%3A%2F%2Fhromadske.ua%2Fposts%2Fudar-kabamy%3Futm_source"
        "%3Dthreads&amp;e=AT575"
    )
    html = (
        f'<div><a href="{wrapped}"><span>hromadske.ua</span><span>Удар КАБами по Харкову: '
        "кількість поранених зросла до 17</span></a></div>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    assert [(e.title, e.url) for day in listing.days for e in day.entries] == [
        (
            "Удар КАБами по Харкову: кількість поранених зросла до 17",
            "https://hromadske.ua/posts/udar-kabamy",
        )
    ]


def test_a_copys_blocks_say_that_its_times_follow_their_headlines() -> None:
    """A copy whose items are blocks of lines ("Title", "Its lead", "Publicado: …", a blank
    line) has its times after its headlines, even when a ticker above them puts its own
    times first: where most blocks have their time says so."""
    items = [
        ("Kremlin says it must understand what Zelensky meant", "17:21"),
        ("Metsola re-elected President of the European Parliament", "16:58"),
        ("Deadline for Ukrainian men to update their data expires", "16:05"),
        ("Orbán asks EU leaders to involve China in peace talks", "15:30"),
    ]
    blocks = "".join(
        f"UCRANIA\n{title}\nThe agency's lead sentence about it, which runs on.\n"
        f"Publicado: martes, 16 julio 2024 {time}\n\n"
        for title, time in items
    )
    text = (
        "ÚLTIMA HORA\n17:35\nThe Ibex 35 closes down 0.3 percent at 11,050 points\n"
        "17:28\nSánchez and Feijóo trade blame over regional funding\nInternacional\n\n" + blocks
    )
    listing = parse_listing(text, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    got = [(e.title, e.time) for day in listing.days for e in day.entries]
    for title, time in items:
        assert (title, dt.time.fromisoformat(time)) in got


def test_a_catalan_pages_times_are_madrids_and_its_newsroom_credit_dates_its_cards() -> None:
    """Catalan is spoken in one zone (Spain's, Andorra's, Roussillon's): a page in it on a
    domain of no country (.cat) gives Madrid's times; a card credited to the newsroom
    ("Redacció 16.07.2024 · 18.10 h") is dated by what follows the credit."""
    card = (
        '<article class="post-item"><h2><a href="https://www.vilaweb.cat/noticies/{slug}/">'
        '{title}</a></h2><div class="meta"><span class="autor">Redacció</span> '
        '<span class="data">{when}</span></div></article>'
    )
    html = (
        '<html lang="ca"><head><link rel="canonical" href="https://www.vilaweb.cat/categoria/mon/">'
        "</head><body>"
        + card.format(
            slug="lavrov", title="Lavrov acusa l’occident al Consell", when="16.07.2024 · 18.10 h"
        )
        + card.format(
            slug="vance", title="Trump tria J.D. Vance com a candidat", when="15.07.2024 · 23.30 h"
        )
        + "</body></html>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    assert [(day.date, e.time, e.title) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 16), dt.time(19, 10), "Lavrov acusa l’occident al Consell"),
        (dt.date(2024, 7, 16), dt.time(0, 30), "Trump tria J.D. Vance com a candidat"),
    ]


def test_marathi_months_and_12_hour_clock_and_other_languages_months_are_read() -> None:
    """Marathi's July (जुलै) with its digits and its afternoon (म.उ.) and morning (म.पू.);
    Greek's μ.μ.; the months of Albanian, Macedonian, Catalan, Azerbaijani and Swahili."""
    text = (
        "१६ जुलै २०२४, ०७:२० म.उ.\nरॉबर्टा मेत्सोला पुन्हा युरोपियन संसदेच्या अध्यक्षपदी\n"
        "१६ जुलै २०२४, १२:२५ म.पू.\nरशियाचा खारकीववर गाइडेड बॉम्बने हल्ला; ९ जण जखमी\n"
        "15.07.2024 10:20 μ.μ.\nΗ Ρωσία βομβάρδισε το Χάρκοβο με καθοδηγούμενες βόμβες\n"
        "14 korrik 2024\nRusia pretendon kapjen e fshatit Urozhaine në Donetsk\n"
        "13 јули 2024\nЗеленски сака Русија на вториот самит за мир\n"
        "12 juliol 2024\nKaja Kallas dimiteix com a primera ministra d’Estònia\n"
        "11 iyul 2024\nUkrayna Rusiyanın iki neft anbarını vurub\n"
        "Julai 10, 2024\nUrusi yashambulia bandari ya Odesa usiku kucha\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date, e.time) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 16), dt.time(19, 20)),
        (dt.date(2024, 7, 16), dt.time(0, 25)),
        (dt.date(2024, 7, 15), dt.time(22, 20)),
        (dt.date(2024, 7, 14), None),
        (dt.date(2024, 7, 13), None),
        (dt.date(2024, 7, 12), None),
        (dt.date(2024, 7, 11), None),
        (dt.date(2024, 7, 10), None),
    ]


def test_a_copy_in_japanese_is_tokyos_and_its_moments_in_brackets_after_titles_are_read() -> None:
    """A copy says no language, but its letters do: kana are Japanese's, whose times are
    Tokyo's; a moment in brackets at the end of a title's line (Jiji's "（07月17日04時05分）")
    is its headline's, left out of the title."""
    text = (
        "ロシアは「理解する必要」　ゼレンスキー氏の和平会議参加呼び掛けに―クレムリン（07月17日04時05分）\n"
        "メツォラ氏、欧州議会議長に再選　任期2年半（07月16日21時32分）\n"
        "副大統領候補にバンス上院議員（2024）\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    got = [(day.date, e.time, e.title) for day in listing.days for e in day.entries]
    assert got[:2] == [
        (
            dt.date(2024, 7, 16),
            dt.time(22, 5),
            "ロシアは「理解する必要」　ゼレンスキー氏の和平会議参加呼び掛けに―クレムリン",
        ),
        (dt.date(2024, 7, 16), dt.time(15, 32), "メツォラ氏、欧州議会議長に再選　任期2年半"),
    ]
    assert zone_of_script("Кремль заявив про удар") is None
    assert zone_of_script("크렘린 젤렌스키 발언 뜻 이해해야") == "Asia/Seoul"


def test_a_korean_copys_bylines_are_credits_and_a_side_box_ends_at_the_next_timed_block() -> None:
    """Chosun's copy: each item a block of its title, its deck, its reporter ("파리=정철환
    특파원") and its moment; a "most read" box after four items, whose block ends with no
    time, leaves the next item (a block that ends with its time) in the listing."""
    item = "{title}\n{deck}\n{byline}\n2024.07.16. {time}\n\n"
    text = (
        item.format(
            title='크렘린 "젤렌스키 발언 뜻 이해해야"… 2차 평화회의 러 초청에 신중',
            deck='페스코프 대변인 "무슨 의미인지 먼저 파악할 필요"',
            byline="김은중 기자",
            time="23:52",
        )
        + item.format(
            title="메촐라 유럽의회 의장 연임 성공… 623표 중 562표",
            deck="극우 후보 크게 앞서",
            byline="파리=정철환 특파원",
            time="21:05",
        )
        + item.format(
            title="트럼프, 귀에 붕대 감고 전당대회 등장… 공화당 대선 후보 공식 선출",
            deck="총격 사건 이틀 만에 첫 공개 행보",
            byline="밀워키=김은중 특파원",
            time="11:40",
        )
        + item.format(
            title="오만 모스크 총격 IS가 배후 자처… 6명 사망",
            deck="시아파 기념행사 겨냥",
            byline="이철민 선임기자",
            time="10:30",
        )
        + "많이 본 뉴스\n1\n장마 전선 북상… 수도권 최대 150㎜ 폭우\n2\n"
        '"연봉 1억 넘어도 집 못 사"… 서울 아파트값 16주째 상승\n\nAD\n\n'
        + item.format(
            title='트럼프 러닝메이트에 39세 밴스 상원의원… "우크라 지원 반대파"',
            deck="흙수저 출신 베스트셀러 작가… 한때 트럼프 비판",
            byline="워싱턴=이민석 특파원",
            time="07:35",
        )
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(e.time, e.title) for day in listing.days for e in day.entries] == [
        (dt.time(23, 52), '크렘린 "젤렌스키 발언 뜻 이해해야"… 2차 평화회의 러 초청에 신중'),
        (dt.time(21, 5), "메촐라 유럽의회 의장 연임 성공… 623표 중 562표"),
        (dt.time(11, 40), "트럼프, 귀에 붕대 감고 전당대회 등장… 공화당 대선 후보 공식 선출"),
        (dt.time(10, 30), "오만 모스크 총격 IS가 배후 자처… 6명 사망"),
        (dt.time(7, 35), '트럼프 러닝메이트에 39세 밴스 상원의원… "우크라 지원 반대파"'),
    ]


def test_a_reader_views_published_time_is_its_headlines_and_its_modified_time_no_ones() -> None:
    """Firefox's reader view puts every paragraph apart: "Publié le : 16/07/2024 - 20:52"
    (French's space before the colon) under a headline and its lead is the headline's; the
    "Modifié le : …" under it is an update's, not the next headline's."""
    item = "{rubric}\n\n{title}\n\nLe lead de l’article, une phrase entière sur le sujet.\n\n"
    item += "Publié le : 16/07/2024 - {time}\nModifié le : 16/07/2024 - 23:59\n\n"
    items = (
        ("Guerre en Ukraine", "Le Kremlin veut «comprendre» l’ouverture de Zelensky", "20:52"),
        ("Parlement européen", "Roberta Metsola réélue à la présidence du Parlement", "19:30"),
        ("Hongrie", "Orban écrit aux dirigeants de l’UE sur la paix en Ukraine", "18:05"),
        ("ONU", "Lavrov préside le Conseil de sécurité à New York", "16:40"),
        ("Russie", "Un physicien condamné à 14 ans de prison pour trahison", "15:10"),
    )
    text = "".join(
        item.format(rubric=rubric, title=title, time=time) for rubric, title, time in items
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(e.time, e.title) for day in listing.days for e in day.entries] == [
        (dt.time.fromisoformat(time), title) for _, title, time in items
    ]


def test_a_rubric_in_capitals_run_into_its_time_and_title_is_left_out() -> None:
    """A copy that joins a card's spans runs its rubric, time and title together
    ("DÜNYA21:48Kremlin'den …", T24's): the time is the headline's, the rubric no part of it."""
    text = (
        "DÜNYA21:48Kremlin'den Zelenski'nin çağrısına yanıt: Ne kastettiğini anlamamız gerek\n"
        "AVRUPA20:32Roberta Metsola yeniden Avrupa Parlamentosu Başkanı seçildi\n"
        "19:40Ukrayna'da askerlik kaydını güncelleme süresi doldu\n"
        "Kiev21:15 saat önce yazıldı\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    got = [(e.time, e.title) for day in listing.days for e in day.entries]
    assert got[:3] == [
        (
            dt.time(21, 48),
            "Kremlin'den Zelenski'nin çağrısına yanıt: Ne kastettiğini anlamamız gerek",
        ),
        (dt.time(20, 32), "Roberta Metsola yeniden Avrupa Parlamentosu Başkanı seçildi"),
        (dt.time(19, 40), "Ukrayna'da askerlik kaydını güncelleme süresi doldu"),
    ]
    assert all(not title.startswith("saat") for _, title in got)  # "Kiev" is no rubric


def test_a_live_blogs_posts_are_named_by_their_copy_links_in_hidden_share_menus() -> None:
    """A live blog's post has its title in a heading, its time in <time>, and its
    permalink only as the "Copier le lien" of a share menu the page keeps hidden until
    asked ("?post=4102291", 20 Minutes'): each post is an item, linked to its permalink,
    titled by its heading, not by its link's words."""
    page = "https://www.20minutes.fr/monde/ukraine/4101877-direct-guerre-ukraine"
    post = (
        '<li><article class="c-live-post" id="post-{n}"><header><time datetime="{when}">x</time>'
        '</header><h2 class="c-live-post__title">{title}</h2><div class="c-live-post__body">'
        "<p>Une phrase du post, assez longue pour être son texte et rien de plus.</p></div>"
        '<footer><button>Partager</button><ul class="c-share-menu" hidden>'
        '<li><a href="https://www.facebook.com/sharer/sharer.php?u={page}%3Fpost%3D{n}">Facebook</a></li>'
        '<li><a href="{page}?post={n}">Copier le lien</a></li></ul></footer></article></li>'
    )
    posts = [
        (
            "4102291",
            "2024-07-16T20:02:00+02:00",
            "L’Ukraine affirme avoir détruit un radar russe en Crimée",
        ),
        (
            "4102270",
            "2024-07-16T19:41:00+02:00",
            "Zelensky réclame encore des Patriot pour ses villes",
        ),
        (
            "4102211",
            "2024-07-16T18:33:00+02:00",
            "Kharkiv visée par des bombes planantes, sept blessés",
        ),
    ]
    html = (
        f'<html><head><link rel="canonical" href="{page}"></head><body><main>'
        '<section><h2>L’essentiel</h2><ul><li>Retrouvez <a href="/monde/4101330-live">notre '
        'précédent live</a>.</li></ul></section><ol class="c-live__feed">'
        + "".join(post.format(n=n, when=when, title=title, page=page) for n, when, title in posts)
        + "</ol></main></body></html>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    got = [(e.time, e.title, e.url) for day in listing.days for e in day.entries]
    assert [entry for entry in got if "?post=" in entry[2]] == [
        (dt.time(21, 2), posts[0][2], f"{page}?post=4102291"),
        (dt.time(20, 41), posts[1][2], f"{page}?post=4102270"),
        (dt.time(19, 33), posts[2][2], f"{page}?post=4102211"),
    ]


def test_ages_in_romanian_albanian_turkish_greek_hebrew_and_arabic_are_read() -> None:
    """An age names its day (and no time: the corpus is imported without a clock)."""
    for text in (
        "acum 4 minute",
        "acum 20 de ore",
        "acum o oră",
        "para 2 orësh",
        "3 saat önce",
        "πριν από 2 ώρες",
        "לפני 6 דקות",
        "منذ 5 دقائق",
    ):
        assert age(normalise_word(text)) is not None, text
    assert age(normalise_word("3 saat")) is None  # a count and a unit alone: no age


def test_a_live_blogs_key_events_list_gives_way_to_its_posts() -> None:
    """A list of a live blog's key events above its posts links each to its post
    ("#liveblog-entry-…", with its time): each headline is the post, dated as it is, once;
    a permalink around a post's age ("acum 4 minute") shows no title."""
    page = "https://www.libertatea.ro/stiri/live-text-razboi-ucraina-ziua-874-5012345"
    events = "".join(
        f'<li><a href="#liveblog-entry-{n}"><span>{time}</span> {title}</a></li>'
        for n, time, title in (
            (5013188, "19:01", "Ucraina spune că a distrus un radar rusesc în Crimeea"),
            (5013129, "17:45", "Harkov, lovit cu bombe ghidate: cel puțin șapte răniți"),
        )
    )
    posts = "".join(
        f'<article id="liveblog-entry-{n}" class="liveblog-entry"><header><a href="{page}'
        f'#liveblog-entry-{n}"><span>{ago}</span> <time datetime="2024-07-16T{time}:00+03:00">'
        f"{time}</time></a></header><div><h3>{title}</h3><p>Serviciul a anunțat că a "
        "distrus un sistem radar, o informație care nu a putut fi verificată.</p></div></article>"
        for n, ago, time, title in (
            (
                5013188,
                "acum 4 minute",
                "19:01",
                "Ucraina spune că a distrus un radar rusesc în Crimeea",
            ),
            (5013170, "acum 25 de minute", "18:40", "Zelenski o felicită pe Roberta Metsola"),
            (
                5013129,
                "acum o oră",
                "17:45",
                "Harkov, lovit cu bombe ghidate: cel puțin șapte răniți",
            ),
        )
    )
    html = (
        f'<html><head><link rel="canonical" href="{page}"></head><body><main>'
        f'<p>Publicat 15.07.2024 08:00</p><ul class="key-events">{events}</ul>'
        f'<div class="liveblog-feed">{posts}</div></main></body></html>'
    )
    listing = parse_listing(html, dt.date(2024, 7, 16), timezone="Europe/Kyiv")
    assert [(day.date, e.time, e.url[-7:]) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 16), dt.time(19, 1), "5013188"),
        (dt.date(2024, 7, 16), dt.time(18, 40), "5013170"),
        (dt.date(2024, 7, 16), dt.time(17, 45), "5013129"),
    ]
    titles = [e.title for day in listing.days for e in day.entries]
    assert titles[1] == "Zelenski o felicită pe Roberta Metsola"


def test_an_hours_letter_run_into_the_time_is_read() -> None:
    """20minutos writes "16.07.2024 - 21:20H": the H says hours, as " horas" does."""
    text = "16.07.2024 - 21:20H\nRoberta Metsola, reelegida presidenta del Parlamento Europeo\n"
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(e.time, e.title) for day in listing.days for e in day.entries] == [
        (dt.time(21, 20), "Roberta Metsola, reelegida presidenta del Parlamento Europeo")
    ]


def test_a_copys_moments_with_a_rubric_after_a_tab_head_their_blocks_and_leads() -> None:
    """Firefox copies «Агентство»'s feed as blocks of "16 июля, 21:32⇥Общество", the
    title and a one-sentence lead; a "Главное" box above repeats two titles undated. Each
    moment heads its block (its rubric after the tab is none of the title), the lead is no
    headline however short, and a title the box gave first takes the moment its block
    gives it later."""
    blocks = [
        (
            "21:32",
            "Общество",
            "Число дел о «дискредитации» армии выросло на 40%",
            "Больше всего в Москве.",
        ),
        (
            "20:58",
            "Репрессии",
            "Суд приговорил жителя Подмосковья к 12 годам",
            "Мужчина признал перевод.",
        ),
        (
            "20:15",
            "Война",
            "Минобороны заявило о «перехвате» 13 беспилотников",
            "Сообщений о жертвах нет.",
        ),
        (
            "19:40",
            "Политика",
            "Метсола переизбрана председателем Европарламента",
            "За нее проголосовали 562 депутата.",
        ),
    ]
    text = (
        "Главное\n\nЧисло дел о «дискредитации» армии выросло на 40%\n\n"
        "Суд приговорил жителя Подмосковья к 12 годам\n\nНовости\n\n"
        + "".join(
            f"16 июля, {t}\t{rubric}\n{title}\n{lead}\n\n" for t, rubric, title, lead in blocks
        )
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    got = sorted((e.time, e.title) for day in listing.days for e in day.entries)
    assert got == sorted((dt.time.fromisoformat(t), title) for t, _, title, _ in blocks)


def test_a_thai_date_of_the_buddhist_era_with_its_months_abbreviated_is_read() -> None:
    """Thairath's "16 ก.ค. 2567 19:45 น.": July abbreviated with stops, the year of the
    Buddhist era (2024 + 543) and น. (o'clock) after the time."""
    text = (
        "16 ก.ค. 2567 19:45 น.\nเครมลินตอบโต้ เซเลนสกี ชวนรัสเซียร่วมประชุมสันติภาพครั้งที่ 2\n"
        "วันจันทร์ที่ 15 กรกฎาคม พ.ศ. 2567\nรัสเซียถล่มคาร์คิฟด้วยระเบิดนำวิถี บาดเจ็บอย่างน้อย 9 ราย\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date, e.time) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 16), dt.time(19, 45)),
        (dt.date(2024, 7, 15), None),
    ]


def test_a_live_blogs_posts_without_links_are_its_items() -> None:
    """BFMTV's live page links none of its posts: each is a block with its time and its
    heading (a video's badge in it: "VIDÉO"); the page's other cards (related articles)
    leave them in the listing all the same, and the badge is no part of the title."""
    post = (
        '<div class="content_live_block"><div class="content_live_datetime"><span '
        'class="content_live_time">{time}</span></div><div class="content_live_text">'
        '<h2 class="content_live_title">{title}</h2><p>Le président ukrainien a félicité la '
        "Maltaise, réélue ce mardi à la tête du Parlement européen avec 562 voix.</p></div>"
        '<div><button class="share_btn">Partager</button></div></div>'
    )
    related = "".join(
        f'<li class="related"><a href="https://www.bfmtv.com/international/{slug}.html">{title}</a></li>'
        for slug, title in (
            ("zelensky-veut-la-russie_VN-1", "Ukraine: Zelensky veut la Russie au prochain sommet"),
            ("j-d-vance-colistier_VN-2", "J.D. Vance, qui est le colistier de Donald Trump?"),
        )
    )
    html = (
        '<html><body><main><div class="content_live_container">'
        + post.format(time="19:24", title="Zelensky salue la réélection de Roberta Metsola")
        + post.format(
            time="18:47",
            title='<span class="item_label">VIDÉO</span> Les images d’une frappe de drone en Crimée',
        )
        + post.format(time="18:02", title="Kharkiv: au moins 7 blessés après une frappe")
        + f'</div><ul class="related-list">{related}</ul></main></body></html>'
    )
    listing = parse_listing(html, dt.date(2024, 7, 16))
    got = [(e.time, e.title) for day in listing.days for e in day.entries if not e.url]
    assert got == [
        (dt.time(19, 24), "Zelensky salue la réélection de Roberta Metsola"),
        (dt.time(18, 47), "Les images d’une frappe de drone en Crimée"),
        (dt.time(18, 2), "Kharkiv: au moins 7 blessés après une frappe"),
    ]


def test_a_live_blogs_post_titled_in_bold_is_linked_by_its_labelled_permalink() -> None:
    """Gazeta.pl's live report titles a post with a paragraph all in bold, and links it
    by an icon labelled "Link do wpisu" ("?entry=2874951#e2874951"): the bold paragraph is
    the headline, the permalink its link, the label nobody's title."""
    page = "https://wiadomosci.gazeta.pl/wiadomosci/7,114881,31161054,wojna-w-ukrainie.html"
    post = (
        '<li class="relacja__item" id="e{n}"><div class="relacja__meta"><span>{time}</span>'
        '<a class="relacja__permalink" href="?entry={n}#e{n}" title="Link do wpisu" '
        'aria-label="Link do wpisu"><svg></svg></a></div><div class="relacja__text">'
        "<p><b>{title}</b></p><p>Prezydent Ukrainy pogratulował ponownego wyboru na "
        "przewodniczącą Parlamentu Europejskiego, pisząc o tym na X.</p></div></li>"
    )
    posts = [
        (2874951, "16:42", "Zełenski pogratulował Robercie Metsoli reelekcji"),
        (2874910, "15:58", "Atak bombami szybującymi na Charków. Siedem osób rannych"),
        (2874887, "15:31", "Upłynął termin aktualizacji danych wojskowych w Ukrainie"),
    ]
    html = (
        f'<html><head><link rel="canonical" href="{page}"></head><body><ul class="relacja__list">'
        + "".join(post.format(n=n, time=time, title=title) for n, time, title in posts)
        + "</ul></body></html>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16))
    assert [(e.time, e.title, e.url) for day in listing.days for e in day.entries] == [
        (dt.time.fromisoformat(time), title, f"{page}?entry={n}#e{n}") for n, time, title in posts
    ]


def test_a_tickers_update_and_first_report_markers_are_read_as_moments() -> None:
    """Ippen's tickers (Merkur, FR) mark each entry "Update vom 16. Juli, 20.52 Uhr" and the
    first "Erstmeldung vom 15. Juli, 06.10 Uhr"."""
    text = (
        "Ukraine meldet Zerstörung von russischem Radarsystem auf der Krim\n"
        "Update vom 16. Juli, 20.52 Uhr\n"
        "Selenskyj wirbt erneut um Patriot-Systeme für die Städte\n"
        "Erstmeldung vom 15. Juli, 06.10 Uhr\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date, e.time) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 16), dt.time(20, 52)),
        (dt.date(2024, 7, 15), dt.time(6, 10)),
    ]


def test_a_time_alone_moved_past_midnight_by_its_zone_dates_only_its_headline() -> None:
    """Deutschlandfunk's copy under "Montag, 15. Juli 2024": "23:41 Uhr" in Berlin is 00:41
    on the 16th in Kyiv, for the headline under it; the times after it are the 15th's."""
    text = (
        "Montag, 15. Juli 2024\n\n23:41 Uhr\nBiden räumt Fehler bei Wortwahl über Trump ein\n\n"
        "22:10 Uhr\nTrump benennt Senator Vance als Kandidaten für die Vizepräsidentschaft\n\n"
        "20:35 Uhr\nRichterin weist Anklage gegen Trump in Dokumentenaffäre ab\n"
    )
    listing = parse_listing(
        text,
        dt.date(2024, 7, 16),
        {"dlf": "https://www.deutschlandfunk.de/"},
        "dlf",
        timezone="Europe/Kyiv",
    )
    assert sorted((day.date, e.time) for day in listing.days for e in day.entries) == [
        (dt.date(2024, 7, 15), dt.time(21, 35)),
        (dt.date(2024, 7, 15), dt.time(23, 10)),
        (dt.date(2024, 7, 16), dt.time(0, 41)),
    ]


def test_a_pictures_caption_and_credit_for_screen_readers_are_no_headlines() -> None:
    """BBC's pages write "Image source, Reuters", "Image caption, …" and "Media caption, …"
    for screen readers; a copy keeps them, and none is a headline."""
    for line in (
        "Image source, Reuters",
        "Image caption, Emergency workers at the site of the strike in Kharkiv",
        "Media caption, Watch: What Zelensky said about a second peace summit",
        "Bildquelle, picture alliance / dpa",
    ):
        assert boilerplate(line), line
    assert not boilerplate("Image of the war: a photographer's year in Kharkiv")


def test_wire_and_newspaper_captions_with_their_credits_are_no_headlines() -> None:
    """A caption copied with its picture's credit after it, as the Guardian, AP and the
    New York Times write them, is no headline; a headline saying "photo" is one."""
    for line in (
        "Volodymyr Zelenskiy at a press conference in Kyiv on Monday. Photograph: Gleb "
        "Garanich/Reuters",
        "Ukrainian President Volodymyr Zelenskyy speaks in Kyiv, Ukraine, Monday, July 15, "
        "2024. (AP Photo/Efrem Lukatsky)",
        "Residents leaving the village on Monday.Credit...Finbarr O’Reilly for The New York Times",
    ):
        assert boilerplate(line), line
    assert not boilerplate("Zelensky says the photo of the summit was staged by Moscow")
    assert not boilerplate("Kremlin denies AP photo shows Russian troops near Kharkiv")


def test_a_german_newsblogs_captions_credits_and_section_lines_are_no_headlines() -> None:
    """t-online's newsblog copied: a caption ending with its picture's credit ("(Quelle:
    IMAGO/…)"), the sources' credit ("Quelle: t-online, dpa"), "Lesen Sie auch", "Mehr zum
    Thema", "Weitere Einträge laden", "Player wird geladen"."""
    for line in (
        "Rettungskräfte in Charkiw (Archivbild): Die Stadt wird fast täglich angegriffen. "
        "(Quelle: IMAGO/Vyacheslav Madiyevskyy)",
        "Quelle: t-online, dpa",
        "Lesen Sie auch",
        "Mehr zum Thema",
        "Weitere Einträge laden",
        "Player wird geladen",
    ):
        assert boilerplate(line), line
    assert not boilerplate("Quellen: Kreml prüft Selenskyjs Angebot für einen zweiten Gipfel")


def test_mongolian_numbered_months_and_ages_are_read() -> None:
    """ikon.mn's "7 сарын 15, 09:15" is the 7th month's 15th; "3 цагийн өмнө" an age."""
    text = (
        "7 сарын 15, 09:15\nЭстонийн Ерөнхий сайд Кая Каллас огцорлоо\n"
        "7 сарын 14, 23:50\nОрос Донецк мужийн Урожайне тосгоныг эзэлснээ мэдэгдэв\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date, e.time) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 15), dt.time(9, 15)),
        (dt.date(2024, 7, 14), dt.time(23, 50)),
    ]
    assert age(normalise_word("3 цагийн өмнө")) == (3, "hours")
    assert age(normalise_word("18 минутын өмнө")) == (18, "minutes")


def test_a_date_with_arabic_scripts_comma_is_read() -> None:
    """Jang writes "15 جولائی ، 2024" with Arabic's comma (،) before the year."""
    text = "15 جولائی ، 2024 11:50 PM\nٹرمپ نے جے ڈی وینس کو نائب صدر کا امیدوار چن لیا\n"
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [(day.date, e.time) for day in listing.days for e in day.entries] == [
        (dt.date(2024, 7, 15), dt.time(23, 50))
    ]


def test_a_copys_blocks_place_its_ages_and_hebrew_and_arabic_say_two_in_one_word() -> None:
    """Walla's copy: blocks of a title, its subtitle and its age ("לפני 6 דקות"): the age
    is the title's, from the first block on (its subtitle no headline); Hebrew and Arabic
    say two of a unit in one word ("לפני שעתיים", two hours ago; "منذ يومين", two days)."""
    blocks = [
        ('הקרמלין הגיב להצעת זלנסקי: "צריך להבין למה התכוון"', "לפני 6 דקות"),
        ("רוברטה מצולה נבחרה לקדנציה שנייה כנשיאת הפרלמנט האירופי", "לפני שעה"),
        ("אורבן במכתב למנהיגי האיחוד: סין יכולה לסייע בסיום המלחמה", "לפני שעתיים"),
        ("לברוב ניהל את דיון מועצת הביטחון ותקף את המערב", "לפני 3 שעות"),
    ]
    text = "".join(
        f"{title}\nכותרת משנה ארוכה על הידיעה הזאת ועל מה שקרה בה היום\n{aged}\n\n"
        for title, aged in blocks
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [e.title for day in listing.days for e in day.entries] == [t for t, _ in blocks]
    assert age(normalise_word("לפני שעתיים")) == (2, "hours")
    assert age(normalise_word("منذ يومين")) == (2, "days")


def test_swahili_ages_put_the_unit_before_the_count() -> None:
    """Mwananchi: "Saa 3 zilizopita" (3 hours ago), "Saa moja iliyopita" (an hour ago)."""
    assert age(normalise_word("Saa 3 zilizopita")) == (3, "hours")
    assert age(normalise_word("Saa moja iliyopita")) == (1, "hours")
    assert age(normalise_word("Dakika 25 zilizopita")) == (25, "minutes")
    assert age(normalise_word("Siku 2 zilizopita")) == (2, "days")
    assert age(normalise_word("Saa 3")) is None


def test_a_videos_length_under_its_badge_in_a_copy_whose_times_follow_is_no_time() -> None:
    """Europa Press' copy: a ticker's times stand alone above the list, so not every time
    alone is a video's; but in blocks whose times follow their headlines, "VÍDEO", "1:12"
    over a title is its video's length, not the title's time."""
    blocks = "".join(
        f"UCRANIA\n{badge}{title}\nLa agencia cuenta lo ocurrido en una frase entera y larga.\n"
        f"Publicado: martes, 16 julio 2024 {time}\n\n"
        for badge, title, time in (
            ("", "El Kremlin dice que necesita entender a Zelenski", "17:21"),
            ("VÍDEO\n1:12\n", "Al menos nueve heridos en un ataque ruso contra Járkov", "12:40"),
            ("", "Alemania reducirá a la mitad su ayuda militar a Ucrania", "11:18"),
            ("", "Ucrania derriba 20 de los 22 drones lanzados por Rusia", "10:02"),
        )
    )
    text = "ÚLTIMA HORA\n17:35\nEl Ibex 35 cierra con una caída del 0,3%\n17:28\nSánchez y Feijóo cruzan reproches\n\n"
    listing = parse_listing(text + blocks, dt.date(2024, 7, 16))
    got = {e.title: e.time for day in listing.days for e in day.entries}
    assert got["Al menos nueve heridos en un ataque ruso contra Járkov"] == dt.time(12, 40)


def test_a_live_blogs_post_citing_an_article_keeps_its_own_heading() -> None:
    """tagesschau's liveblog: entries of a date and time ("16.07.2024 • 21:31 Uhr"), a
    heading and paragraphs, linking nothing; one cites another story in a teaser card. The
    entry is its heading (no link: it has none), not the teaser's story."""
    entry = (
        '<div class="liveblog">\n<div class="liveblog__datetime">16.07.2024 • {time} Uhr</div>\n'
        '<h2 class="liveblog__subhead">{title}</h2>\n<p class="textabsatz">Die Angaben ließen '
        "sich zunächst nicht unabhängig überprüfen, hieß es am Abend.</p>\n{teaser}</div>\n"
    )
    teaser = (
        '<div class="teaser-xs"><a href="https://www.tagesschau.de/ausland/europa/{slug}-100.'
        'html"><span>Ukraine</span> <span>{title}</span></a></div>'
    )
    posts = [
        ("21:31", "Selenskyj: Brauchen weitere Patriot-Systeme vor dem Winter", ""),
        ("21:02", "Ukraine: Radaranlage auf der Krim zerstört", ""),
        (
            "18:22",
            "Frist für Wehrdaten-Update abgelaufen",
            teaser.format(
                slug="mobilisierung", title="Wie die Ukraine neue Soldaten gewinnen will"
            ),
        ),
        ("17:40", "Baerbock: Ukraine-Hilfe nicht von US-Wahl abhängig machen", ""),
        (
            "16:05",
            "Metsola als Präsidentin des EU-Parlaments wiedergewählt",
            teaser.format(slug="metsola", title="Metsola bleibt Parlamentspräsidentin"),
        ),
    ]
    more = "".join(
        f'<li><a href="https://www.tagesschau.de/ausland/{slug}-100.html">{title}</a></li>\n'
        for slug, title in (
            ("vance-ukraine", "Was Vance als Vize für die Ukraine bedeuten würde"),
            ("orban-friedensmission", "Orbans Friedensmission: Allein auf weiter Flur"),
        )
    )
    html = (
        '<html><body><div class="liveblog-container">'
        + "".join(entry.format(time=t, title=title, teaser=cited) for t, title, cited in posts)
        + f"</div><h3>Mehr zum Thema</h3><ul>{more}</ul></body></html>"
    )
    listing = parse_listing(html, dt.date(2024, 7, 16))
    got = [(e.time, e.title, e.url) for day in listing.days for e in day.entries]
    assert [entry for entry in got if not entry[2]] == [
        (dt.time.fromisoformat(t), title, "") for t, title, _ in posts
    ]
    assert not any("Soldaten" in title or "bleibt" in title for _, title, _ in got)


def test_an_article_filed_under_its_category_by_a_hash_is_no_index_page() -> None:
    """NTV files its articles under /category/international/<a hash>: an article, while
    /category/international/ and /category/blogs/report/ list articles."""
    assert not index_page(
        "https://news.ntv.co.jp/category/international/c3f109f4582955f23295be4837b4af2a"
    )
    assert index_page("https://news.ntv.co.jp/category/international")
    assert index_page("https://example.org/category/blogs/report/")


def test_thai_and_burmese_months_written_with_vowel_marks_are_read() -> None:
    """Thai's December (ธันวาคม) and Burmese's July (ဇူလိုင်) hold vowel marks, which are
    no letters to Python: a month's name is read whole all the same, abbreviated or not."""
    text = (
        "16 ธันวาคม 2566\nรัสเซียถล่มคาร์คิฟด้วยระเบิดนำวิถี บาดเจ็บอย่างน้อย 9 ราย\n"
        "1 ธ.ค. 2566\nเซเลนสกี ต้องการให้รัสเซียร่วมประชุมสุดยอดสันติภาพครั้งหน้า\n"
        "16 ဇူလိုင် 2024\nယူကရိန်း စစ်ပွဲ နောက်ဆုံးရ သတင်းများ\n"
    )
    listing = parse_listing(text, dt.date(2024, 7, 16))
    assert [day.date for day in listing.days for _ in day.entries] == [
        dt.date(2023, 12, 16),
        dt.date(2023, 12, 1),
        dt.date(2024, 7, 16),
    ]


@pytest.mark.parametrize(
    ("title", "site", "declared", "source", "expected"),
    [
        # Persian on an English site, said by the page or known of the outlet.
        ("پهپادهای ایرانی به کی‌یف حمله کردند", "en", "fa-IR", None, "fa-IR"),
        ("پهپادهای ایرانی به کی‌یف حمله کردند", "en", None, "fa", "fa"),
        # An English title from a Ukrainian outlet, or on a Persian page: not theirs.
        ("Second Russian tanker enters Mariupol port", "en", None, "uk", None),
        ("Drones hit Kyiv overnight", "en", "fa", "fa", None),
        # A Ukrainian outlet's Ukrainian title on an English site; on a Ukrainian site,
        # the site's own language.
        ("Обстріл Запоріжжя: що відомо", "en", None, "uk", "uk"),
        ("Обстріл Запоріжжя: що відомо", "uk", None, "uk", None),
        ("Обстріл Запоріжжя: що відомо", "uk-UA", "uk", None, None),
        # A Russian outlet's title on a Ukrainian site: the same letters, so only the
        # page can tell.
        ("Обстрел Запорожья: что известно", "uk", None, "ru", None),
        ("Обстрел Запорожья: что известно", "uk", "ru", "ru", "ru"),
        # Japanese (kanji and kana) against CLDR's "Jpan"; Chinese against "Hant".
        ("ウクライナ東部で攻撃", "en", "ja", None, "ja"),
        ("烏克蘭東部遭襲擊", "en", None, "zh-Hant", "zh-Hant"),
        # No letters, or a language CLDR does not know.
        ("2024 — 17:45", "en", "fa", "fa", None),
        ("حمله پهپادی بر کیف", "en", "prs", None, None),
    ],
)
def test_an_imported_title_gets_its_language_where_it_is_not_the_sites(
    title: str, site: str, declared: str | None, source: str | None, expected: str | None
) -> None:
    from builder.importdays import title_language

    assert title_language(title, site, declared, source) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<!DOCTYPE html><html dir="rtl" lang="fa"><head>', "fa"),
        ("<html lang='pt_BR'>", "pt-BR"),
        ('<html lang="EN-us">', "en-US"),
        ('<html lang="zh-hant">', "zh-Hant"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><language>uk</language>', "uk"),
        ('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">', "ar"),
        # Ukraine's country code, as some Ukrainian sites declare theirs; ISO 639-2's code.
        ('<html lang="ua">', "uk"),
        ('<html lang="ua-UA">', "uk"),
        ('<html lang="ukr">', "uk"),
        ('<html lang="kr">', "kr"),  # Kanuri: a language's code, though Korea's too
        ("Плей-офф: 2 июля\n- [A headline](https://censor.net/a)", None),
    ],
)
def test_a_listing_says_its_language(text: str, expected: str | None) -> None:
    from builder.importer import declared_language

    assert declared_language(text) == expected


def test_an_entry_in_norwegian_says_no_in_quotes() -> None:
    """YAML reads `language: no` as false: the import quotes it, and only what needs it."""
    entries = (
        Entry(2, "Angrep på Kyiv i natt", "https://www.nrk.no/a", "nrk", None, "no"),
        Entry(3, "پهپادها", "https://www.bbc.com/persian/a", "bbc-persian", None, "fa"),
    )
    text = render_day(dt.date(2024, 7, 1), entries, False)
    assert '    language: "no"\n' in text and "    language: fa\n" in text
    parsed, problems = parse_day("content/digests/2024/2024-07-01.md", text)
    assert parsed is not None, problems
    assert [h.language for h in parsed.day.headlines] == ["no", "fa"]
