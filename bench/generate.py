"""Generate a deterministic, realistic digest of N days x M headlines for benchmarks.

    python3 bench/generate.py OUT_DIR --days 3650 --headlines 30

~40 sources, ~25 tags, ~80 places (a third with Cyrillic names), notes on ~30% of
headlines, labels and stories on some, Markdown commentary, titles with &, < and quotes.
The same arguments always give the same files (a seeded random generator).

`--sources`, `--tags` and `--places` widen the registries, as a digest that names every
outlet and village it cites over years has them (say 300, 60 and 2,000): a page and a
feed for each, and most of those feeds list old headlines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import zoneinfo
from pathlib import Path

_PROSE = (
    "Ukraine Russia army drone strike front offensive shelling region city village port "
    "energy grid sanctions talks summit aid weapons air defense missile tank brigade "
    "partisans Crimea occupied General Staff report minister president NATO EU Kremlin "
    "oil refinery tanker airfield bridge railway evacuation civilians humanitarian"
)
WORDS = _PROSE.split()
CYRILLIC_PLACES = (
    "Часів Яр", "Запоріжжя", "Покровськ", "Торецьк", "Харків", "Київ", "Одеса", "Херсон",
    "Бахмут", "Авдіївка", "Вугледар", "Куп'янськ", "Лиман", "Мар'їнка", "Сумщина",
    "Дніпро", "Кривий Ріг", "Миколаїв", "Ізюм", "Слов'янськ", "Краматорськ", "Костянтинівка",
    "Нью-Йорк", "Єнакієве", "Ясинувата", "Бєлгород",
)  # fmt: skip
LABELS = ("disinformation", "opinion", "unconfirmed", "analysis")


def _happened(date: dt.date, hour: int, minute: int) -> bool:
    """Whether the time of day was shown by the clocks of Kyiv (the corpus's zone) on the
    date: not in the hour skipped when they go forward."""
    local = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=_KYIV)
    return local.astimezone(dt.UTC).astimezone(_KYIV).replace(tzinfo=None) == local.replace(
        tzinfo=None
    )


_KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")


def generate(
    out: Path,
    days: int,
    headlines: int,
    seed: int = 2024,
    sources: int = 40,
    tags: int = 25,
    places: int = 80,
) -> None:
    """Write a project folder (content/ only) into `out`, replacing what was there: with
    `sources`, `tags` and `places` in its registries and headlines (places: at least the
    Cyrillic names, CYRILLIC_PLACES)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    (content / "digests").mkdir(parents=True)
    places_named = list(CYRILLIC_PLACES) + [
        f"Place {chr(65 + n % 26)}{n:02d}" for n in range(places - len(CYRILLIC_PLACES))
    ]
    sources_named = [f"source-{n:02d}" for n in range(sources)]
    tags_named = [f"topic-{n:02d}" for n in range(tags)]
    stories = [f"story-{n:03d}" for n in range(200)]
    (content / "site.yaml").write_text(
        "title: Benchmark Digest\n"
        'description: "A generated digest for benchmarks: news & notes"\n'
        "base_url: https://bench.example.org/\n"
        "language: en\ntimezone: Europe/Kyiv\nauthor: Bench editors\n",
        encoding="utf-8",
    )
    (content / "sources.yaml").write_text(
        "".join(
            f'{s}:\n  name: "Outlet {n} & Co"\n  url: https://outlet{n}.example.org/\n'
            f"  language: {'uk' if n % 3 == 0 else 'en'}\n"
            for n, s in enumerate(sources_named)
        ),
        encoding="utf-8",
    )
    (content / "tags.yaml").write_text(
        "".join(
            f'{t}:\n  name: Topic {n}\n  description: "Everything on topic {n}"\n'
            for n, t in enumerate(tags_named)
        ),
        encoding="utf-8",
    )
    start = dt.date(2016, 1, 1)
    for number in range(days):
        date = start + dt.timedelta(days=number)
        lines = ["---", f"date: {date}", f'title: "Day {number}: {_words(rng, 5)}"']
        lines.append(f'summary: "{_words(rng, 12)}"')
        lines.append("headlines:")
        for index in range(headlines):
            title = _title(rng)
            lines.append(f'  - title: "{title}"')
            rng.randrange(40)  # drawn as before: the rest of the corpus stays as it was
            source = rng.choice(sources_named)
            outlet = int(source.rsplit("-", 1)[1])  # the source's site (sources.yaml)
            lines.append(f"    url: https://outlet{outlet}.example.org/{date}/{index}")
            lines.append(f"    source: {source}")
            lines.append(f"    tags: [{', '.join(rng.sample(tags_named, rng.randint(1, 3)))}]")
            if rng.random() < 0.6:
                chosen = rng.sample(places_named, rng.randint(1, 2))
                lines.append(f"    places: [{', '.join(_quote(p) for p in chosen)}]")
            if rng.random() < 0.5:
                hour, minute = rng.randrange(24), rng.randrange(60)
                if not _happened(date, hour, minute):  # the hour Kyiv's clocks skipped
                    hour += 1  # as they showed it
                lines.append(f'    time: "{hour:02d}:{minute:02d}"')
            if rng.random() < 0.3:
                lines.append(f'    note: "Context: *{_words(rng, 8)}* and more."')
            if rng.random() < 0.1:
                lines.append(f"    label: {rng.choice(LABELS)}")
            if rng.random() < 0.05:
                lines.append(f"    story: {rng.choice(stories)}")
        lines += [
            "---",
            f"## {_words(rng, 3)}",
            "",
            f"{_words(rng, 60)}",
            "",
            f"- {_words(rng, 8)}",
        ]
        path = content / "digests" / f"{date.year}" / f"{date}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _title(rng: random.Random) -> str:
    title = _words(rng, rng.randint(6, 12)).capitalize()
    extra = rng.random()
    if extra < 0.1:
        title += " & allies"
    elif extra < 0.15:
        title += " <update>"
    elif extra < 0.25:
        title = f'\\"{title}\\" - minister'
    return title


def _quote(text: str) -> str:
    return f'"{text}"'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="project folder to create (replaced if present)")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--headlines", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--sources", type=int, default=40, help="outlets in sources.yaml")
    parser.add_argument("--tags", type=int, default=25, help="tags in tags.yaml")
    parser.add_argument(
        "--places",
        type=int,
        default=80,
        help=f"place names on headlines (at least {len(CYRILLIC_PLACES)}: the Cyrillic ones)",
    )
    args = parser.parse_args()
    if args.places < len(CYRILLIC_PLACES) or args.sources < 1 or args.tags < 3:
        parser.error(f"--places takes {len(CYRILLIC_PLACES)} or more, --sources 1, --tags 3")
    generate(args.out, args.days, args.headlines, args.seed, args.sources, args.tags, args.places)


if __name__ == "__main__":
    main()
