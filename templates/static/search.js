// The search page: Pagefind's index, made at build time, searched in the browser. Results
// link to the headline on its day page and to the article. Works offline once cached.
const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let pagefind = null;

async function load() {
  if (!pagefind) {
    const bundle = form.dataset.bundle;
    pagefind = await import(bundle + "pagefind.js");
    await pagefind.options({ basePath: bundle, excerptLength: 24 });
  }
  return pagefind;
}

function element(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

function excerpt(html) {
  // Pagefind escapes the indexed text and marks hits with <mark>; keep only those.
  const p = element("p", { class: "note" });
  const parts = html.split(/(<mark>.*?<\/mark>)/);
  for (const part of parts) {
    const hit = part.match(/^<mark>(.*)<\/mark>$/);
    const text = new DOMParser().parseFromString(hit ? hit[1] : part, "text/html").body.textContent;
    p.append(hit ? element("mark", {}, text) : document.createTextNode(text));
  }
  return p;
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  let found;
  try {
    const search = await (await load()).debouncedSearch(query, {}, 150);
    if (search === null || ticket !== latest) return;
    found = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  } catch (error) {
    status.textContent = status.dataset.offline;
    return;
  }
  if (ticket !== latest) return;
  status.textContent = found.length ? `${status.dataset.found} ${found.length}` : status.dataset.none;
  for (const result of found) {
    const meta = result.meta;
    const item = element("li", { class: "headline" });
    const title = element("p", { class: "headline-title" });
    title.append(element("a", { href: meta.article || meta.day }, meta.title));
    const about = element("p", { class: "headline-meta" });
    if (meta.source) about.append(meta.source + " · ");
    about.append(element("a", { href: meta.day }, status.dataset.day.replace("{date}", meta.date)));
    item.append(title, about, excerpt(result.excerpt));
    list.append(item);
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
