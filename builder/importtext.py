"""The words of a listing's lines: what marks, wraps or surrounds a headline as text.

Bullets and numbers, Markdown's links and emphasis, a link after its title, and the lines
outlets put around their lists that are never headlines (menus, calls to subscribe,
bylines, counts, a page's own name and copyright), as patterns and the small tests built
on them, shared by the text, HTML and feed readers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .i18n import normalise_word
from .importdates import CREDIT, GLUED_DATE, NAME, TIME_LINE, WORD, age, said_date_time
from .importmodel import State

# A line's bullet or number: "•", "-", "1.", "1.3." (an outline's), "#" (Markdown's), "1️⃣" (a
# keycap's), HN's "▲".
BULLET = re.compile(
    r"^(?:(?:[•·▪●◦‣∙►▶➤→\-*–—+▲]|\d{1,3}[.)](?:\d{1,3}\.)*|#{1,6}|\*\*)\s+"
    r"|(?:\d\ufe0f?\u20e3|\U0001f51f)\s*)"
)
# An arrow after a headline, to its link: "Title ➡️ https://...", "Title 👇".
END_ARROW = re.compile(r"\s*(?:➡️?|👇|👉|⬇️?|→|>>)\s*$")
NUMBERED = re.compile(r"\d{1,3}[.)]\s")
# A to-do list's box after its bullet (Markdown, Notion, Obsidian): "- [x] Title".
CHECKBOX = re.compile(r"^(?:\[[ xX]\]|[☐☑☒✅✔✓])\s*")  # and Keep's and Apple Notes' boxes
# Tags an editor's note puts after a headline (Obsidian, Bear): "Title #політика #нбу".
END_TAGS = re.compile(r"(?:\s+#[^\W\d][\w-]*(?:[ \w-]*\w#)?)+\s*$")  # and Bear's "#на перевірку#"
# Markdown's strong emphasis around words of a line copied as text: "**Title**".
MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")  # a picture in Markdown: no headline
# A whole line in italics ("*Note from the author*"), and a label in bold before a link
# ("**Diplomacy:** [Title](…)": a kicker, no part of the headline).
EMPHASISED = re.compile(r"^([*_])(?![*_])(\S(?:.*\S)?)(?<![*_])\1$")
BOLD_LABEL = re.compile(r"^\*\*[^*\n]{1,40}?(?::\*\*|\*\*:)\s*(?=\[)")
LEAD_TIME = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*[-–—]?\s*)?")  # nothing, or a time
LINKED_WORDS = "a link that is words of a sentence around it, not a headline"
LEAD_IN = re.compile(r"([^\[\]:\n]{2,40}):\s*")  # "Read also: " before a link
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|==(?=\S)(.+?)(?<=\S)==")  # and "==marked=="
# An address; not one a page shows cut short ("https://suspilne.media/kharkiv/7906…"), which
# leads nowhere: the ellipsis is no character of an address (it would be percent-encoded).
_URL = r"(?>https?://[^\s<>()\[\]\"]+(?:\([^\s()]*\)[^\s<>()\[\]\"]*)*)(?<!…)"
URL_LINE = re.compile(r"[<\"«]?(" + _URL + r")[>\"»]?")
_URL_AT_END = re.compile(r"\s*(?:[-–—|:•]\s*)?[(<\"«]?(" + _URL + r")[)>\"»]?$")
MD_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*\)")
# Lines outlets put around their lists: section headings, navigation, calls to action.
BOILERPLATE = frozenset(
    {
        # a social network's own (Mastodon's web interface)
        *("search or paste url", "what's on your mind?", "get the app", "view source code"),
        *("posts and replies", "keyboard shortcuts"),
        # a mobile site's link to its full version
        *("повна версія сайту", "полная версия сайта", "full site", "desktop version"),
        # a page's skip link, copied as text with it
        *("skip to content", "skip to main content", "перейти до основного контенту"),
        *("перейти до змісту", "перейти к основному содержанию", "перейти к содержанию"),
        *("vai al contenuto principale", "vai alla navigazione", "ugrás a tartalomra"),
        *("zum inhalt springen", "aller au contenu", "saltar al contenido"),
        "read also",
        "read more",
        "copy link",
        *("link copied", "link copied!", "copied!", "посилання скопійовано"),  # (a live post's)
        "скопіювати посилання",
        "копировать ссылку",
        "read the full story",
        "read the full article",
        "read original",
        "read the original",
        "view original",
        "open original",
        "original article",
        "read on omnivore",
        "open in app",
        "continue reading",
        "детальніше",
        "детальніше тут",
        "детальніше – тут",
        "детальніше — тут",
        "читати тут",
        "подробнее тут",
        "подробнее – тут",
        "more here",
        "докладніше",
        "читати далі",
        "читайте далі",
        "читати повністю",
        "подробиці",
        "подробнее",
        "читать далее",
        "читать полностью",
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "перейти до основного вмісту",
        "перейти к основному содержанию",
        "see also",
        "also read",
        "more news",
        "all news",
        "latest news",
        "news",
        "top news",
        "related",
        "related news",
        "related articles",
        "show more",
        "load more",
        "older",
        "newer",
        "oldest",
        "newest",
        "older posts",
        "newer posts",
        "next page",
        "previous page",
        "show more news",
        "load more news",
        "more stories",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "promoted",
        "subscribe",
        "share",
        "most read",
        "most popular",
        "popular",
        "trending",
        "найпопулярніше",
        "популярне",
        "найчитаніше",
        "популярное",
        "самое читаемое",
        "самое популярное",
        "читайте також",
        "читайте також на",
        "дивіться також",
        "більше новин",
        "всі новини",
        "усі новини",
        "останні новини",
        "новини",
        "головне",
        "реклама",
        "показати більше",
        "показати більше новин",
        "завантажити більше",
        "підписатися",
        "поділитися",
        "стрічка новин",
        "читайте также",
        "смотрите также",
        "больше новостей",
        "все новости",
        "последние новости",
        "новости",
        "главное",
        "показать больше",
        "показать больше новостей",
        "подписаться",
        "поделиться",
        "лента новостей",
        # a newsletter's sections: "Главное за день", "Вы могли пропустить"
        "головне за день",
        "главное за день",
        "ви могли пропустити",
        "вы могли пропустить",
        "you may have missed",
        "you might have missed",
        "top stories",
        "in other news",
    }
)


def link_line(line: str) -> str | None:
    """The link of a line that is only a link, shown as its address, after nothing or a
    label ("https://...", "Details: https://...", "Read more: https://...")."""
    end = _URL_AT_END.search(line)
    if end is None:
        return None
    label, url = line[: end.start()].strip(), url_end(end.group(1))
    if not label:
        return url
    colon = ":" in line[end.start() : end.start(1)] or label.endswith(":")
    if normalise_word(label) in _LINK_LABELS:  # OneNote's "From <https://…>" under a paste
        return url
    return url if (colon and len(label.split()) <= 3) or boilerplate(label) else None


_LINK_LABELS = frozenset({"from", "source", "via", "link", "джерело", "источник", "посилання"})
# A link's text that only says it is one: "[посилання](https://…)", "(<a>link</a>)".
LINK_WORDS = _LINK_LABELS | {"ссылка", "тут", "здесь", "here", "читати", "read"}


def split_link(line: str) -> tuple[str, str]:
    """Split "[title](url)" or "title — url" into the title and the URL."""
    links = MD_LINK.findall(line)
    if links:
        title = MD_LINK.sub(lambda m: m.group(1), line).strip()
        url = next((u for _, u in links if u.startswith(("http://", "https://"))), "")
        rest = _URL_AT_END.search(title)
        if rest and not url:
            return title[: rest.start()].strip(), rest.group(1)
        return title, url
    bare = URL_LINE.fullmatch(line)
    if bare:
        return "", url_end(bare.group(1))
    end = _URL_AT_END.search(line)
    if end:
        return line[: end.start()].strip(), url_end(end.group(1))
    found = list(URL_IN_TEXT.finditer(line))
    if len(found) == 1:  # "Title https://... (edited)", "16:20 https://... — Title"
        before = line[: found[0].start()].rstrip(' —–-|:•·(<"«')
        after = line[found[0].end() :].lstrip(' —–-|:•·)>"»')
        if before and (len(after.split()) <= 2 or _SHARED_FROM.fullmatch(after)):
            return before, url_end(found[0].group())  # ("… Shared via Feedly": a share's)
        if not before or TIME_LINE.fullmatch(before):
            title = f"{before} {after}" if before else after
            return title.strip(), url_end(found[0].group())  # (a U+2028 after the link too)
    return line, ""


_SHARED_FROM = re.compile(r"(?:shared|sent|saved) (?:via|from|with) .{1,30}", re.IGNORECASE)


def url_end(url: str) -> str:
    """A link written in text without the stop of the sentence it ends ("... 716433/.")."""
    return url.rstrip(".,;:!?")


OUTLET_NAME = "an outlet's name, over its posts or in its page's header, not a headline"


NAVIGATION = "a section or navigation line, not a headline"
PARAGRAPH_WORDS = 40  # the longest headlines have 25 or so; an article's paragraphs, more


# Emoji and marks before a line's words ("⚡️ Підписатися на канал"): not part of what it says.
_LEADING_SYMBOLS = re.compile(r"^[^\w\d\s«\"'(\[@#]+\s*")


# A property a note or a read-later export gives its article, under its title.
_PROPERTY = re.compile(
    r"(?:site|source|author|authors|tags|labels|сайт|джерело|источник|автор"
    # and a notes app's page properties (Notion's, Obsidian's): "Status: In progress"
    r"|status|created|created by|last edited(?: time| by)?|owner|редактор|редакторка|статус"
    r"|створено|теги)\s*:\s+\S"
)


# The words a page writes for screen readers before a picture's or a video's caption and
# credit, which a copy keeps: "Image source, Reuters", "Image caption, …", "Media caption, …"
# (BBC's), "Bildquelle, …", "Legenda da foto, …".
_PICTURE_CREDIT = re.compile(
    r"(?:image|media|video) (?:source|caption),\s|bildquelle,\s|bildunterschrift,\s"
    r"|legenda da (?:foto|imagem),\s|fuente de la imagen,\s|pie de foto,\s"
    r"|джерело фото,\s|підпис до фото,\s|автор фото,\s|источник фото,\s|подпись к фото,\s"
)

# A caption that ends with its picture's credit: "Rettungskräfte in Charkiw (Archivbild): …
# (Quelle: IMAGO/Vyacheslav Madiyevskyy)".
_CREDITED_CAPTION = re.compile(
    r"\((?:quelle|foto|fotó|photo|bild|image|credit|источник|джерело)\s*:[^()]*\)$"
    r"|(?:^|\W)credit(?:\.{3}|…)\s*\w"  # "Residents leaving.Credit...Name for The New York Times"
    # "… Monday. Photograph: Gleb Garanich/Reuters", "… (AP Photo/Efrem Lukatsky)"
    r"|\.\s+(?:photograph|фото|photo|foto)\s*:\s*[^\s:][^:]{1,60}$"
    r"|\((?:ap|afp|reuters|epa|getty images) photo\s*/[^()]{2,60}\)$"
)
# Where a text's news came from, on a line of its own: "Quelle: t-online, dpa".
_SOURCE_LINE = re.compile(
    r"(?:quelle|quellen|fuente|fonte|źródło)\s*:\s*[^:,\s]+(?:\s[^:,\s]+)?(?:,\s*[^:,\s]+(?:\s[^:,\s]+)?){0,3}"
)
# A document's page footer, its number far to the right: "Для службового користування      2".
_PAGE_FOOTER = re.compile(r"\S.{2,60}?\S {4,}\d{1,3}")
# A live blog's or an article's section headings, the same on every page of its outlet.
_SECTION_LINES = frozenset(
    {
        *("lesen sie auch", "mehr zum thema", "das wichtigste im überblick", "auch interessant"),
        *("player wird geladen", "das könnte sie auch interessieren", "ältere einträge"),
    }
)


# A badge over a headline for subscribers ("Article réservé aux abonnés"), a page's skip
# link ("Skip to Featured Content"), a note that the page needs JavaScript: copied with a
# listing, never a headline.
_PAGE_NOTICE = re.compile(
    r"(?:article )?réservé (?:aux|à nos) abonnés|(?:for |exclusive (?:for |to ))?subscribers only"
    r"|subscriber(?:s)? exclusive|exclusive (?:for|to) subscribers|nur für abonnenten"
    r"|(?:solo|exclusivo) para suscriptores|tylko dla prenumeratorów|только для подписчиков"
    r"|лише для передплатників|тільки для передплатників"
    r"|skip to [\w ]{1,30}|aller au contenu[\w ]{0,20}|saltar al contenido[\w ]{0,20}"
    r"|(?:please )?(?:turn on|enable) javascript[\w ]{0,40}"
    r"|javascript is (?:disabled|off)[\w ]{0,40}"
)


# Markdown's reference links: "[Title][1]", "[Title][]" or "[Title]" and, on a line of its
# own, "[1]: https://…" (perhaps with a title in quotes after it).
_REFERENCE = re.compile(
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?(https?://[^\s>]+)>?"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
    re.MULTILINE,
)
_REFERENCED = re.compile(r"\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\]|(?![(:\[]))")
# A link written in angle brackets, which lets it hold spaces: "[Title](<https://… (1)>)".
_ANGLED_LINK = re.compile(r"\]\(\s*<([^<>\n]+)>\s*\)")
# A plain-text mail's link after its text, in brackets ("Title [https://…]", Substack's).
_BRACKETED_LINK = re.compile(
    r"^([ \t]*(?:[-*•][ \t]+)?)([^\[\]\n]*[^\s\[\]])[ \t]*\[(https?://[^\s\]]+)\][ \t]*$", re.M
)
_IN_ANGLES = str.maketrans({" ": "%20", "(": "%28", ")": "%29"})  # what would end the link


def markdown_links(text: str) -> str:
    """Write a text's links in Markdown's inline form, which the walk reads: reference links
    with their definitions ("[Title][1]" and "[1]: https://…" -> "[Title](https://…)", the
    definitions left out), a link in angle brackets with its spaces percent-encoded, and a
    plain-text mail's "Title [https://…]"."""
    if "](<" in text:
        text = _ANGLED_LINK.sub(lambda found: f"]({found[1].strip().translate(_IN_ANGLES)})", text)
    if "[http" in text:
        text = _BRACKETED_LINK.sub(r"\1[\2](\3)", text)
    if "]:" not in text:
        return text
    defined = {label.casefold(): url for label, url in _REFERENCE.findall(text)}
    if not defined:
        return text

    def linked(found: re.Match[str]) -> str:
        url = defined.get((found[2] or found[1]).casefold())
        return f"[{found[1]}]({url})" if url else found[0]

    return _REFERENCED.sub(linked, _REFERENCE.sub("", text))


def boilerplate(line: str) -> str:
    """Say why a line is not a headline, or return ""."""
    if not WORD.search(line):
        return NO_WORDS
    key = " ".join(_LEADING_SYMBOLS.sub("", normalise_word(line)).rstrip(":.…>»→ ").split())
    if (
        key in BOILERPLATE
        or _CALL_TO_ACTION.match(key)
        or _MORE_BUTTON.fullmatch(key)
        or _SUBSCRIBE.search(key)
        or _MORE_LIKE_IT.fullmatch(key)
        or _ADVERTISING.search(key)
        or _PAGE_NOTICE.fullmatch(key)
    ):
        return NAVIGATION
    if _MORE_ELSEWHERE.match(key):
        return _READ_MORE
    if _PLAYER.fullmatch(key):
        return _PLAYER_LINE
    if _PICTURE_CREDIT.match(key) or _CREDITED_CAPTION.search(key):
        return "a picture's or video's caption or credit, not a headline"
    if _SOURCE_LINE.fullmatch(key):
        return "a credit of the text's sources ('Quelle: t-online, dpa'), not a headline"
    if key in _SECTION_LINES:
        return NAVIGATION
    if _PAGE_FOOTER.fullmatch(line.strip()):
        return "a page's footer and its number (a document copied as text), not a headline"
    if _READING_LINE.fullmatch(key):
        return "a reading time ('2 minuti di lettura'), not a headline"
    if _NEWSLETTER.search(key):
        return "a newsletter's own line (its web version, its settings), not a headline"
    if _FORWARDED.match(key):
        return "the header of a forwarded message (its channel's name), not a headline"
    if _SOCIAL_CHROME.fullmatch(key) or _SHORTENED.fullmatch(line.strip()):
        return SOCIAL_LINE
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    shown = len(WORD_RUN.findall(line))  # words of letters: "ASIA PACIFIC / POLITICS" is 3
    if shown <= 3 and len(letters) >= 2 and all(c.isupper() for c in letters):
        return CAPITALS
    if line.endswith(":") and len(words) <= 20:  # (a heading, a letter's "…these two:")
        return "a heading ending in ':', not a headline"
    if BYLINE.fullmatch(" ".join(words)) or _PROPERTY.match(key):
        return CREDIT  # (and "Site: Meduza", a read-later app's property of the headline)
    if age(key) is not None:
        return _AGE
    if len(words) > PARAGRAPH_WORDS:
        return _PARAGRAPH
    return ""


# A page's own lines, copied with it as text: "© 2024 POLITICO SRL", "We value your privacy".
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b|.{0,40}©\s*\d{4}.*\ball rights reserved)", re.IGNORECASE
)  # "Reddit, Inc. © 2024. All rights reserved."
PRIVACY = re.compile(
    r"\bcookies?\b|\bcookie-|^we (?:value|care about|respect) your privacy"
    r"|^we and our \d+ partners|^ми цінуємо вашу конфіденційність|^мы ценим вашу конфиденциальность"
)


# What a social network's page shows around its posts, copied with them: "@handle",
# "Reposted by ...", "Пошук у Facebook", "1,6 млн уподобань • 2,1 млн читачів", "Переглянути ще
# 57 коментарів", "Last reply today at 11:20 AM", "kyivindependent.com/ukraines-parl...".
_COUNTED = (
    r"(?:likes?|followers?|following|reposts?|replies|comments?|shares?|reactions?|views?"
    r"|уподобан\w*|вподобан\w*|читач\w*|підписник\w*|коментар\w*|поширен\w*|реакц\w*"
    r"|перегляд\w*|лайк\w*|подписчик\w*|комментари\w*|просмотр\w*)"
)
# A site's name as pages show it beside a link: "pravda.com.ua".
SITE_NAME = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)
_SOCIAL_CHROME = re.compile(
    r"@[\w.-]+(?:@[\w.-]+)?"  # (and Mastodon's "@RFERL@mastodon.social")
    r"|(?:reposted by|поширив|поширила|поширено|переслав|репост)\b.*"
    r"|(?:пошук у|search) (?:facebook|x|twitter|bluesky|linkedin)"
    rf"|[\d.,]+\s*(?:k|m|тис\.?|млн|тыс\.?)?\s*{_COUNTED}(?:\s*[•·]\s*[\d.,]+\s*(?:k|m|тис\.?|млн|тыс\.?)?\s*{_COUNTED})*"
    rf"|(?:переглянути|показати|view|see|show) (?:ще |all |more )?\d+ (?:more )?{_COUNTED}"
    r"|(?:last reply|остання відповідь).*"
    # X's own: its link card's "From site.com", "… reposted", the profile's "Joined …", menus
    r"|from (?:www\.)?[\w-]+(?:\.[\w-]+)+|.{1,60} (?:reposted|boosted|поширив\w*|репостнул\w*)"
    r"|(?:.* )?joined \w+ \d{4}|(?:to )?view keyboard shortcuts.*|see new posts"
    # a chat's notices: "Mariia Bondar joined the party.", "… pinned a message", "… left"
    r"|.{1,60} (?:joined|left) (?:the )?(?:party|server|channel|room|chat|group|space|team)\b.*"
    r"|.{1,60} (?:pinned a message|changed the (?:topic|channel name)|added .{1,60} to the .*)"
    # a chat's deleted message, its reactions and replies (Zoom's): 'Reacted to "Title..." with 👍'
    r"|this message (?:was|has been) deleted\.?|це повідомлення (?:було )?видалено\.?"
    r"|это сообщение (?:было )?удалено\.?"
    r"|(?:reacted to|replying to|removed an? .{1,8} reaction from) \".*"
    # Reddit's: a community's icon, its search box, a promoted post's author, its rank
    r"|[ur]/[\w-]+(?: icon|\s*[•·]\s*promoted)|search in r/[\w-]+|advertise on reddit"
    r"|top \d+% rank by size"
    r"|(?:in reply to|replying to|у відповідь на|в ответ на) .{1,60}"  # a reply's header
    r"|.{1,60} (?:приєднав(?:ся|ла?ся)|приєдналися|покинув|покинула|закріпив|закріпила)\b.*"
    # LinkedIn's own: "Try Premium for UAH0", "Report this article", "Load more comments"
    r"|try premium.*|report this (?:article|post|comment)|load more comments"
    r"|terms of use|search the web|see (?:the )?full forecast|feedback"
    r"|more articles by .{1,60}|see more comments|\d+ more comments?|add a comment…?"
    r"|who to follow|terms of service|privacy policy|cookie policy|show more|show replies"
    r"|read more: (?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*"  # (its "…" is gone from the key)
    r"|r/\w+(?: • .*)?|(?:go to comments|upvote|downvote|share|save|hide|reply)"  # Reddit's
    r"|posted by u/[\w-]+.*"  # (and its old look's "Posted by u/name 5 hours ago")
    r"|\d+ points? by \S+ .*|submitted .* by \S+.*"  # a news aggregator's row (Hacker News)
    r"|" + SITE_NAME.pattern  # a link's site alone (the key is in lower case)
)
# An editor's note to self after a headline: "[посилання ще шукаю]", "← перевірити цифри".
EDITOR_NOTE = re.compile(r"\s+(?:\[[^\[\]]{2,80}\]|(?:←|<-{1,2})\s*[^←\s][^←]{1,78})$")
_SHORTENED = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*(?:…|\.\.\.)")  # a link as shown
SOCIAL_LINE = (
    "a social network's own line (a handle, a repost, counts, a search box), not a headline"
)
# Telegram's line over a forwarded message: "Forwarded from Повітряні сили ЗСУ".
_FORWARDED = re.compile(r"(?:forwarded from|переслано від|переслано из|пересланное сообщение)\b")
# An aggregator's count of a story's other reports: "Ще 24 схожих новини", "+5 more".
_MORE_LIKE_IT = re.compile(
    r"(?:ще|еще|and|\+)\s*\d+\s*(?:схож\w*|похож\w*|інш\w*|друг\w*|similar|related|more|other"
    r"|джерел\w*|источник\w*|sources)"
    r"(?: (?:новин\w*|новост\w*|публікац\w*|stories|articles|reports|sources|джерел\w*"
    r"|источник\w*))?"
)
# What a newsletter says of itself: "View this email in your browser", "unsubscribe from this
# list", "update your preferences", "Переглянути в браузері", "Відписатися".
_NEWSLETTER = re.compile(
    r"\b(?:view(?: (?:this|it|the))?(?: (?:email|e-mail|newsletter|message))? (?:in|on)"
    r"(?: (?:your|a|the))?(?: web)? browser"
    r"|view this (?:post|issue|edition) on the web|read (?:this|it) (?:online|on the web)"
    r"|unsubscribe|update (?:your )?(?:subscription )?preferences"
    r"|forward (?:this (?:email |e-mail )?)?to a friend|add us to your address book"
    r"|change how you receive|you are receiving this|powered by (?:buttondown|mailchimp"
    r"|substack|beehiiv|ghost|convertkit|kit|campaign monitor|sendinblue|brevo|mailerlite)"
    r"|you(?: have)? received this (?:email|e-mail|message)"
    r"|вы получили это (?:письмо|сообщение)|ви отримали (?:цей|це) (?:лист|повідомлення)"
    r"|відписатис[ья]|переглянути (?:в|у) браузері|отписаться|открыть в браузере"
    r"|відкрийте (?:його )?(?:в|у) браузері|откройте (?:его )?в браузере"
    r"|(?:слухайте|дивіться|слушайте|смотрите|listen to|watch) (?:нас |us )?.{0,40}"
    r"(?:застосунку|приложении|youtube|app|podcast))"
)


# A call to follow a channel, wherever it stands: "Новини від NV в Telegram. Підписуйтесь на наш
# канал", "Українська правда у Telegram!" (with its "!": "calls on WhatsApp" is news).
_SUBSCRIBE = re.compile(
    r"\b(?:підписуйтесь|підписуйтеся|подписывайтесь|подпишитесь на|subscribe to our)\b"
    r"|\b(?:у|в|in|on) (?:telegram|viber|whatsapp)\s*!\s*$"
    # a newsletter's pitch: "Найважливіші новини Львова щодня о 8:00 у вашій пошті"
    r"|\b(?:у вашій пошті|на вашу пошту|в вашей почте|на вашу почту|(?:in|to) your inbox)\W*$"
)

# A button that loads more of a listing: "Load more", "Завантажити ще новини", "Показать еще".
# An article's reading time on a line of its own: "2 minuti di lettura", "Lesezeit: 5 Min.",
# "3 minutes de lecture", "4 min de lectura", "Czas czytania: 3 min".
_READING_LINE = re.compile(
    r"(?:lesezeit|czas czytania|lukuaika|doba čtení|tempo di lettura)\W*\d+\s*min\w*\.?"
    r"|\d+\s*min\w*\.?\s+(?:di lettura|de lecture|de lectura|de leitura|czytania|čtení"
    r"|læsetid|lesetid|läsning)"
)  # (English's "3 min read" is read with the date it stands beside)


# An audio or video player's controls under its item, copied: RNZ's "Listen duration 4′ :12″",
# "Add to playlist" (between the item and its time, which is the item's).
_PLAYER = re.compile(
    r"listen duration\b.*|add to (?:playlist|queue)|listen|play(?: audio| video)?"
    r"|(?:слухати|слушать) (?:ефір|эфир|наживо|онлайн)\b.*|listen live\b.*"  # a radio's stream
)
_PLAYER_LINE = "a player's control ('Add to playlist'), not a headline"


_MORE_BUTTON = re.compile(
    r"(?:load|show|see|view|завантажити|показати|дивитися|загрузить|показать|смотреть)"
    r" (?:more|all|ще|більше|усі|всі|еще|больше|все)(?: (?:news|stories|articles|новини|новин"
    r"|публікації|новости|новостей|публикации|материалы))?(?: from \S.*)?"  # "See all from X"
    # German, French, Spanish, Italian, Polish: "Weitere Artikel laden", "Voir plus"
    r"|(?:weitere (?:artikel|beiträge|meldungen|einträge) (?:laden|anzeigen)"
    r"|mehr (?:laden|anzeigen)"
    r"|charger plus(?: d'articles)?|voir plus(?: d'articles)?|cargar más(?: noticias)?"
    r"|ver más(?: noticias)?|carica altri(?: articoli| aggiornamenti)?|mostra altri|załaduj więcej"
    r"|pokaż więcej|więcej artykułów|načítať (?:ďalšie|viac)(?: články)?|načíst další"
    r"|vis flere(?: saker| artikler)?|visa fler(?: artiklar)?|meer laden|toon meer"
    r"|lataa lisää|учитај још|učitaj još|više vijesti|още новини)"
    # a page's own controls and links, copied as text: "Skip to footer", "Open search bar",
    # "Search the FT", "Add to myFT", "Follow the FT on X", "Advertise with us"
    r"|skip to (?:main content|content|footer|navigation|search)"
    r"|przejdź do (?:treści|głównej treści)|preskoči na vsebino|pereiti prie turinio"
    r"|zum inhalt springen|aller au contenu|ir al contenido|vai al contenuto|přejít k obsahu"
    r"|ugrás a tartalomra|sari la conținut|hopp til (?:hoved)?innhold|siirry sisältöön"
    r"|(?:open|close) (?:side |main )?(?:navigation menu|search bar|search|menu)"
    r"|search (?:the )?[\w.]{1,20}|add to my[\w.]{1,12}|view site tips"
    r"|(?:поиск|пошук) по (?:записям|записах|сообществу|спільноті)|запись закреплена"
    r"|запис закріплено|показать полностью…?|показати повністю…?"
    r"|follow (?:us|the [\w.]{1,20}) on [\w.]{1,20}|advertise with (?:us|the [\w.]{1,20})"
    r"|(?:read|view) our privacy (?:policy|notice)"
)

# Where to read more, as a post ends (its time may follow): "Подробнее — на сайте «Медузы».",
# "Детальніше: на сайті", "Read more on our website".
_READ_MORE = "where to read more of the headline above, not a headline"
_MORE_ELSEWHERE = re.compile(
    r"(?:подробнее|детальніше|докладніше|більше|read more|more)\s*[—–:-]?\s*"
    r"(?:на (?:сайте|сайті|нашому сайті|нашем сайте)|в (?:материале|статье)|у (?:матеріалі|статті)"
    r"|on (?:our|the) (?:website|site)|in our \w+)\b"
)

# An advertisement's call, anywhere in it: "… Warsaw, 19–20 November. Register now and save 20%".
_ADVERTISING = re.compile(
    r"\b(?:register now|book now|promo code|use (?:the )?code"
    r"|support us on (?:patreon|ko-fi|buy me a coffee)"
    r"|оформіть онлайн|оформите онлайн|замовте зараз|закажите сейчас|apply online|order now"
    r"|free for \d+ days|free trial|start (?:your|a) trial)\b"
)
# A page's call to subscribe, sign in or give, never a headline: "Subscribe for €1 a week."
_CALL_TO_ACTION = re.compile(
    r"(?:subscribe|sign up|sign in|log in|donate|support (?:us|our work)"
    r"|become a (?:member|patron|(?:paying |paid )?(?:subscriber|supporter))"
    r"|join us|join our (?:community|newsletter|channel)|support\b.{0,40}\bjournalism"
    r"|підпишіться|підписатися|стати (?:членом|учасником)|долучитися"
    r"|увійти|підтримати|підтримайте|подпишитесь|подписаться|войти|поддержать|поддержите)\b"
)
# Names joined by a word for "and", with spaces around it: the pattern is case-blind, so a
# name's class takes any word, and an "and" that needed no spaces could split every word at
# each "и" or "і" in it (a sentence after "Автор" took seconds, a longer one never ended).
_AND = r"(?:and|y|e|та|і|и)"
_NAMED = rf"(?!{_AND}(?![\w'’.-])){NAME}"  # a name, not the word for "and"
BYLINE = re.compile(
    rf"(?:by|von|par|por|di|door|av|przez|oprac\.|autor:?|автор(?:ка)?:?)\s+{_NAMED}(?:\s+{_NAMED}){{0,3}}"
    rf"(?:(?:\s*,\s*|\s+{_AND}\s+){_NAMED}(?:\s+{_NAMED}){{0,3}})*"
    rf"(?:\.\s+{NAME}(?:\s+{NAME})?)?"  # and where they write from: "Por Ana Ruiz. Bruselas"
    r"|(?:photo|фото|video|відео|видео|image|illustration|ілюстрація|иллюстрация)\s*(?:credit)?"
    r"\s*[:|©]\s*\S+(?:\s+\S+){0,3}"  # "Photo: Reuters", not "Video: Drone destroys a boat ..."
    r"|\d+\s*(?:min(?:ute)?s?|хв(?:илин[аи]?)?|мин(?:ут[аы]?)?)\.?(?:\s+(?:read|читання|чтения))?"
    r"|[\d.,]+\s*[KkMmКкТт]?\s*(?:comments?|views?|shares?|коментар\w*|перегляд\w*"
    r"|комментари\w*|просмотр\w*)"
    r"|(?:reporting|reported|writing) from [^\W\d]{2,}(?:[ ,]+[^\W\d]+){0,4}",  # a live blog's
    re.IGNORECASE,
)


def glued_date_line(
    line: str, months: dict[str, int], weekdays: dict[str, int], state: State, number: int
) -> tuple[dt.date, dt.time | None, str] | None:
    """Read "Title16 липня, 14:30", a card's title and date run together as copied as text:
    the date (and time), and the title."""
    for glued in GLUED_DATE.finditer(line):
        head = line[: glued.start()].rstrip()
        if not headline_like(head):
            continue
        found = said_date_time(line[glued.end() :], months, weekdays, state, number)
        if found is not None and found[0] is not None:
            return found[0], found[1], head
    return None


# Why a line is no headline, and what tells it ----------------------------------------


PROFILE = "a link to an outlet's channel or profile, not to an article"
SHORT = "too few words, without a link: a menu, section or button line, not a headline"
PAGE_COPY_LINES = 5  # lines of a word or two, no figures: a page's menus copied as text
SUMMARY = "a sentence after a headline that ends without one: its summary, not a headline"
CAPITALS = "a rubric line in capitals, not a headline"
STRUCK_OUT = "struck out (~~...~~): left out"
SENTENCE = "a sentence of an article, not a headline"
SENTENCE_WORDS = 16  # a line ending with "." this long is prose: headlines are shorter
# hAtom's and hCalendar's dates: <abbr class="published" title="2024-07-16T14:03:00+02:00">.
MICROFORMAT_DATE = re.compile(r"(?<![\w-])(?:published|updated|dtstart|dtposted)(?![\w-])")
# An outlet's desk as a byline: "The Kyiv Independent news desk", "Суспільне Новини редакція".
STAFF = re.compile(
    r"\s+(?:news ?desk|newsroom|staff|editors|editorial (?:team|board)|редакція|редакция"
    r"|ньюзрум|відділ новин)$",
    re.IGNORECASE,
)
# A video's length under its headline, as a page copied as text shows it.
DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
VIDEO = re.compile(r"(?:watch|video|відео|видео)\b", re.IGNORECASE)
VIDEO_LENGTH = "a video's or a recording's length, not a time"
_AGE = "an age ('3 hrs ago'), not a headline"
# Lines between a headline and the time or link after it, which leave it the last one: its
# byline or count, its summary, a badge ("ВІДЕО"), an author's bare name, a kicker.
NO_WORDS = "no words: not a headline"
_PARAGRAPH = f"a paragraph (over {PARAGRAPH_WORDS} words), not a headline"
# Lines between a headline and what completes it (its time, its link: "Read more (https://..."
BETWEEN = frozenset(
    {
        CREDIT,
        SUMMARY,
        SHORT,
        CAPITALS,
        SENTENCE,
        NO_WORDS,
        _PARAGRAPH,
        SOCIAL_LINE,
        OUTLET_NAME,
        _READ_MORE,
        _PLAYER_LINE,
    }
)
SUMMARY_WORDS = 8
DIGIT = re.compile(r"\d")
WORD_RUN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # a word of letters: "Zelensky's"
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# What reading JSON raises on text that is none: json's errors, and RecursionError where it
# is nested past Python's stack ("[[[[…").
JSON_ERRORS = (ValueError, RecursionError)

# A video's promo as a screen reader says it, copied with its title: "Video, Title, Duration
# 3:12" (the BBC's visually hidden words, in its services' languages).
SPOKEN_PROMO = re.compile(
    r"(?:Video|Видео|Відео|Vídeo|Vidéo|Wideo|ویدیو),\s+(.+?),\s+"
    r"(?:Duration|Продолжительность|Тривалість|Duración|Durée|Czas trwania|مدت)\s+\d+[,:.]\d+"
)
# A rubric's one word over an item ("Svet", "Gospodarstvo").
RUBRIC_WORD = re.compile(r"[^\W\d_]{3,20}")
# A sponsor's line over its paid-for card: "Sponsored by Lockheed Martin".
SPONSOR_LINE = re.compile(
    r"(?:sponsored|presented|paid for|brought to you|supported) by\s+\S.{0,60}$", re.I
)
# A date or time a card shows: a year, "14:05", "9.05".
SHOWN_MOMENT = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b")


def collapse(text: str) -> str:
    # HTML collapses runs of ASCII white space; a non-breaking space stays as written.
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


def headline_like(text: str) -> bool:
    """Whether a link's text reads as a headline: three words or more ("&" is none), not
    "Read more"."""
    return word_count(text) >= 3 and not boilerplate(text)


def undecorated(title: str) -> str:
    """A headline without the emoji a channel or a newsletter puts before it ("🔴 ", "⚡️",
    "🇺🇦 "): decoration, not words. A headline of nothing else keeps them."""
    start = 0
    while start < len(title) and unicodedata.category(title[start]) in _DECORATION:
        start += 1
    rest = title[start:].lstrip()
    return rest if start and WORD.search(rest) else title


# Symbols (emoji, flags' regional letters), their modifiers, joiners and selectors.
_DECORATION = frozenset({"So", "Sk", "Cf", "Mn", "Co"})


def word_count(text: str) -> int:
    """How many words a text has: those spaces part that hold a letter or a figure, and more
    in Chinese and Japanese, written without spaces (`unspaced_words`)."""
    return sum(1 for word in text.split() if WORD.search(word)) + unspaced_words(text)


def unspaced_words(text: str) -> int:
    """The words a text in Chinese or Japanese has beyond those spaces part: a word for
    every two of its characters ("泽连斯基称希望俄罗斯派代表出席": seven, not one)."""
    return sum(
        max(0, len(_HAN_OR_KANA.findall(word)) // 2 - 1)
        for word in text.split()
        if _HAN_OR_KANA.search(word)
    )


_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


URL_IN_TEXT = re.compile(_URL)


# Markup an RSS title may carry, escaped or in CDATA; other angle brackets are text ("<3").
INLINE_TAG = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|br|p|sup|sub|small|mark|q|cite|abbr|font)\b[^<>]*>",
    re.IGNORECASE,
)


def without_name(title: str, name: str) -> str:
    """A title without the outlet's name an aggregator ends it with ("... - Укрінформ")."""
    for separator in (" - ", " – ", " — ", " | "):
        if name and title.endswith(separator + name) and len(title) > len(separator + name):
            return title[: -len(separator + name)].rstrip()
    return title


# An advertisement's label, over it or in its card ("Реклама", "Komerční sdělení": the Czech
# law's "commercial communication").
AD_LABELS = frozenset(
    {"реклама", "advertisement", "sponsored", "спонсоровано", "партнерський матеріал"}
    | {"на правах реклами", "промо", "promoted", "anzeige", "publicité", "reklama"}
    | {"komerční sdělení", "reklamní sdělení", "advertorial", "sponsored content"}
    | {"artykuł sponsorowany", "materiał sponsorowany", "paid post", "paid content"}
    | {"annonse", "annons", "annonce", "mainos", "hirdetés", "reklam", "advertentie"}
    | {"publicidade", "publicidad", "pubblicità", "werbung", "oglas", "оглас", "promo"}
    | {"oglasno sporočilo", "užsakomasis turinys", "reklamă", "publicitate", "hirdetés"}
    | {"sponzorováno", "sponzorované", "sponzorovaný obsah", "sponsorowane", "sponsrad"}
    | {"sponsoreret", "sponset", "gesponsord", "gesponsert", "sponsorisé", "patrocinado"}
    | {"sponsorizzato", "szponzorált", "sponsoroitu", "kaupallinen yhteistyö", "sponsoreeritud"}
    | {"támogatott tartalom", "fizetett hirdetés", "plaćeni oglas", "sponzorirano", "promo sadržaj"}
)
ADVERT = "an advertisement, under its label ('Реклама', 'Advertisement'), not a headline"


def ad_label(text: str) -> bool:
    """Whether a line is an advertisement's label, alone or with its sponsor's name after a
    separator ("Kaupallinen yhteistyö · Fennia", "Sponsored | Lockheed Martin")."""
    return _LABEL_END.split(normalise_word(text).strip(), maxsplit=1)[0] in AD_LABELS


_LABEL_END = re.compile(r"\s+[·|•–—-]\s+|:\s*")  # a label's end: a separator, a colon


# A list of stories the editors turned down, by its name (a Trello list's, a to-do app's).
REJECTED_LIST = re.compile(
    r"відхилен|отклонен|rejected|declined|не публікуємо|не публикуем|не беремо|не берем"
    r"|trash|кошик|корзина",
    re.IGNORECASE,
)
REJECTED = "in a list of stories turned down ('Відхилено'), not a headline"
SUBTASK = "a subtask of another task (its parent's), not a headline"
