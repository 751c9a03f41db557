// Everyday Russian queries against the search index of the real demo build (run by DemoSearchTest).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const INDEX = process.env.VITRINA_DEMO_SEARCH;
if (!INDEX) {
  throw new Error('run through DemoSearchTest: VITRINA_DEMO_SEARCH is not set');
}
const search = require(process.env.VITRINA_SEARCH_JS);
const engine = search.createEngine((p) => JSON.parse(fs.readFileSync(path.join(INDEX, p), 'utf8')));

async function hits(query, options) {
  const r = await engine.search(query, options);
  return Promise.all(r.results.map((h) => engine.fragment(h.doc)));
}
async function stands(query, options) {
  return [...new Set((await hits(query, options)).map((f) => f.u.split('/')[2]))].sort();
}

test('inflected forms of «школа» find the same stands, schools among them', async () => {
  const base = await stands('школа');
  for (const id of ['sochi-school-12', 'kazan-school-5', 'tyumen-lugovskaya-school']) {
    assert.ok(base.includes(id), id + ' in ' + base);
  }
  for (const form of ['школы', 'школе', 'школой', 'школу', 'школами']) {
    assert.deepEqual(await stands(form), base, form);
  }
});

test('every form of «олимпиада» finds the same stands', async () => {
  const base = await stands('олимпиада');
  assert.ok(base.length > 0);
  for (const form of ['олимпиады', 'олимпиаде', 'олимпиадой', 'олимпиад']) {
    assert.deepEqual(await stands(form), base, form);
  }
});

test('a typo still finds the gymnasiums', async () => {
  const found = await stands('гимнозия');
  assert.ok(found.includes('vladimir-gymnasium-41') && found.includes('kaliningrad-gymnasium-22'), found.join());
  assert.ok((await stands('методка')).length > 0);
});

test('a prefix finds the pedagogical university', async () => {
  assert.ok((await stands('педаг')).includes('vladivostok-pedagogical-university'));
});

test('ё and е find the kindergarten «Ёлочка»', async () => {
  assert.ok((await stands('ёлочка')).includes('ekaterinburg-kindergarten-yolochka'));
  assert.deepEqual(await stands('елочка'), await stands('ёлочка'));
});

test('a word that only occurs inside a PDF leads to that material', async () => {
  const found = await hits('стратостат');
  assert.ok(found.length > 0, 'no hit for стратостат');
  assert.match(found[0].u, /^\/stands\/novosibirsk-lyceum-176\/files\/.+\.pdf/);
});

test('the region filter keeps only that region', async () => {
  const found = await stands('школа', { filters: { region: ['23'] } });
  assert.deepEqual(found, ['sochi-school-12']);
});

test('the organization name ranks the stand first', async () => {
  const first = (await hits('Созвездие'))[0];
  assert.match(first.u, /^\/stands\/ufa-ddt-sozvezdie\//);
});
