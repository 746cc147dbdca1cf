"""Architecture rules from STYLE.md, held by parsing the imports of every module."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "builder"

# Each third-party library is imported in one module only.
OWNERS = {
    "yaml": "yamlio",
    "markdown_it": "markup",
    "jinja2": "render",
    "markupsafe": "render",
    "rcssmin": "render",
    "feedgen": "feeds",
    "babel": "i18n",
    "pyuca": "collation",
    "watchdog": "watch",
    "lxml": "markuptree",
    "mammoth": "documents",
    "openpyxl": "documents",
    "pdfminer": "documents",
    "charset_normalizer": "documents",
    "jdatetime": "importdates",
}
IMPORTER = {
    "importmodel",
    "importzones",
    "importdates",
    "importtext",
    "importlinks",
    "importelements",
    "importpages",
    "importhtml",
    "importtelegram",
    "importcopies",
    "importrecords",
    "importfeeds",
    "importchats",
    "importexports",
    "importjson",
    "importpasses",
    "importentries",
    "importformats",
    "importer",
    "importdays",
    "newday",
    "cli",
    "build",
}
# Lower layers never import higher ones.
FORBIDDEN = {
    "model": {"*"},
    "errors": {"*"},
    "urls": {"*"},
    "yamlio": {"reader", "schema", "build", "render", "cli", "pages", "feeds"},
    "reader": {"build", "render", "cli", "pages", "feeds", "library", "output"},
    "dayfiles": {"reader", "cache", "yamlio", "build", "render", "cli", "pages", "feeds", "output"},
    "library": {"build", "render", "cli", "pages", "feeds", "output"},
    "pages": {"build", "render", "cli", "feeds", "output"},
    "planmemo": {"library", "pages", "build", "render", "cli", "feeds", "output", "reader"},
    "build": {"cli"},
    "charts": {"*"},
    "collation": {"*"},
    "fragments": {"render", "pages", "feeds", "build", "cli", "output", "reader", "library"},
    "fastpages": {"render", "feeds", "build", "cli", "output", "reader", "library"},
    "search": {"reader", "library", "pages", "render", "feeds", "build", "cli", "output"},
    "reading": {"render", "feeds", "build", "cli", "output"},
    "searchindex": {"render", "feeds", "pages", "build", "cli"},
    "jsonfeed": {"build", "cli", "output"},
    "documents": {"importer", "newday", "build", "cli", "reader", "output"},
    # The importer's layers, lowest first: each reads only those below it.
    "markuptree": {"*"},
    "importmodel": {"*"},
    "importzones": {"*"},
    "importdays": IMPORTER - {"importmodel"},
    "importdates": IMPORTER - {"importmodel"},
    "importtext": IMPORTER - {"importmodel", "importdates"},
    "importlinks": IMPORTER - {"importmodel", "importdates", "importtext"},
    "importelements": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importpages": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importhtml": IMPORTER
    - {"importmodel", "importdates", "importtext", "importlinks", "importelements"},
    "importtelegram": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importcopies": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importrecords": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importfeeds": IMPORTER
    - {"importmodel", "importdates", "importtext", "importlinks", "importelements", "importhtml"},
    "importchats": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    "importexports": IMPORTER
    - {"importmodel", "importdates", "importtext", "importlinks", "importchats"},
    "importjson": IMPORTER
    - {"importmodel", "importdates", "importtext", "importlinks", "importchats", "importexports"},
    "importpasses": IMPORTER - {"importmodel", "importdates", "importtext"},
    "importentries": IMPORTER - {"importmodel", "importdates", "importtext", "importlinks"},
    # Which reader a listing's text takes: all of them, below the walk.
    "importformats": {"importer", "importdays", "newday", "cli", "build"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: a module of ours
                found.add("." + (node.module or ""))
            elif node.module:
                found.add(node.module)
    return found


MODULES = sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_third_party_libraries_have_one_home(path: Path) -> None:
    for name in imports_of(path):
        top = name.split(".")[0]
        if top in OWNERS:
            assert OWNERS[top] == path.stem, f"{path.stem} imports {top}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_lower_layers_do_not_import_higher_ones(path: Path) -> None:
    ours = {name[1:].split(".")[0] for name in imports_of(path) if name.startswith(".")}
    forbidden = FORBIDDEN.get(path.stem, set())
    if "*" in forbidden:
        assert ours <= {"errors"} or (path.stem == "errors" and not ours), f"{path.stem}: {ours}"
    else:
        assert not ours & forbidden, f"{path.stem} imports {ours & forbidden}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_only_the_cli_prints_or_exits(path: Path) -> None:
    if path.stem in ("cli", "__main__"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            assert name not in ("print", "exit"), f"{path.stem} calls {name}"
