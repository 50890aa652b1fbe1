// The three views, each drawn from one JSON answer of the server: estimate, compare, validation.

import { barChart } from './charts.js';
import { el, percent, show, table } from './format.js';

/**
 * The headline answers, in this order, where the estimate has them; change the list to change the
 * cards. With none of them present (other rules), the first derived quantities are shown instead.
 */
export const HEADLINE = ['serving.gpus', 'training.gpus', 'fleet.gpus', 'cost.fleet_daily_usd',
  'inference.gpus', 'checkpoint.bytes', 'training.gpu_days', 'cost.usd_per_million_tokens'];

function numButton(q, text) {
  return el('button', { type: 'button', class: 'num', dataset: { explain: q.name }, title: 'show how it was derived' }, text);
}

function headline(doc) {
  const byName = new Map(doc.quantities.map(q => [q.name, q]));
  let picked = HEADLINE.map(n => byName.get(n)).filter(Boolean);
  if (!picked.length) picked = doc.quantities.slice(0, 6);
  return picked.map(q => el('div', { class: 'card', dataset: { q: q.name } },
    el('div', { class: 'label' }, q.name), el('div', { class: 'value' }, numButton(q, show(q.value, q.unit))),
    el('div', { class: 'muted mono' }, q.source)));
}

function published(doc) {
  if (!doc.published.length) return [el('p', { class: 'muted' }, 'The scenario gives no published figures.')];
  const unitOf = new Map([...doc.quantities, ...doc.assumptions].map(q => [q.name, q]));
  const rows = doc.published.map(p => {
    const q = unitOf.get(p.quantity);
    return el('tr', { dataset: { q: p.quantity } }, el('td', { class: 'num' }, p.figure), el('td', { class: 'name' }, p.quantity),
      el('td', { class: 'num' }, q ? numButton(q, show(p.llmcap, p.unit)) : 'not derived'),
      el('td', { class: 'num' }, show(p.published, p.unit)), el('td', { class: 'num' }, percent(p.deviation_percent)),
      el('td', {}, p.label));
  });
  const note = doc.comparable ? null : el('p', { class: 'muted' },
    'These figures were published for the scenario\'s own model and GPU: not comparable with this run.');
  return [note, table(['>#', 'quantity', '>llmcap', '>published', '>deviation', 'what'], rows)];
}

function publishedChart(doc) {
  const bars = doc.published.map(p => ({ label: `#${p.figure} ${p.quantity}`, value: p.deviation_percent ?? null,
    text: percent(p.deviation_percent) }));
  return bars.length ? [barChart('Deviation of llmcap from each published figure (%)', bars)] : [];
}

function derived(doc) {
  const rows = doc.quantities.map(q => el('tr', { dataset: { q: q.name } }, el('td', { class: 'name' }, q.name),
    el('td', { class: 'num value' }, numButton(q, show(q.value, q.unit))),
    el('td', { class: 'mono' }, q.source), el('td', {}, q.rule)));
  return [table(['quantity', '>value', 'file:line', 'rule'], rows)];
}

function editor(name, current, sets, onSet) {
  const input = el('input', { class: 'edit', value: sets.has(name) ? sets.get(name) : current, dataset: { set: name },
    'aria-label': `new value of ${name}`, title: 'a number in the unit shown (base units), or a word for a setting; Enter applies' });
  // Enter or leaving the field applies a new value; an emptied field changes nothing (the chip's × resets).
  const apply = () => { const v = input.value.trim(); if (v && v !== (sets.get(name) ?? current)) onSet(name, v); };
  input.addEventListener('keydown', ev => { if (ev.key === 'Enter') apply(); });
  input.addEventListener('change', apply);
  return input;
}

function assumptions(doc, sets, onSet) {
  const read = new Set(doc.quantities.flatMap(q => q.inputs));
  const rows = doc.assumptions.filter(a => read.has(a.name) || sets.has(a.name)).map(a => el('tr',
    { class: sets.has(a.name) ? 'changed' : null, dataset: { q: a.name } },
    el('td', { class: 'name' }, a.name), el('td', { class: 'num' }, numButton(a, show(a.value, a.unit))),
    el('td', {}, a.unit === '1' ? '' : a.unit), el('td', {}, editor(a.name, String(a.value), sets, onSet)),
    el('td', {}, a.origin, a.citation ? el('div', { class: 'muted' }, a.citation) : null)));
  const settings = doc.settings.map(s => el('tr', { class: sets.has(s.name) ? 'changed' : null, dataset: { q: s.name } },
    el('td', { class: 'name' }, s.name), el('td', { class: 'num mono' }, s.value), el('td', {}, 'setting'),
    el('td', {}, editor(s.name, s.value, sets, onSet)), el('td', {}, s.origin)));
  return [table(['name', '>value', 'unit', 'new value', 'where it came from'], [...rows, ...settings])];
}

/** The whole estimate view from the document of /api/estimate. */
export function renderEstimate(doc, state, onSet) {
  const $ = id => document.getElementById(id);
  $('title').textContent = `${doc.scenario}: ${doc.model} on ${doc.gpu}`;
  $('headline').replaceChildren(...headline(doc));
  $('published').replaceChildren(...published(doc).filter(Boolean));
  $('published-chart').replaceChildren(...publishedChart(doc));
  $('derived').replaceChildren(...derived(doc));
  $('assumptions').replaceChildren(...assumptions(doc, state.sets, onSet));
  $('notes').replaceChildren(...(doc.notes.length ? [el('h3', {}, 'Notes'), el('ul', {}, doc.notes.map(n => el('li', {}, n)))] : []));
}

/** The comparison table and one bar chart per figure, cheapest row marked. */
export function renderCompare(r) {
  const outputs = r.rows.length ? Object.keys(r.rows[0].figures) : [];
  const rows = r.rows.map(row => el('tr', { class: row.cheapest ? 'cheapest' : null, dataset: { model: row.model, gpu: row.gpu } },
    el('td', { class: 'name' }, row.model), el('td', { class: 'name' }, row.gpu, row.cheapest ? ' (cheapest)' : ''),
    outputs.map(o => el('td', { class: 'num' }, row.figures[o] ? show(row.figures[o].value, row.figures[o].unit) : 'not derived'))));
  document.getElementById('compare').replaceChildren(table(['model', 'GPU', ...outputs.map(o => `>${o}`)], rows));
  const charts = outputs.map(o => barChart(o + (o === r.cheapest_by ? ' (cheapest marked)' : ''), r.rows.map(row => ({
    label: `${row.model} on ${row.gpu}`, value: row.figures[o] ? row.figures[o].value : null,
    text: row.figures[o] ? show(row.figures[o].value, row.figures[o].unit) : 'n/a', mark: row.cheapest }))));
  document.getElementById('compare-charts').replaceChildren(...charts);
}

/** Every published figure of every validation case beside llmcap's, rows outside tolerance marked. */
export function renderValidation(r) {
  const rows = [];
  for (const c of r.validation) {
    for (const k of c.checks) {
      rows.push(el('tr', { class: k.within ? null : 'fail' }, el('td', { class: 'name' }, c.case), el('td', { class: 'name' }, k.quantity),
        el('td', { class: 'num' }, show(k.published, k.unit || '1')), el('td', { class: 'num' }, k.llmcap === undefined ? 'not derived' : show(k.llmcap, k.unit)),
        el('td', { class: 'num' }, percent(k.deviation_percent)), el('td', { class: 'num' }, `±${k.tolerance_percent} %`),
        el('td', {}, k.within ? 'yes' : 'NO'), el('td', { class: 'muted' }, k.why)));
    }
  }
  const passed = r.validation.filter(c => c.passed).length;
  const bars = r.validation.flatMap(c => c.checks.map(k => ({ label: `${c.case}: ${k.quantity}`,
    value: k.deviation_percent ?? null, text: percent(k.deviation_percent), mark: !k.within })));
  document.getElementById('validate').replaceChildren(el('p', {}, `${passed} of ${r.validation.length} cases within tolerance.`),
    table(['case', 'figure', '>published', '>llmcap', '>deviation', '>tolerance', 'within', 'why'], rows),
    barChart('Deviation of llmcap from each published figure (%)', bars));
}
