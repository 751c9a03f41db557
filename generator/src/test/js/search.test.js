// Runs the browser client (themes/default/assets/search.js) against an index built by SearchClientJsTest.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const INDEX = process.env.VITRINA_SEARCH_INDEX;
const FIXTURE = process.env.VITRINA_STEM_FIXTURE;
const search = require(process.env.VITRINA_SEARCH_JS ||
  path.resolve(__dirname, '../../../../themes/default/assets/search.js'));

if (!INDEX || !FIXTURE) {
  throw new Error('run through SearchClientJsTest: VITRINA_SEARCH_INDEX and VITRINA_STEM_FIXTURE are not set');
}

const loaded = [];
const engine = search.createEngine((p) => {
  loaded.push(p);
  return JSON.parse(fs.readFileSync(path.join(INDEX, p), 'utf8'));
});

async function urls(query, options) {
  const r = await engine.search(query, options);
  return Promise.all(r.results.map((h) => engine.fragment(h.doc).then((f) => f.u)));
}

async function stands(query, options) {
  const set = new Set((await urls(query, options)).map((u) => u.split('/')[2]));
  return [...set].sort();
}

test('the JavaScript stemmer agrees with Lucene on every fixture word', () => {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const words = Object.keys(fixture.stems);
  assert.ok(words.length >= 300, 'fixture has ' + words.length + ' words');
  const wrong = words.filter((w) => search.stem(w) !== fixture.stems[w])
    .map((w) => w + ': js ' + search.stem(w) + ', java ' + fixture.stems[w]);
  assert.deepEqual(wrong, []);
  assert.deepEqual([...search.stopWords].sort(), [...fixture.stop].sort());
  assert.deepEqual(search.terms(fixture.text), fixture.terms);
});

test('every inflected form of школа finds the same stands', async () => {
  const expected = await stands('школа');
  assert.ok(expected.includes('shkola-1'));
  for (const form of ['школы', 'школе', 'школой', 'школу', 'школ', 'ШКОЛАМИ']) {
    assert.deepEqual(await stands(form), expected, form);
  }
});

test('a prefix finds the whole word', async () => {
  assert.deepEqual(await stands('педаг'), ['gimnaziya-5']);
});

test('a typo in the middle of a word still finds it', async () => {
  assert.deepEqual(await stands('методка'), ['gimnaziya-5']);
  assert.deepEqual(await stands('гимнозия'), ['gimnaziya-5']);
});

test('ё and е are the same letter', async () => {
  assert.deepEqual(await stands('елочка'), ['licey-7']);
  assert.deepEqual(await stands('ёлочка'), ['licey-7']);
});

test('filters narrow results by region, type and nomination', async () => {
  assert.deepEqual(await stands('школа', { filters: { region: ['23'] } }), ['sad-3', 'shkola-1']);
  assert.deepEqual(await stands('школа', { filters: { type: ['lyceum'] } }), ['licey-7']);
  assert.deepEqual(await stands('школа', { filters: { nomination: ['upbringing'] } }), ['sad-3']);
  assert.deepEqual(await stands('школа', { filters: { region: ['77'] } }), []);
});

test('a quoted phrase must occur as written', async () => {
  assert.deepEqual(await stands('"школа полного дня"'), ['shkola-1']);
  const loose = await stands('школа полного дня');
  assert.ok(loose.includes('sad-3') && loose[0] !== undefined);
  assert.equal((await urls('школа полного дня'))[0], '/stands/shkola-1/');
});

test('a quoted phrase with a word too common to have positions checks the other words\' places', async () => {
  const COMMON = process.env.VITRINA_SEARCH_INDEX_COMMON;
  assert.ok(COMMON, 'VITRINA_SEARCH_INDEX_COMMON is not set');
  const seen = [];
  const e = search.createEngine((p) => { seen.push(p); return JSON.parse(fs.readFileSync(path.join(COMMON, p), 'utf8')); });
  assert.equal((await e.meta()).positionsMaxDf, 3);
  const standsOf = async (q) => {
    const r = await e.search(q);
    const us = await Promise.all(r.results.map((h) => e.fragment(h.doc).then((f) => f.u.split('/')[2])));
    return [...new Set(us)].sort();
  };
  // «полного» is in four documents: it has no positions, but «школа» and «дня» must still be two words apart
  // (the kindergarten has «школе», «полного рабочего дня»: all three words, not the phrase)
  assert.deepEqual(await standsOf('"школа полного дня"'), ['shkola-1']);
  // a common word still has to be in the document
  assert.deepEqual(await standsOf('"лицее полного дня"'), []);
  assert.ok(seen.some((p) => p.startsWith('q/')), 'the phrase loaded positions: ' + seen.join(' '));
  // the positions files loaded hold no common word
  for (const q of seen.filter((p) => p.startsWith('q/'))) {
    const file = JSON.parse(fs.readFileSync(path.join(COMMON, q), 'utf8'));
    assert.ok(!('полн' in file), q + ' has positions of a common word');
  }
});

test('a word found only inside a PDF leads to the material', async () => {
  assert.deepEqual(await urls('квазикристаллы'), ['/stands/shkola-1/files/plan.pdf']);
});

test('names and titles rank above body text', async () => {
  const first = (await urls('гимназия'))[0];
  assert.equal(first, '/stands/gimnaziya-5/');
});

test('photo captions and static pages are searchable', async () => {
  assert.deepEqual(await urls('технопарка'), ['/stands/shkola-1/']);
  assert.deepEqual(await urls('положение конкурса'), ['/about/']);
});

test('highlighting marks the matched words and escapes HTML', async () => {
  const r = await engine.search('школой');
  const html = search.highlight('Наша <b>школа</b> & школьный двор', r.matched);
  assert.equal(html, 'Наша &lt;b&gt;<mark>школа</mark>&lt;/b&gt; &amp; <mark>школьный</mark> двор');
  assert.equal(search.countText(12), 'Найдено: 12 результатов');
  assert.equal(search.countText(21), 'Найдено: 21 результат');
  assert.equal(search.countText(3), 'Найдено: 3 результата');
});

test('results are deterministic and a query loads only the files it needs', async () => {
  assert.deepEqual(await urls('методика'), await urls('методика'));
  const fresh = [];
  const e2 = search.createEngine((p) => { fresh.push(p); return JSON.parse(fs.readFileSync(path.join(INDEX, p))); });
  await e2.search('педагогический');
  const dicts = fresh.filter((p) => p.startsWith('t/'));
  const all = fs.readdirSync(path.join(INDEX, 't'));
  assert.equal(dicts.length, 1, fresh.join(' '));
  assert.ok(all.length > 10);
  assert.ok(!fresh.some((p) => p.startsWith('q/')), 'no positions for a one-word query');
});
