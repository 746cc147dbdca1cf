"""Parsed HTML and XML for the importer, and the character references feeds write: the
only importer of lxml.

Pages, fragments of HTML in feeds, and feeds themselves are parsed here and nowhere else,
so the importer's readers work on elements and never on a parser. HTML is read by
libxml2's tolerant parser (pasted pages are rarely valid); XML by a parser that reaches
nothing outside the text (no entities resolved, no network) and recovers from what it can.
lxml is imported when a listing is first parsed: only `digest import` needs it.
"""

from __future__ import annotations

from typing import Any


def html_document(text: str) -> Any | None:
    """Parse a page; None when it holds nothing but white space or comments."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def html_fragment(text: str) -> Any | None:
    """Parse HTML text inside a <div>; None when it cannot be read as HTML."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def xml_document(data: bytes) -> Any | None:
    """Parse XML that may be broken, resolving no entity and fetching nothing; None if no root."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, remove_comments=True
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def local_name(element: Any) -> str:
    """An XML element's name without its namespace ("{http://www.w3.org/2005/Atom}entry")."""
    from lxml import etree

    return str(etree.QName(element).localname)


def namespace_of(element: Any) -> str | None:
    """An XML element's namespace, None for none ("http://search.yahoo.com/mrss/" for
    media:title, None for an RSS item's title)."""
    from lxml import etree

    found = etree.QName(element).namespace
    return str(found) if found is not None else None


def character_reference(code: str) -> Any:
    """An element that lxml writes as the character reference "&CODE;" ("#x3C": "&#x3C;"),
    its tail after it (feeds.py: RSS's plain text)."""
    from lxml import etree

    return etree.Entity(code)
