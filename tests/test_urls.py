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
