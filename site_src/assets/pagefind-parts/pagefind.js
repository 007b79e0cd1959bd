// Pagefind's search API over an index built in parts (see generator/search.py), for PagefindUI,
// which loads this file as its bundle's "pagefind.js": the search page sets bundlePath here and
// lists the parts' bundle URLs in window.taPagefindParts.
//
// The parts are merged with Pagefind's own mergeIndex (one script, one WebAssembly module, one
// worker), each tagged with a filter naming its part. One difference keeps several words meaning
// "the pages holding all of them": Pagefind drops a word that its index has never seen, so a part
// lacking one of the words would answer with its pages holding the others. Here a part answers
// only if it holds every word of the query that some part holds; a word that no part holds is
// dropped, as one index would drop it. Which parts hold a word is asked with a filter that
// matches nothing: Pagefind then counts the word's pages per part without scoring them.

const PART = "ta-part";
const NOTHING = { filters: { "ta-no-such-filter": "none" } };
let settings = {};
let loading = null;
let latest = 0;

function load() {
  if (!loading) {
    loading = (async () => {
      const bundles = window.taPagefindParts || [];
      const pagefind = await import(bundles[0] + "pagefind.js");
      await pagefind.options({ ...settings, mergeFilter: { [PART]: "0" } });
      const { excerptLength } = settings;
      // the parts' entries and metadata are fetched at once, not one part after another
      await Promise.all(bundles.slice(1).map((bundle, k) => pagefind.mergeIndex(bundle, {
        mergeFilter: { [PART]: String(k + 1) }, ...(excerptLength === undefined ? {} : { excerptLength }),
      })));
      return { pagefind, parts: bundles.map((_, k) => String(k)) };
    })();
  }
  return loading;
}

// The query's words, as Pagefind's own query would split them (quotes and punctuation aside).
function words(term) {
  return [...new Set(term.replace(/"/g, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))];
}

// An answer's pages per part, whatever filters the search had.
function perPart(answer) {
  return ((answer || {}).totalFilters || {})[PART] || {};
}

// Which parts hold a word (its pages per part), kept for the page's life: a query being typed or
// refined asks again for the words it had.
const holders = new Map();

function holding(pagefind, word) {
  const key = word.toLowerCase();
  if (!holders.has(key)) {
    const asked = pagefind.search(word, NOTHING).then(perPart);
    asked.catch(() => holders.delete(key)); // a failed search is asked again next time
    holders.set(key, asked);
  }
  return holders.get(key);
}

async function answering(pagefind, parts, asked) {
  if (asked.length < 2) return null; // every part answers
  const held = await Promise.all(asked.map((w) => holding(pagefind, w)));
  const known = held.filter((counts) => Object.values(counts).some((n) => n > 0));
  return parts.filter((k) => known.every((counts) => (counts[k] || 0) > 0));
}

function withoutParts(filters) {
  if (filters) delete filters[PART];
  return filters;
}

export async function options(newSettings) {
  settings = { ...settings, ...newSettings };
  if (loading) await (await load()).pagefind.options(newSettings);
}

export async function init() {
  await load();
}

export async function search(term, searchOptions = {}) {
  const { pagefind, parts } = await load();
  const asked = term === null ? [] : words(term);
  const kept = await answering(pagefind, parts, asked);
  const filters = { ...(searchOptions.filters || {}) };
  if (kept !== null) filters[PART] = { any: kept.length ? kept : ["none"] };
  const answer = await pagefind.search(term, { ...searchOptions, filters });
  if (!answer) return answer;
  if (asked.length === 1 && !term.includes('"') && !holders.has(asked[0].toLowerCase())) {
    // a one-word answer counts the word's pages per part (without the reader's filters) for free;
    // not a quoted one, which matches the word exactly where the check above also takes longer
    // words it begins ("sanct" finds "sanctions")
    holders.set(asked[0].toLowerCase(), Promise.resolve({ ...perPart(answer) }));
  }
  if (kept !== null) {
    const counts = perPart(answer);
    answer.unfilteredResultCount = kept.reduce((n, k) => n + (counts[k] || 0), 0);
  }
  withoutParts(answer.filters);
  withoutParts(answer.totalFilters);
  return answer;
}

export async function debouncedSearch(term, searchOptions = {}, timeout = 300) {
  const mine = ++latest;
  await new Promise((resolve) => setTimeout(resolve, timeout));
  if (mine !== latest) return null; // a newer search came in meanwhile
  const answer = await search(term, searchOptions);
  return mine === latest ? answer : null;
}

export async function preload(term, searchOptions = {}) {
  return (await load()).pagefind.preload(term, searchOptions);
}

export async function filters() {
  return withoutParts(await (await load()).pagefind.filters());
}

export async function destroy() {
  if (loading) await (await load()).pagefind.destroy();
  loading = null;
  holders.clear();
}
