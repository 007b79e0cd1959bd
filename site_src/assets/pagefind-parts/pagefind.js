// Pagefind's search API over an index built in parts (see generator/search.py), for PagefindUI,
// which loads this file as its bundle's "pagefind.js" (the search page sets bundlePath here and
// lists the parts' bundle URLs in window.taPagefindParts, the first part first).
//
// Pagefind answers several words with the pages that hold all of them, but it drops a word that
// its index has never seen. So every part also indexes a vocabulary page holding the archive's
// words that its own pages lack: a part without one of the words then matches that page alone.
// This module merges the parts with Pagefind's own mergeIndex and hides the vocabulary pages (and
// their "vocabulary" filter) from results, filters and counts.

const FILTER = "vocabulary";
let settings = {};
let loading = null;

function load() {
  if (!loading) {
    loading = (async () => {
      const bundles = window.taPagefindParts || [];
      const pagefind = await import(bundles[0] + "pagefind.js");
      await pagefind.options(settings);
      const { excerptLength } = settings;
      for (const bundle of bundles.slice(1)) {
        await pagefind.mergeIndex(bundle, excerptLength === undefined ? {} : { excerptLength });
      }
      const pages = await pagefind.search(null, { filters: { [FILTER]: "yes" } });
      return { pagefind, hidden: new Set(pages.results.map((r) => r.id)) };
    })();
  }
  return loading;
}

function withoutVocabulary(filters) {
  if (filters) delete filters[FILTER];
  return filters;
}

function clean(response, hidden) {
  if (!response) return response; // a search superseded by a newer one
  const kept = response.results.filter((r) => !hidden.has(r.id));
  const unfiltered = ((response.totalFilters || {})[FILTER] || {}).yes || 0;
  response.unfilteredResultCount = Math.max(0, response.unfilteredResultCount - unfiltered);
  response.results = kept;
  withoutVocabulary(response.filters);
  withoutVocabulary(response.totalFilters);
  return response;
}

export async function options(newSettings) {
  settings = { ...settings, ...newSettings };
  if (loading) await (await load()).pagefind.options(newSettings);
}

export async function init() {
  await load();
}

export async function search(term, searchOptions = {}) {
  const { pagefind, hidden } = await load();
  return clean(await pagefind.search(term, searchOptions), hidden);
}

export async function debouncedSearch(term, searchOptions = {}, timeout) {
  const { pagefind, hidden } = await load();
  return clean(await pagefind.debouncedSearch(term, searchOptions, timeout), hidden);
}

export async function preload(term, searchOptions = {}) {
  const { pagefind } = await load();
  return pagefind.preload(term, searchOptions);
}

export async function filters() {
  const { pagefind } = await load();
  return withoutVocabulary(await pagefind.filters());
}

export async function mergeIndex(bundle, indexOptions = {}) {
  const { pagefind } = await load();
  return pagefind.mergeIndex(bundle, indexOptions);
}

export async function destroy() {
  if (loading) await (await load()).pagefind.destroy();
  loading = null;
}
