// Pagefind's search API over an index built in parts (see generator/search.py), for PagefindUI,
// which loads this file as its bundle's "pagefind.js": the search page sets bundlePath here and
// lists the parts' bundle URLs in window.taPagefindParts.
//
// Each part is its own Pagefind instance (its own module and worker). Results, filter counts and
// totals are merged the way Pagefind's own mergeIndex merges them, with one difference that keeps
// several words meaning "the pages holding all of them". Pagefind drops a word that its index has
// never seen, so a part lacking one of the words would answer with its pages holding the others.
// Here a part answers only if it holds every word of the query that some part holds; a word that
// no part holds is dropped, as one index would drop it. Whether a part holds a word is asked with
// a filter that matches nothing: Pagefind then counts the word's pages without scoring them.

const NOTHING = { filters: { "ta-no-such-filter": "none" } };
let settings = {};
let loading = null;
let latest = 0;

function load() {
  if (!loading) {
    loading = Promise.all((window.taPagefindParts || []).map(async (bundle) => {
      const part = await import(bundle + "pagefind.js");
      await part.options(settings);
      return part;
    }));
  }
  return loading;
}

function sum(into, counts) {
  for (const [name, values] of Object.entries(counts || {})) {
    into[name] = into[name] || {};
    for (const [value, n] of Object.entries(values)) into[name][value] = (into[name][value] || 0) + n;
  }
  return into;
}

// The query's words, as Pagefind's own query would split them (quotes and punctuation aside).
function words(term) {
  return [...new Set(term.replace(/"/g, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))];
}

async function answering(parts, term) {
  const asked = term === null ? [] : words(term);
  if (asked.length < 2) return parts;
  const holds = await Promise.all(parts.map((part) =>
    Promise.all(asked.map(async (w) => (await part.search(w, NOTHING)).unfilteredResultCount > 0))));
  const known = asked.map((_, i) => holds.some((h) => h[i]));
  return parts.filter((_, k) => known.every((isKnown, i) => !isKnown || holds[k][i]));
}

export async function options(newSettings) {
  settings = { ...settings, ...newSettings };
  if (loading) await Promise.all((await load()).map((part) => part.options(newSettings)));
}

export async function init() {
  await load();
}

export async function search(term, searchOptions = {}) {
  const parts = await answering(await load(), term);
  const answers = await Promise.all(parts.map((part) => part.search(term, searchOptions)));
  return {
    results: answers.flatMap((a) => a.results).sort((a, b) => b.score - a.score),
    unfilteredResultCount: answers.reduce((n, a) => n + a.unfilteredResultCount, 0),
    filters: answers.reduce((f, a) => sum(f, a.filters), {}),
    totalFilters: answers.reduce((f, a) => sum(f, a.totalFilters), {}),
    timings: answers.map((a) => a.timings),
  };
}

export async function debouncedSearch(term, searchOptions = {}, timeout = 300) {
  const mine = ++latest;
  await new Promise((resolve) => setTimeout(resolve, timeout));
  if (mine !== latest) return null; // a newer search came in meanwhile
  const answer = await search(term, searchOptions);
  return mine === latest ? answer : null;
}

export async function preload(term, searchOptions = {}) {
  await Promise.all((await load()).map((part) => part.preload(term, searchOptions)));
}

export async function filters() {
  return (await Promise.all((await load()).map((part) => part.filters()))).reduce(sum, {});
}

export async function destroy() {
  if (loading) await Promise.all((await load()).map((part) => part.destroy()));
  loading = null;
}
