// Pagefind's search API over an index built in parts (see generator/search.py), for PagefindUI,
// which loads this file as its bundle's "pagefind.js": the search page sets bundlePath here and
// lists the parts' bundle URLs in window.taPagefindParts.
//
// The parts are merged with Pagefind's own mergeIndex (one script, one WebAssembly module, one
// worker), each tagged with a filter naming its part. The search page loads this module for an
// index of one part too, for the second point below.
//
// Two differences from Pagefind alone keep a query meaning "the pages holding all its words":
// - Pagefind drops a word that its index has never seen, so a part lacking one of the words
//   would answer with its pages holding the others. Here a part answers only if it holds every
//   word of the query.
// - Where an index has no word beginning like the query's word, Pagefind searches for the
//   longest beginning of it that the index has ("icebreaker" finds every page with "I"; upstream
//   issues #599 and #793). Here a part holds a word only where Pagefind finds the word itself,
//   a word of its stem or, for a word whose stem no page holds, a word it begins (see `held`); a
//   word that no part holds gives no results.
// Which parts hold a word is asked with a filter that matches nothing: Pagefind then counts the
// word's pages per part without scoring them.

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

// A word folded as Pagefind folds it: lower case, no accents, letters and digits only.
function fold(word) {
  return word.toLowerCase().normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "");
}

// Whether a word on a page is one the query's word finds: it begins with it ("sanct" finds
// "sanctions"; a final "y" may stand for "i", as the stemmer has it: "happy", "happiness").
function begins(pageWord, asked) {
  return pageWord.startsWith(asked) || (asked.endsWith("y") && pageWord.startsWith(asked.slice(0, -1) + "i"));
}

// Whether part k holds words that the word begins ("sanct" begins "sanctions"), though not the
// word itself. Pagefind finds a word, the words of its stem ("icebreakers", "icebreaker") and the
// words it begins. But where a part has none of them, it searches for the longest beginning of the
// word that is a word of the part, with no limit: "theocracy" finds every page with "the". So the
// best page the word finds in the part must have a word that begins with it.
async function begun(pagefind, word, k) {
  const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (/[^\p{L}\p{N}]/u.test(core.normalize("NFD").replace(/\p{M}/gu, ""))) {
    return true; // a hyphen or an apostrophe inside: Pagefind splits the word; left as it finds it
  }
  const asked = fold(core);
  const answer = await pagefind.search(word, { filters: { [PART]: k } });
  const best = answer && answer.results[0];
  if (!best) return false;
  const page = await best.data();
  const text = (page.raw_content || page.content || "").split(/[\r\n\s]+/g);
  const seen = page.locations.map((at) => text[at] || "");
  for (const value of Object.values(page.meta || {})) seen.push(...String(value).split(/\s+/));
  return seen.some((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u)].some((part) => begins(fold(part), asked)));
}

// Which parts hold a word (its pages per part), kept for the page's life: a query being typed or
// refined asks again for the words it had.
const holders = new Map();

// The parts that hold a word, with its pages there. The quoted word (Pagefind's exact search,
// which finds the word and the words of its stem, and never a shorter word) answers for nearly
// every word. Only a word whose stem no page holds, a beginning of words or a word no page holds,
// is searched again unquoted, and checked in each part where that finds pages.
async function held(pagefind, word) {
  const exact = await pagefind.search(`"${word}"`, NOTHING).then(perPart);
  const sure = Object.keys(exact).filter((k) => exact[k] > 0);
  if (sure.length) return Object.fromEntries(sure.map((k) => [k, exact[k]]));
  const loose = await pagefind.search(word, NOTHING).then(perPart);
  const parts = Object.keys(loose).filter((k) => loose[k] > 0);
  const found = await Promise.all(parts.map((k) => begun(pagefind, word, k)));
  return Object.fromEntries(parts.filter((_, i) => found[i]).map((k) => [k, loose[k]]));
}

function holding(pagefind, word) {
  const key = word.toLowerCase();
  if (!holders.has(key)) {
    const asked = held(pagefind, word);
    asked.catch(() => holders.delete(key)); // a failed search is asked again next time
    holders.set(key, asked);
  }
  return holders.get(key);
}

// The parts that hold every word of the query (all parts for a query of no words).
async function answering(pagefind, parts, asked) {
  if (!asked.length) return parts;
  const counts = await Promise.all(asked.map((w) => holding(pagefind, w)));
  return parts.filter((k) => counts.every((c) => (c[k] || 0) > 0));
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
  if (!kept.length) {
    // a word that no page holds: no page holds every word of the query
    return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
  }
  const filters = { ...(searchOptions.filters || {}) };
  if (kept.length < parts.length) filters[PART] = { any: kept };
  const answer = await pagefind.search(term, { ...searchOptions, filters });
  if (!answer) return answer;
  if (kept.length < parts.length) {
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
