/*
 * Vitrina search: a small, framework-free client for the static index written by SearchIndexBuilder.
 * The analysis (lowercase, ё → е, words of letters and digits, Lucene's Russian stop words, Lucene's
 * RussianLightStemmer) is ported exactly from the Java side; a test checks both agree.
 * In Node it exports the engine (for tests); in a browser it enhances #search-app and the header box.
 */
(function (root) {
  'use strict';

  var STOP = ('а без более больше будет будто бы был была были было быть в вам вас вдруг ведь во вот впрочем все ' +
    'всегда всего всех всю вы где говорил да даже два для до другой его ее ей ему если есть еще ж же жизнь за ' +
    'зачем здесь и из или им иногда их к кажется как какая какой когда конечно кто куда ли лучше между меня мне ' +
    'много может можно мой моя мы на над надо наконец нас не него нее ней нельзя нет ни нибудь никогда ним них ' +
    'ничего но ну о об один он она они опять от перед по под после потом потому почти при про раз разве с сам ' +
    'свою себе себя сегодня сейчас сказал сказала сказать со совсем так такой там тебя тем теперь то тогда того ' +
    'тоже только том тот три тут ты у уж уже хорошо хоть чего человек чем через что чтоб чтобы чуть эти этого ' +
    'этой этом этот эту я').split(' ');
  var STOP_SET = Object.create(null);
  STOP.forEach(function (w) { STOP_SET[w] = true; });

  var WORD = /[\p{L}\p{Nd}]+/gu;

  /** Lowercased words with ё folded to е, stop words included. */
  function words(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) out.push(fold(m[0]));
    return out;
  }

  function fold(word) {
    return word.toLowerCase().replace(/ё/g, 'е');
  }

  function isStopWord(w) { return STOP_SET[w] === true; }

  // Lucene RussianLightStemmer (Dolamic & Savoy), ported line by line.
  var E4 = ['иями', 'оями'];
  var E3 = ['иям', 'иях', 'оях', 'ями', 'оям', 'оьв', 'ами', 'его', 'ему', 'ери', 'ими', 'ого', 'ому', 'ыми',
    'оев'];
  var E2 = ['ая', 'яя', 'ях', 'юю', 'ах', 'ею', 'их', 'ия', 'ию', 'ьв', 'ою', 'ую', 'ям', 'ых', 'ея', 'ам', 'ем',
    'ей', 'ём', 'ев', 'ий', 'им', 'ое', 'ой', 'ом', 'ов', 'ые', 'ый', 'ым', 'ми'];
  var E1 = 'аеиоуйыяь';

  function endsWithAny(s, list) {
    for (var i = 0; i < list.length; i++) if (s.endsWith(list[i])) return true;
    return false;
  }

  function removeCase(s) {
    var len = s.length;
    if (len > 6 && endsWithAny(s, E4)) return s.slice(0, len - 4);
    if (len > 5 && endsWithAny(s, E3)) return s.slice(0, len - 3);
    if (len > 4 && endsWithAny(s, E2)) return s.slice(0, len - 2);
    if (len > 3 && E1.indexOf(s[len - 1]) >= 0) return s.slice(0, len - 1);
    return s;
  }

  function normalize(s) {
    var len = s.length;
    if (len > 3) {
      var c = s[len - 1];
      if (c === 'ь' || c === 'и') return s.slice(0, len - 1);
      if (c === 'н' && s[len - 2] === 'н') return s.slice(0, len - 1);
    }
    return s;
  }

  function stem(word) { return normalize(removeCase(word)); }

  /** Index terms of a text: stems of the words that are not stop words. */
  function terms(text) {
    return words(text).filter(function (w) { return !isStopWord(w); }).map(stem);
  }

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped at max + 1. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /** Splits a query into plain words and "quoted phrases" (each a list of non-stop words). */
  function parseQuery(q) {
    var phrases = [];
    var rest = String(q || '').replace(/["«»„“”]([^"«»„“”]*)["«»„“”]?/g, function (all, inner) {
      var p = words(inner).filter(function (w) { return !isStopWord(w); });
      if (p.length > 1) phrases.push(p.map(stem));
      return ' ' + inner + ' ';
    });
    var ws = words(rest);
    var content = ws.filter(function (w) { return !isStopWord(w); });
    return { words: content.length ? content : [], phrases: phrases };
  }

  // ---------------------------------------------------------------------------------------------------------
  // The engine: loads only the files a query needs, through fetchJson(pathRelativeToIndexBase).

  function createEngine(fetchJson) {
    var cache = Object.create(null);
    var metaPromise = null;

    function load(path) {
      if (!cache[path]) cache[path] = Promise.resolve(fetchJson(path));
      return cache[path];
    }

    function meta() {
      if (!metaPromise) {
        metaPromise = load('index.json').then(function (entry) { return load(entry.meta); }).then(function (m) {
          m.dictKeys = m.dicts.map(function (d) { return d[0]; });
          m.dictFile = Object.create(null);
          m.dicts.forEach(function (d) { m.dictFile[d[0]] = d[1]; });
          return m;
        });
      }
      return metaPromise;
    }

    /** Dictionary chunks that can hold the stem, its prefix extensions or, for typos, its neighbours. */
    function chunkKeys(m, s, fuzzy) {
      var keys = [];
      var best = null;
      m.dictKeys.forEach(function (k) {
        if (s.startsWith(k) && (!best || k.length > best.length)) best = k;
        else if (k.startsWith(s) && s.length >= 2) keys.push(k);
        else if (fuzzy && s.length >= 2 && k.startsWith(s.slice(0, 2))) keys.push(k);
      });
      if (best) keys.unshift(best);
      return keys.slice(0, 12);
    }

    function loadDicts(m, keys) {
      return Promise.all(keys.map(function (k) {
        return load(m.dictFile[k]).then(function (d) { return { key: k, dict: d }; });
      }));
    }

    /** For one query word: the index terms it matches, each with a weight (exact 1, prefix 0.7, typo ≤ 0.5). */
    function matchWord(m, word) {
      var s = stem(word);
      return loadDicts(m, chunkKeys(m, s, false)).then(function (chunks) {
        var found = collect(chunks, s, false);
        var exact = found.some(function (t) { return t.weight === 1; });
        if (exact || found.length > 0 || s.length < 4) return found;
        return loadDicts(m, chunkKeys(m, s, true)).then(function (more) { return collect(more, s, true); });
      }).then(function (found) { return { word: word, stem: s, terms: found }; });
    }

    function collect(chunks, s, fuzzy) {
      var exact = [], prefix = [], typo = [];
      var max = s.length >= 8 ? 2 : 1;
      chunks.forEach(function (c) {
        c.dict.t.forEach(function (e) {
          var t = e[0];
          var entry = { term: t, df: e[1], files: c.dict.g[e[2]] };
          if (t === s) { entry.weight = 1; exact.push(entry); }
          else if (!fuzzy && s.length >= 3 && t.startsWith(s)) { entry.weight = 0.7; prefix.push(entry); }
          else if (fuzzy) {
            var d = distance(s, t, max);
            if (d <= max) { entry.weight = d === 1 ? 0.5 : 0.35; typo.push(entry); }
          }
        });
      });
      var byDf = function (a, b) { return b.df - a.df || (a.term < b.term ? -1 : 1); };
      prefix.sort(byDf);
      typo.sort(byDf);
      return exact.slice(0, 1).concat(prefix.slice(0, 20), typo.slice(0, 8));
    }

    function postings(entry) {
      return load(entry.files[0]).then(function (file) {
        var raw = file[entry.term] || [];
        var docs = [], scores = [], doc = 0;
        for (var i = 0; i < raw.length; i += 2) { doc += raw[i]; docs.push(doc); scores.push(raw[i + 1]); }
        return { docs: docs, scores: scores };
      });
    }

    /**
     * Per document, the term's positions; null for a term too common to have them published (meta.positionsMaxDf):
     * a phrase then only needs it to be in the document.
     */
    function positionsOf(m, entry, docs) {
      if (m.positionsMaxDf !== undefined && entry.df > m.positionsMaxDf) return Promise.resolve(null);
      return load(entry.files[1]).then(function (file) {
        var lists = file[entry.term] || [];
        var byDoc = new Map();
        docs.forEach(function (d, i) {
          var p = 0;
          byDoc.set(d, (lists[i] || []).map(function (delta) { p += delta; return p; }));
        });
        return byDoc;
      });
    }

    function facetDocs(m, filters) {
      var names = Object.keys(filters || {}).filter(function (f) { return filters[f] && filters[f].length; }).sort();
      return Promise.all(names.map(function (f) {
        var values = [].concat(filters[f]);
        var rows = (m.facets[f] || []).filter(function (r) { return values.indexOf(r[0]) >= 0; });
        return Promise.all(rows.map(function (r) { return load(r[3]); })).then(function (lists) {
          var set = new Set();
          lists.forEach(function (l) { var d = 0; l.forEach(function (x) { d += x; set.add(d); }); });
          return set;
        });
      }));
    }

    /** Whether the words occur one after another; a null list (a common word) matches any place. */
    function phraseAt(posLists) {
      var a = 0;
      while (a < posLists.length && !posLists[a]) a++;
      if (a === posLists.length) return true;
      return posLists[a].some(function (p) {
        for (var k = 0; k < posLists.length; k++) {
          if (k !== a && posLists[k] && posLists[k].indexOf(p + k - a) < 0) return false;
        }
        return true;
      });
    }

    /**
     * Runs a query. Returns {total, results: [{doc, score}], matched: [{word, stem, terms}], facets}.
     * options: {filters: {region: [...], type: [...], nomination: [...]}}
     */
    function search(query, options) {
      options = options || {};
      var parsed = parseQuery(query);
      return meta().then(function (m) {
        if (!parsed.words.length) return { total: 0, results: [], matched: [], meta: m };
        return Promise.all(parsed.words.map(function (w) { return matchWord(m, w); })).then(function (matched) {
          return Promise.all(matched.map(function (mw) {
            return Promise.all(mw.terms.map(function (t) {
              return postings(t).then(function (p) { t.postings = p; return t; });
            }));
          })).then(function () { return score(m, parsed, matched, options); });
        });
      });
    }

    function score(m, parsed, matched, options) {
      // Hot loop over every posting of every matched term (50,000 documents for a common word): flat typed
      // arrays per query word instead of an object per document keep it within a few milliseconds.
      var n = matched.length;
      var slot = new Map();
      var docs = [];
      var best = [];
      matched.forEach(function (mw, wi) {
        mw.terms.forEach(function (t) {
          var p = t.postings;
          var w = t.weight;
          for (var i = 0; i < p.docs.length; i++) {
            var d = p.docs[i];
            var k = slot.get(d);
            if (k === undefined) {
              k = docs.length;
              slot.set(d, k);
              docs.push(d);
              for (var j = 0; j < n; j++) best.push(0);
            }
            var s = p.scores[i] * w;
            if (s > best[k * n + wi]) best[k * n + wi] = s;
          }
        });
      });
      var counts = new Int32Array(docs.length);
      var most = 0;
      for (var k = 0; k < docs.length; k++) {
        var c = 0;
        for (var j = 0; j < n; j++) if (best[k * n + j] > 0) c++;
        counts[k] = c;
        if (c > most) most = c;
      }
      var results = [];
      for (var k2 = 0; k2 < docs.length; k2++) {
        if (counts[k2] !== most) continue;
        var total = 0;
        for (var j2 = 0; j2 < n; j2++) total += best[k2 * n + j2];
        results.push({ doc: docs[k2], score: total, count: most });
      }
      return facetDocs(m, options.filters).then(function (sets) {
        results = results.filter(function (e) { return sets.every(function (s) { return s.has(e.doc); }); });
        return proximity(m, parsed, matched, results);
      }).then(function (res) {
        res.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return {
          total: res.length,
          results: res.map(function (e) { return { doc: e.doc, score: Math.round(e.score * 100) / 100 }; }),
          matched: matched.map(function (mw) {
            return { word: mw.word, stem: mw.stem, terms: mw.terms.map(function (t) { return t.term; }) };
          }),
          meta: m
        };
      });
    }

    /** Quoted phrases must occur as written; other multi-word queries rank adjacent words higher. */
    function proximity(m, parsed, matched, results) {
      var phrases = parsed.phrases.slice();
      var required = phrases.length > 0;
      // Unquoted: rank adjacent words higher, but only when positions are cheap to fetch (rarer words).
      var cheap = matched.every(function (mw) {
        return mw.terms.every(function (t) { return t.weight !== 1 || t.postings.docs.length <= 2000; });
      });
      if (!required && matched.length > 1 && cheap) phrases.push(matched.map(function (mw) { return mw.stem; }));
      if (!phrases.length || !results.length) return results;
      var exactTerm = Object.create(null);
      matched.forEach(function (mw) {
        mw.terms.forEach(function (t) { if (t.weight === 1) exactTerm[t.term] = t; });
      });
      var candidates = results.slice().sort(function (a, b) { return b.score - a.score || a.doc - b.doc; })
        .slice(0, 300);
      var candidateDocs = candidates.map(function (e) { return e.doc; });
      return Promise.all(phrases.map(function (stems) {
        if (!stems.every(function (s) { return exactTerm[s]; })) return Promise.resolve(null);
        return Promise.all(stems.map(function (s) {
          return positionsOf(m, exactTerm[s], exactTerm[s].postings.docs);
        })).then(function (maps) {
          var hits = new Set();
          var holders = stems.map(function (s) { return new Set(exactTerm[s].postings.docs); });
          candidateDocs.forEach(function (d) {
            if (!holders.every(function (h) { return h.has(d); })) return;
            var lists = maps.map(function (mp) { return mp ? mp.get(d) : null; });
            if (phraseAt(lists)) hits.add(d);
          });
          return hits;
        });
      })).then(function (hitSets) {
        if (required) {
          return results.filter(function (e) {
            return hitSets.every(function (h) { return h && h.has(e.doc); });
          });
        }
        var h = hitSets[0];
        if (h) results.forEach(function (e) { if (h.has(e.doc)) e.score *= 1.5; });
        return results;
      });
    }

    /**
     * The display data of one document: {u: url, t: title, s: stand, k: kind, x: snippet}. A stand's documents share
     * a fragment file (an array); the directory says which file and place ("d/ab12.json#2"; no place: the first).
     */
    function fragment(doc) {
      return meta().then(function (m) {
        return load(m.fragments[Math.floor(doc / m.fragmentsPer)]).then(function (dir) {
          var at = dir[doc % m.fragmentsPer].split('#');
          return load(at[0]).then(function (file) { return file[at.length > 1 ? +at[1] : 0]; });
        });
      });
    }

    return { search: search, fragment: fragment, meta: meta };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Rendering helpers, shared by the page and the header box.

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Escaped text with the words whose stems the query matched wrapped in <mark>. */
  function highlight(text, matched) {
    var termSet = Object.create(null);
    var prefixes = [];
    (matched || []).forEach(function (mw) {
      mw.terms.forEach(function (t) { termSet[t] = true; });
      if (mw.stem.length >= 3) prefixes.push(mw.stem);
    });
    var out = '', last = 0, m;
    var re = /[\p{L}\p{Nd}]+/gu;
    while ((m = re.exec(text)) !== null) {
      var w = fold(m[0]);
      var s = stem(w);
      var hit = !isStopWord(w) && (termSet[s] || prefixes.some(function (p) { return s.startsWith(p); }));
      if (hit) {
        out += escapeHtml(text.slice(last, m.index)) + '<mark>' + escapeHtml(m[0]) + '</mark>';
        last = m.index + m[0].length;
      }
    }
    return out + escapeHtml(text.slice(last));
  }

  function plural(n, one, few, many) {
    var n10 = n % 10, n100 = n % 100;
    if (n10 === 1 && n100 !== 11) return one;
    if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
    return many;
  }

  function countText(n) {
    return 'Найдено: ' + n + ' ' + plural(n, 'результат', 'результата', 'результатов');
  }

  var api = {
    words: words, stem: stem, terms: terms, isStopWord: isStopWord, stopWords: STOP, distance: distance,
    parseQuery: parseQuery, createEngine: createEngine, highlight: highlight, escapeHtml: escapeHtml,
    countText: countText
  };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  }
  root.VitrinaSearch = api;
  if (typeof document === 'undefined') return;

  // ---------------------------------------------------------------------------------------------------------
  // Browser UI.

  var FACET_TITLES = { region: 'Регион', type: 'Тип организации', nomination: 'Номинация' };
  var engines = Object.create(null);

  function engineFor(base) {
    if (!engines[base]) {
      engines[base] = createEngine(function (path) {
        return fetch(base + path).then(function (r) {
          if (!r.ok) throw new Error('search index: ' + r.status + ' ' + path);
          return r.json();
        });
      });
    }
    return engines[base];
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  /** Arrow keys move between the input and the result links; Escape returns to the input. */
  function keyboard(input, list, onEscape) {
    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
    function move(from, step) {
      var ls = links();
      if (!ls.length) return;
      var i = ls.indexOf(from);
      var next = i + step;
      if (next < 0) { input.focus(); return; }
      ls[Math.min(next, ls.length - 1)].focus();
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(null, 1); }
      else if (e.key === 'Escape' && onEscape) onEscape();
    });
    list.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(document.activeElement, 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(document.activeElement, -1); }
      else if (e.key === 'Escape') { input.focus(); if (onEscape) onEscape(); }
    });
  }

  function resultItem(f, matched, id) {
    var li = el('li', { 'class': 'search-result', id: id });
    var a = el('a', { href: f.u, 'class': 'search-result__link' });
    var title = el('span', { 'class': 'search-result__title' });
    title.innerHTML = highlight(f.t, matched);
    a.appendChild(title);
    li.appendChild(a);
    if (f.k === 'material') li.appendChild(el('span', { 'class': 'search-result__kind' }, 'Материал'));
    if (f.x) {
      var p = el('p', { 'class': 'search-result__snippet' });
      p.innerHTML = highlight(f.x, matched);
      li.appendChild(p);
    }
    return li;
  }

  function initPage(app) {
    var base = app.getAttribute('data-index-base') || '/search/';
    var engine = engineFor(base);
    var params = new URLSearchParams(location.search);
    app.textContent = '';
    var form = el('form', { 'class': 'search-app__form', role: 'search', action: location.pathname });
    var label = el('label', { 'for': 'search-app-q', 'class': 'visually-hidden' }, 'Что искать');
    var input = el('input', {
      type: 'search', id: 'search-app-q', name: 'q', autocomplete: 'off', 'aria-controls': 'search-app-results',
      placeholder: 'Например: школа полного дня, методика, гимназия'
    });
    input.value = params.get('q') || '';
    form.appendChild(label);
    form.appendChild(input);
    var filters = el('div', { 'class': 'search-app__filters' });
    form.appendChild(filters);
    var status = el('p', { 'class': 'search-app__status', role: 'status', 'aria-live': 'polite' });
    var list = el('ol', { 'class': 'search-app__results', id: 'search-app-results', 'aria-label': 'Результаты поиска' });
    app.appendChild(form);
    app.appendChild(status);
    app.appendChild(list);
    var selects = {};
    var seq = 0;

    engine.meta().then(function (m) {
      Object.keys(FACET_TITLES).forEach(function (f) {
        var rows = m.facets[f] || [];
        if (!rows.length) return;
        var id = 'search-filter-' + f;
        var wrap = el('span', { 'class': 'search-app__filter' });
        wrap.appendChild(el('label', { 'for': id }, FACET_TITLES[f]));
        var sel = el('select', { id: id, name: f });
        sel.appendChild(el('option', { value: '' }, 'Все'));
        rows.slice().sort(function (a, b) { return a[1].localeCompare(b[1], 'ru'); }).forEach(function (r) {
          sel.appendChild(el('option', { value: r[0] }, r[1] + ' (' + r[2] + ')'));
        });
        sel.value = params.get(f) || '';
        sel.addEventListener('change', run);
        selects[f] = sel;
        wrap.appendChild(sel);
        filters.appendChild(wrap);
      });
      run();
    }).catch(function () { status.textContent = 'Не удалось загрузить поисковый индекс. Обновите страницу.'; });

    function currentFilters() {
      var out = {};
      Object.keys(selects).forEach(function (f) { if (selects[f].value) out[f] = [selects[f].value]; });
      return out;
    }

    function updateUrl() {
      var p = new URLSearchParams();
      if (input.value.trim()) p.set('q', input.value.trim());
      var fs = currentFilters();
      Object.keys(fs).forEach(function (f) { p.set(f, fs[f][0]); });
      var qs = p.toString();
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
    }

    function run() {
      var mine = ++seq;
      var q = input.value;
      updateUrl();
      if (!q.trim()) { list.textContent = ''; status.textContent = ''; return; }
      engine.search(q, { filters: currentFilters() }).then(function (r) {
        var top = r.results.slice(0, 30);
        return Promise.all(top.map(function (h) { return engine.fragment(h.doc); })).then(function (frags) {
          if (mine !== seq) return;
          var t0 = performance.now();
          list.textContent = '';
          if (!r.total) {
            status.textContent = '';
            var p = el('p', {}, 'Ничего не найдено. Попробуйте другое слово или откройте ');
            p.appendChild(el('a', { href: '/catalog/' }, 'каталог'));
            status.appendChild(p);
          } else {
            status.textContent = countText(r.total);
          }
          frags.forEach(function (f, i) { list.appendChild(resultItem(f, r.matched, 'search-result-' + i)); });
          app.setAttribute('data-render-ms', String(Math.round((performance.now() - t0) * 10) / 10));
        });
      }).catch(function () { if (mine === seq) status.textContent = 'Поиск временно недоступен.'; });
    }

    input.addEventListener('input', debounce(run, 120));
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    keyboard(input, list, null);
  }

  function initHeader(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return;
    var base = (form.getAttribute('action') || '/search/').replace(/[^/]*$/, '');
    var list = el('ul', { 'class': 'site-search__suggest', id: 'site-search-suggest', 'aria-label': 'Подсказки поиска',
      hidden: '' });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', 'site-search-suggest');
    input.setAttribute('aria-expanded', 'false');
    form.appendChild(list);
    var seq = 0;
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
    function run() {
      var mine = ++seq;
      var q = input.value;
      if (!q.trim()) { close(); return; }
      var engine = engineFor(base);
      engine.search(q).then(function (r) {
        return Promise.all(r.results.slice(0, 5).map(function (h) { return engine.fragment(h.doc); }))
          .then(function (frags) {
            if (mine !== seq) return;
            list.textContent = '';
            frags.forEach(function (f) {
              var li = el('li');
              var a = el('a', { href: f.u });
              a.innerHTML = highlight(f.t, r.matched);
              li.appendChild(a);
              list.appendChild(li);
            });
            var all = el('li', { 'class': 'site-search__all' });
            all.appendChild(el('a', { href: base + '?q=' + encodeURIComponent(q) },
              r.total ? 'Все результаты (' + r.total + ')' : 'Ничего не найдено — открыть поиск'));
            list.appendChild(all);
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
          });
      }).catch(close);
    }
    input.addEventListener('input', debounce(run, 150));
    keyboard(input, list, close);
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) close(); });
  }

  function init() {
    var app = document.getElementById('search-app');
    if (app) initPage(app);
    Array.prototype.forEach.call(document.querySelectorAll('form.site-search'), initHeader);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})(typeof window !== 'undefined' ? window : globalThis);
