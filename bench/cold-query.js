// Simulates cold first queries against a built index: counts the bytes a browser with an empty cache would
// transfer (search.js + index.json + meta + needed dictionary/postings files + 5 result fragments), checks that
// every inflected form finds the same pages, and times result rendering once the data has arrived.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [, , dir, searchJs] = process.argv;
const search = require(path.resolve(searchJs));
const index = path.join(dir, 'search');
const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
const jsBytes = fs.statSync(searchJs).size;

async function cold(query) {
  let bytes = jsBytes;
  const engine = search.createEngine((p) => {
    const buf = fs.readFileSync(path.join(index, p));
    bytes += buf.length;
    return JSON.parse(buf.toString('utf8'));
  });
  const r = await engine.search(query);
  const top = r.results.slice(0, 5);
  const frags = await Promise.all(top.map((h) => engine.fragment(h.doc)));
  const t0 = process.hrtime.bigint();
  const again = await engine.search(query);
  const html = frags.map((f) => search.highlight(f.t, again.matched) + search.highlight(f.x, again.matched));
  const renderMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { bytes, total: r.total, docs: r.results.map((h) => h.doc), renderMs, html };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kib = (b) => (b / 1024).toFixed(1) + ' KiB';

(async () => {
  const queries = ['школа', 'олимпиадой', 'методика', 'педагогический', 'проектная работа', 'технопарк',
    'воспитание', 'экология', 'конкурсы', 'учителей', 'робототехника', 'музей', 'наставник', 'исследовательские',
    'цифровая платформа', 'здоровье', 'выпускник', 'волонтёр', 'экскурсия', 'методка', 'гимназия'];
  const rows = [];
  for (const q of queries) {
    const r = await cold(q);
    rows.push(r);
    console.log(`  ${q.padEnd(20)} ${kib(r.bytes).padStart(11)}  ${String(r.total).padStart(6)} results  render ${r.renderMs.toFixed(1)} ms`);
  }
  const bytes = rows.map((r) => r.bytes);
  console.log(`cold first query: median ${kib(median(bytes))}, worst ${kib(Math.max(...bytes))}`);
  console.log(`render after data arrived: median ${median(rows.map((r) => r.renderMs)).toFixed(1)} ms, worst ${Math.max(...rows.map((r) => r.renderMs)).toFixed(1)} ms`);
  // quoted phrases need word positions; a word on more than meta.positionsMaxDf pages has none published
  for (const q of ['"проектная работа"', '"школа полного дня"', '"цифровая платформа"']) {
    const r = await cold(q);
    console.log(`  ${q.padEnd(20)} ${kib(r.bytes).padStart(11)}  ${String(r.total).padStart(6)} results (quoted phrase)`);
  }
  const forms = {
    'олимпиад': ['олимпиада', 'олимпиады', 'олимпиаде', 'олимпиаду', 'олимпиадой', 'олимпиадам', 'олимпиадами', 'олимпиадах'],
    'школ': ['школа', 'школы', 'школе', 'школу', 'школой', 'школам', 'школами', 'школах'],
    'методик': ['методика', 'методики', 'методике', 'методику', 'методикой', 'методикам', 'методиках']
  };
  for (const lemma of Object.keys(forms)) {
    const want = new Set(truth[lemma]);
    const recalls = [];
    for (const f of forms[lemma]) {
      const r = await cold(f);
      const got = new Set(r.docs);
      let hit = 0;
      want.forEach((d) => { if (got.has(d)) hit++; });
      recalls.push(`${f} ${(100 * hit / Math.max(1, want.size)).toFixed(0)}%`);
    }
    console.log(`recall of any form of «${lemma}…» (${want.size} pages): ${recalls.join(', ')}`);
  }
})();
