// The three views, each drawn from one JSON answer of the server: estimate, compare, validation.

import { barChart } from './charts.js';
import { el, percent, show, table } from './format.js';

function numButton(q, text) {
  return el('button', { type: 'button', class: 'num', dataset: { explain: q.name }, title: 'show how it was derived' }, text);
}

/**
 * The answers of the estimate's kind, as the server lists them (rules/headline.yaml; edit that file to
 * change the cards), after the warnings the rules' verdicts call for (a replica that cannot hold the
 * model). With none (rules of one's own without the file), the first derived quantities.
 */
function headline(doc) {
  const byName = new Map([...doc.quantities, ...doc.assumptions].map(q => [q.name, q]));
  const figures = (doc.headline ? doc.headline.sections : []).flatMap(s => s.figures);
  if (!figures.length) {
    return doc.quantities.slice(0, 6).map(q => card(q.name, q.name, numButton(q, show(q.value, q.unit)), q.source));
  }
  const warnings = (doc.headline && doc.headline.warnings || []).map(w => el('div', { class: 'warning' }, 'Warning: ' + w));
  return [...warnings, ...figures.map(f => {
    const q = byName.get(f.name);
    const text = f.value === null ? 'not derived' : typeof f.value === 'string' ? f.value : show(f.value, f.unit);
    const target = f.target ? ` · ${f.target.met ? '≤' : 'over'} ${show(f.target.value, f.target.unit)}` : '';
    return card(f.name, f.label, q ? numButton(q, text) : text, f.name + target, f.target && !f.target.met);
  })];
}

function card(name, label, value, below, missed) {
  return el('div', { class: missed ? 'card missed' : 'card', dataset: { q: name } }, el('div', { class: 'label' }, label),
    el('div', { class: 'value' }, value), el('div', { class: 'muted mono' }, below));
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

/** The comparison, best first with each row's price, and one bar chart per figure, the best row marked. */
export function renderCompare(r) {
  const outputs = r.outputs || (r.rows.length ? Object.keys(r.rows[0].figures) : []);
  const mark = r.mark || 'best';
  const rows = r.rows.map(row => el('tr', { class: row.best ? 'best' : null, dataset: { model: row.model, gpu: row.gpu } },
    el('td', { class: 'num' }, row.rank === null ? '-' : String(row.rank)),
    el('td', { class: 'name' }, row.model), el('td', { class: 'name' }, row.gpu, row.best ? ` (${mark})` : ''),
    outputs.map(o => el('td', { class: 'num' }, row.figures[o] ? show(row.figures[o].value, row.figures[o].unit) : 'not derived')),
    el('td', { class: 'num' }, row.price.usd_per_gpu_hour === null ? 'no price' : show(row.price.usd_per_gpu_hour, 'USD/GPU-h')),
    el('td', {}, row.price.terms), el('td', {}, row.price.provider), el('td', {}, row.price.date)));
  document.getElementById('compare').replaceChildren(table(['>rank', 'model', 'GPU', ...outputs.map(o => `>${o}`),
    '>price', 'terms', 'provider', 'price date'], rows), ...(r.notes || []).map(n => el('p', { class: 'muted' }, n)));
  const charts = outputs.map(o => barChart(o + (o === r.rank_by ? ` (ranked by this, ${r.order} first; ${mark} marked)` : ''),
    r.rows.map(row => ({ label: `${row.model} on ${row.gpu}`, value: row.figures[o] ? row.figures[o].value : null,
      text: row.figures[o] ? show(row.figures[o].value, row.figures[o].unit) : 'n/a', mark: row.best }))));
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
