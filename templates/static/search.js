// The search page: Pagefind's index, made at build time, searched in the browser. Each
// result is a day; under it, the headlines of that day that match (Pagefind's sub-results),
// each linking to the article and to the headline on its day page. Works offline once cached.
// The index is two bundles: the newest year's (data-bundle) and, when the digest spans more
// years, the earlier days' (data-archive), merged into it. Pagefind then searches both and
// orders the results of both by score, the newest year's first among equals. Offline, the
// service worker may hold the newest year's bundle only (a first visit stores little):
// then that year is searched alone, and the status says so (data-partial).
const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const options = { basePath: form.dataset.bundle, excerptLength: 24 };
let pagefind = null;
let starting = null;
let merged = !form.dataset.archive;
let merging = null;

// A bundle that cannot load breaks every search it is merged into (Pagefind keeps its
// error): offline, it is merged only if the service worker holds its entry file, and after
// a failed merge Pagefind starts afresh; the next search tries again. Merged once only:
// Pagefind would search a bundle merged twice twice.
async function mergeArchive() {
  const archive = form.dataset.archive;
  if (!navigator.onLine) {
    try {
      if (!(await fetch(archive + "pagefind-entry.json")).ok) return false;
    } catch (error) {
      return false;  // not stored
    }
  }
  try {
    await pagefind.mergeIndex(archive, { excerptLength: 24 });
    return true;
  } catch (error) {
    await pagefind.destroy();
    await pagefind.options(options);
    return false;
  }
}

async function start() {
  const module = await import(form.dataset.bundle + "pagefind.js");
  await module.options(options);
  module.init();  // starts loading the index's program and metadata
  return module;
}

async function load() {
  if (!pagefind) {
    starting = starting || start().finally(() => { starting = null; });
    pagefind = await starting;
  }
  if (!merged) {
    merging = merging || mergeArchive().finally(() => { merging = null; });
    merged = (await merging) || merged;
  }
  return pagefind;
}

function element(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

const decoder = document.createElement("textarea");

function excerpt(html) {
  // Pagefind escapes the indexed text and marks hits with <mark>; keep only those. A
  // result does not say its language: the browser reads its direction off the text.
  const p = element("p", { class: "note", dir: "auto" });
  const parts = html.split(/(<mark>.*?<\/mark>)/);
  for (const part of parts) {
    const hit = part.match(/^<mark>(.*)<\/mark>$/);
    decoder.innerHTML = hit ? hit[1] : part;  // a <textarea> only decodes; nothing runs
    const text = decoder.value;
    p.append(hit ? element("mark", {}, text) : document.createTextNode(text));
  }
  return p;
}

// A headline's heading in the index has the id "anchor|article", the article's address
// percent-encoded where it had to be (search.py's heading_id): every "%" in it is ours.
function splitHeading(id) {
  const bar = id.indexOf("|");
  if (bar < 0) return { anchor: id, article: "", language: "", label: "" };
  // "anchor.uk|article": the article is in another language than the site's (search.py);
  // "anchor~disinformation|article", "anchor.uk~opinion|article": the headline's label
  const [head, label = ""] = id.slice(0, bar).split("~");
  const [anchor, language = ""] = head.split(".");
  return { anchor, article: decodeURIComponent(id.slice(bar + 1)), language: decodeURIComponent(language), label };
}

// A label's name, as the pages write it (search.html: data-label-disinformation, …); a
// disinformation link is not followed by search engines, and set lighter (style.css).
function labelled(title, label) {
  const name = label && status.dataset["label" + label[0].toUpperCase() + label.slice(1)];
  if (!name) return;
  // (its own dir: the title's dir="auto" then goes by the headline's words, not the label's)
  const badge = element("span", { class: "label label-" + label, dir: "auto" }, name);
  badge.append(element("span", { class: "visually-hidden" }, ":"));
  title.append(badge, " ");
}

// "in Ukrainian" as the headline's page says it, the language named in the interface's
// (CLDR's names, as the pages have them); nothing where the browser cannot name it.
const languageNames = typeof Intl.DisplayNames === "function"
  ? new Intl.DisplayNames([status.dataset.interface || "en"], { type: "language" }) : null;
function inLanguage(code) {
  if (!code || !languageNames) return "";
  try {
    return status.dataset.language.replace("{language}", languageNames.of(code));
  } catch {
    return "";
  }
}

// A word of the query that no word of the index begins, Pagefind matches with the longest
// word of the index that begins it: "inspect" found every day with "in", "зброя" every
// day with "з". Where that word is most of the query's ("обстріл" for "обстрілу", "F-16"
// for "F-16s") it is kept; a shorter one matched nothing the reader asked for. Such a word
// stands for every match of its query word: if the best day's marks are all such words,
// nothing matched.
function queryWords(query) {
  return query.toLowerCase().split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ""));
}

function fellShort(excerpts, words) {
  const marks = [...excerpts.join(" ").matchAll(/<mark>(.*?)<\/mark>/g)].map((m) =>
    m[1].toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
  return marks.length > 0 && marks.every((mark) => words.some((word) => word.startsWith(mark)
    && word.length - mark.length > 1 && (mark.length < 4 || 3 * mark.length < 2 * word.length)));
}

function dayResult(result, words) {
  const meta = result.meta;
  const item = element("li", { class: "day-group" });
  const heading = element("h2", {});
  heading.append(element("a", { href: meta.day }, meta.title));
  item.append(heading);
  const headlines = element("ol", { class: "headlines" });
  for (const sub of result.sub_results) {
    const hash = sub.url.indexOf("#");
    const { anchor, article, language, label } = splitHeading(hash < 0 ? "" : sub.url.slice(hash + 1));
    if (!article) {  // the day's own text: its title, summary or commentary
      if (result.sub_results.length === 1) item.append(excerpt(sub.excerpt));
      continue;
    }
    if (fellShort([sub.excerpt], words)) continue;  // a headline with a word like "in" only
    const entry = element("li", { class: label ? "headline is-" + label : "headline" });
    const title = element("p", { class: "headline-title", dir: "auto" });
    labelled(title, label);
    const follow = label === "disinformation" ? { rel: "nofollow" } : {};
    title.append(element("a", { href: article, ...follow }, sub.title));
    const about = element("p", { class: "headline-meta" });
    about.append(element("a", { href: meta.day + "#" + anchor }, status.dataset.day.replace("{date}", meta.date)));
    const said = inLanguage(language);
    if (said) about.append(" · ", element("span", {}, said));
    entry.append(title, about, excerpt(sub.excerpt));
    headlines.append(entry);
  }
  if (headlines.children.length) item.append(headlines);
  return item;
}

// The query as the index has its words: letters that look like an apostrophe as one (as
// search.py writes the records), and a Latin i in a Cyrillic word as Ukrainian's і, which
// a Russian keyboard layout lacks ("Запорiжжя" typed so finds "Запоріжжя").
function asIndexed(query) {
  return query.replace(/[\u02b9-\u02bd]/g, "\u2019").replace(/[\p{L}\u2019']+/gu, (word) =>
    /\p{Script=Cyrillic}/u.test(word) ? word.replace(/i/g, "\u0456").replace(/I/g, "\u0406") : word);
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  let pending, total;
  const asked = asIndexed(query);
  const words = queryWords(asked);
  try {
    const search = await (await load()).debouncedSearch(asked, {}, 150);
    if (search === null || ticket !== latest) return;
    total = search.results.length;
    // The days' excerpts are fetched together and shown in order as they come: on a slow
    // connection the first days show before the twentieth has arrived. (null: it failed.)
    pending = search.results.slice(0, 20).map((r) => r.data().catch(() => null));
    const best = total ? await pending[0] : null;
    if (ticket !== latest) return;
    if (best && fellShort([best.excerpt, ...best.sub_results.map((s) => s.excerpt)], words)) {
      total = 0;
      pending = [];
    }
  } catch (error) {
    status.textContent = status.dataset.offline;
    return;
  }
  const days = total.toLocaleString(document.documentElement.lang || undefined); // "1,024"
  status.textContent = total ? status.dataset.found.replace("{days}", days) : status.dataset.none;
  if (!merged) status.textContent += " " + form.dataset.partial;
  for (const next of pending) {
    const result = await next;
    if (ticket !== latest) return;
    if (result === null) {
      status.textContent = status.dataset.offline;
      return;
    }
    list.append(dayResult(result, words));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value;
  history.replaceState(null, "", "?q=" + encodeURIComponent(query));
  run(query);
});
input.addEventListener("input", () => run(input.value));
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(initial); }
// Loaded while the reader types, not after: on a slow connection the index's program and
// metadata take seconds. A failure here is met again, and told, at the first search.
else load().catch(() => {});
