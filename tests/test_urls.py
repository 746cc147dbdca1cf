"""The URL scheme and slugs: Ukrainian place names get the official transliteration."""

import datetime as dt

import pytest

from builder import urls


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        # Examples from the KMU 2010 resolution's own table.
        ("Алушта", "alushta"),
        ("Згорани", "zghorany"),
        ("Розгон", "rozghon"),
        ("Єнакієве", "yenakiieve"),
        ("Гаєвич", "haievych"),
        ("Їжакевич", "yizhakevych"),
        ("Кадиївка", "kadyivka"),
        ("Йосипівка", "yosypivka"),
        ("Стрий", "stryi"),
        ("Олексій", "oleksii"),
        ("Юрій", "yurii"),
        ("Корюківка", "koriukivka"),
        ("Яготин", "yahotyn"),
        ("Костянтин", "kostiantyn"),
        ("Знам'янка", "znamianka"),
        ("Феодосія", "feodosiia"),
        ("Щербухи", "shcherbukhy"),
        ("Гоща", "hoshcha"),
        ("Ґалаґан", "galagan"),
        # Places of the war.
        ("Часів Яр", "chasiv-yar"),
        ("Запоріжжя", "zaporizhzhia"),
        ("Харківська область", "kharkivska-oblast"),
        ("Київ", "kyiv"),
        ("Покровськ", "pokrovsk"),
        ("Торецьк", "toretsk"),
        # Latin names and other scripts fold to ASCII.
        ("Kharkiv region", "kharkiv-region"),
        ("Złoczów", "zloczow"),
        ("  Mariupol  ", "mariupol"),
        ("Бєлгород", "bielhorod"),
        ("Подъём", "podyom"),
        ("???", ""),
    ],
)
def test_slugify_uses_official_ukrainian_transliteration(name: str, slug: str) -> None:
    assert urls.slugify(name) == slug


def test_page_paths_are_folders_and_files_are_files() -> None:
    assert urls.day(dt.date(2024, 6, 2)) == "2024/06/02/"
    assert urls.month(2024, 6) == "2024/06/"
    assert urls.listing("tags", "frontline", 3) == "tags/frontline/page/3/"
    assert urls.home(2) == "page/2/"
    assert urls.output_path("") == "index.html"
    assert urls.output_path("2024/06/02/") == "2024/06/02/index.html"
    assert urls.output_path("tags/frontline/rss.xml") == "tags/frontline/rss.xml"


@pytest.mark.parametrize("text", ["espreso", "korea-times", "b2", "x"])
def test_valid_ids(text: str) -> None:
    assert urls.is_valid_id(text)


@pytest.mark.parametrize("text", ["Espreso", "korea_times", "-x", "x-", "a--b", "../x", "", "a b"])
def test_invalid_ids(text: str) -> None:
    assert not urls.is_valid_id(text)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("https://example.org/news/\u200b1", "a zero width space (U+200B)"),
        ("https://example.org/ne\u00adws/1", "a soft hyphen (U+00AD)"),
        ("https://example.org/news\u00a0/1", "a no-break space (U+00A0)"),
        ("\ufeffhttps://example.org/news/1", "a zero width no-break space (U+FEFF)"),
        ("https://example.org/\u202egpj.exe", "a right-to-left override (U+202E)"),
        ("https://example.org/news/1\u2060", "a word joiner (U+2060)"),
    ],
)
def test_a_link_with_a_character_that_cannot_be_seen_is_named(url: str, named: str) -> None:
    said = urls.unseen_in(url)
    assert said is not None and f"contains {named}, which looks like nothing" in said
    assert "<U+" in said.split("'")[1] and not urls.unseen_in(urls.without_unseen(url))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.isna.ir/news/1403042619874/لاوروف-تحمیل-می\u200cکند",  # a Persian joiner
        "https://example.org/👩\u200d💻-news",  # an emoji's joiner
        "https://uk.wikipedia.org/wiki/Київ",
        "https://example.org/news/1",
    ],
)
def test_characters_links_do_carry_are_left_alone(url: str) -> None:
    assert urls.unseen_in(url) is None and urls.without_unseen(url) == url
