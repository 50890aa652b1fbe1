// The workbench: picks what to estimate, draws the views, explains numbers, and follows the server's
// reloads (it polls /api/health; a new version redraws the view, a reload error shows the banner while
// the last good numbers stay).

import { ApiError, getJson, readState, selectionQuery, writeState } from './api.js';
import { el, setUnitStyles } from './format.js';
import { renderRule, renderTree, ruleLines } from './tree.js';
import { renderCompare, renderEstimate, renderValidation } from './views.js';

const $ = id => document.getElementById(id);
const state = readState();
let catalog = null;
let shownVersion = null;   // the version of the numbers on screen
let triedVersion = null;   // the last new version the page redrew for
let busy = 0;

function setStatus(text) { $('status').textContent = text; }

function showProblem(e) {
  const box = $('problem');
  if (!e) { box.hidden = true; box.textContent = ''; return; }
  const b = e instanceof ApiError ? e.body : {};
  box.textContent = (b.parameter ? `${b.parameter}${b.value ? ` = ${b.value}` : ''}: ` : '') + (b.lines ? b.lines.join('\n') : e.message);
  box.hidden = false;
}

function fillSelect(select, items, label, chosen, withDefault) {
  const options = items.map(i => el('option', { value: i.id }, label(i)));
  if (withDefault) options.unshift(el('option', { value: '' }, withDefault));
  select.replaceChildren(...options);
  select.value = chosen || '';
}

function scenarioOf(id) { return catalog.scenarios.find(s => s.id === id) || catalog.scenarios[0]; }

function fillPickers() {
  const s = scenarioOf(state.scenario);
  fillSelect($('scenario'), catalog.scenarios, x => `${x.id}`, s.id);
  fillSelect($('model'), catalog.models, m => m.id, state.model, `${s.model} (the scenario's)`);
  fillSelect($('gpu'), catalog.gpus, g => g.id, state.gpu, `${s.gpu} (the scenario's)`);
  fillSelect($('cmp-gpus'), catalog.gpus, g => g.id, null);
  fillSelect($('cmp-models'), catalog.models, m => m.id, null);
  for (const o of $('cmp-gpus').options) o.selected = state.cmpGpus.includes(o.value);
  for (const o of $('cmp-models').options) o.selected = state.cmpModels.includes(o.value);
}

function downloads() {
  const q = selectionQuery(state);
  $('dl-json').href = `/api/estimate?${q}&download=1`;
  $('dl-csv').href = `/api/estimate.csv?${q}`;
  $('dl-html').href = `/api/report.html?${q}`;
  $('overrides').replaceChildren(...(state.sets.size ? [...state.sets].map(([n, v]) => el('span', { class: 'chip', dataset: { set: n } },
    `${n}=${v}`, el('button', { type: 'button', title: 'back to the value the rules and catalog give', onclick: () => setOverride(n, null) }, '×')))
    : [el('span', { class: 'muted' }, 'none')]));
}

async function loadEstimate() {
  const doc = await getJson('/api/estimate', selectionQuery(state));
  renderEstimate(doc, state, setOverride);
  shownVersion = doc.version.id;
  downloads();
  if (state.explain) await explain(state.explain, false);
}

async function loadCompare() {
  const q = selectionQuery(state);
  q.delete('gpu'); q.delete('model');
  const gpus = state.cmpGpus.length ? state.cmpGpus : [state.gpu || scenarioOf(state.scenario).gpu];
  const models = state.cmpModels.length ? state.cmpModels : [state.model || scenarioOf(state.scenario).model];
  q.set('gpu', gpus.join(','));
  q.set('model', models.join(','));
  $('dl-compare').href = `/api/compare?${q}&download=1`;
  const r = await getJson('/api/compare', q);
  renderCompare(r);
  shownVersion = r.version.id;
}

async function loadValidate() {
  $('validate').replaceChildren(el('p', { class: 'muted' }, 'running every validation case…'));
  const r = await getJson('/api/validate');
  renderValidation(r);
  shownVersion = r.version.id;
}

/** Draws the current view; a failure leaves the last numbers on screen and says why. */
async function refresh() {
  writeState(state);
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.view === state.view);
  for (const v of ['estimate', 'compare', 'validate']) $(`view-${v}`).hidden = state.view !== v;
  busy++;
  setStatus('computing…');
  try {
    if (state.view === 'compare') await loadCompare();
    else if (state.view === 'validate') await loadValidate();
    else await loadEstimate();
    showProblem(null);
    setStatus(`rules ${shownVersion.split('+')[0]} · catalog ${shownVersion.split('+')[1]}`);
  } catch (e) {
    showProblem(e);
    setStatus('last request failed');
  } finally {
    busy--;
  }
  $('version').textContent = shownVersion ? `version ${shownVersion}` : '';
}

function setOverride(name, value) {
  if (value === null || value === '') state.sets.delete(name); else state.sets.set(name, value);
  refresh();
}

async function explain(name, scroll = true) {
  state.explain = name;
  writeState(state);
  const q = selectionQuery(state);
  q.append('name', name);
  try {
    const r = await getJson('/api/explain', q);
    renderTree($('explain-tree'), r, (place, rule) => showRule(r.version.id, place, rule));
    $('explain').hidden = false;
    if (scroll) $('explain').scrollIntoView({ block: 'nearest' });
  } catch (e) {
    showProblem(e);
  }
}

async function showRule(version, place, rule) {
  const lines = await ruleLines(version, place.file);
  $('rule-title').textContent = `${place.file}:${place.line}${rule ? `  rule "${rule}"` : ''}`;
  $('rule').hidden = false; // shown first: a hidden panel has no layout to scroll to the rule's line
  renderRule($('rule-text'), lines, place.line);
}

async function pollHealth() {
  try {
    const h = await getJson('/api/health');
    const banner = $('banner');
    if (h.last_reload_error) {
      $('banner-where').textContent = h.last_reload_error_where || '';
      $('banner-text').textContent = h.last_reload_error;
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
    // A version the numbers on screen are not from: redraw once for it (not again if that fails).
    if (shownVersion && h.version !== shownVersion && h.version !== triedVersion && !busy) {
      triedVersion = h.version;
      catalog = await getJson('/api/catalog');
      fillPickers();
      await refresh();
    }
  } catch (e) {
    setStatus('server not reachable');
  }
  setTimeout(pollHealth, 1000);
}

function wire() {
  $('scenario').addEventListener('change', e => { state.scenario = e.target.value; state.model = ''; state.gpu = ''; fillPickers(); refresh(); });
  $('model').addEventListener('change', e => { state.model = e.target.value; refresh(); });
  $('gpu').addEventListener('change', e => { state.gpu = e.target.value; refresh(); });
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => { state.view = b.dataset.view; refresh(); });
  $('cmp-run').addEventListener('click', () => {
    state.cmpGpus = [...$('cmp-gpus').selectedOptions].map(o => o.value);
    state.cmpModels = [...$('cmp-models').selectedOptions].map(o => o.value);
    refresh();
  });
  $('explain-close').addEventListener('click', () => { $('explain').hidden = true; state.explain = ''; writeState(state); });
  $('rule-close').addEventListener('click', () => { $('rule').hidden = true; });
  document.body.addEventListener('click', e => {
    const b = e.target.closest('button.num');
    if (b) explain(b.dataset.explain);
  });
}

async function start() {
  wire();
  try {
    setUnitStyles(await getJson('/api/units'));
    catalog = await getJson('/api/catalog');
  } catch (e) {
    showProblem(e);
    return;
  }
  if (!state.scenario) state.scenario = catalog.default_scenario || catalog.scenarios[0].id;
  fillPickers();
  await refresh();
  pollHealth();
}

start();
