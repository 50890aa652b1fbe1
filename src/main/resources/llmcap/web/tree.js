// The derivation tree of a number (from /api/explain) and the text of a rule file with line numbers
// (from /api/rules, the files of the same snapshot; read-only: rules are edited on disk).

import { getJson } from './api.js';
import { el, show } from './format.js';

const ruleFiles = new Map(); // version id -> Map(file -> lines)

/** "rules/serving.drl:110" -> {file, line}; null for places that are not a rule file's line. */
export function splitWhere(where) {
  const m = /^(.*\.drl):(\d+)$/.exec(where || '');
  return m ? { file: m[1], line: Number(m[2]) } : null;
}

function nodeLine(n) {
  const value = n.setting !== undefined ? n.setting : show(n.value, n.unit);
  return el('span', { class: 'node-line' }, `${n.name} = `, el('strong', {}, value),
    el('span', { class: 'kind' }, n.kind.replace('_', ' ')));
}

function origin(n, onRule) {
  const place = splitWhere(n.where);
  const where = place
    ? el('button', { type: 'button', class: 'link where mono', dataset: { where: n.where }, onclick: () => onRule(place, n.rule) }, n.where)
    : el('code', { class: 'where' }, n.where);
  const parts = [];
  if (n.rule) parts.push(el('div', { class: 'node-origin' }, `${n.kind === 'default_rule' ? 'default rule' : 'rule'} "${n.rule}" `, where));
  else parts.push(el('div', { class: 'node-origin' }, n.kind === 'scenario' ? 'scenario ' : '', where));
  if (n.arithmetic) parts.push(el('div', { class: 'node-origin node-arith mono' }, n.arithmetic));
  if (n.also) parts.push(el('div', { class: 'node-origin' }, `the same rule also set ${n.also.join(', ')}`));
  if (n.citation) parts.push(el('div', { class: 'node-origin' }, `source: ${n.citation}`));
  return parts;
}

/** One node and, expandable, the numbers it was computed from; the top levels start open. */
function node(n, depth, onRule) {
  const inputs = n.inputs || [];
  if (!inputs.length) {
    return el('div', { class: 'leaf', dataset: { q: n.name } }, nodeLine(n), n.repeat ? el('span', { class: 'muted' }, '  (shown above)') : null,
      origin(n, onRule));
  }
  const d = el('details', { dataset: { q: n.name }, open: depth < 2 }, el('summary', {}, nodeLine(n)), origin(n, onRule));
  for (const i of inputs) d.append(node(i, depth + 1, onRule));
  return d;
}

export function renderTree(container, explained, onRule) {
  container.replaceChildren(...explained.explain.map(e => el('div', { class: 'tree' }, node(e.tree, 0, onRule))));
}

/** The lines of a rule file of snapshot {@code version}, fetched once per version. */
export async function ruleLines(version, file) {
  if (!ruleFiles.has(version)) ruleFiles.set(version, new Map());
  const files = ruleFiles.get(version);
  if (!files.has(file)) {
    const r = await getJson('/api/rules', new URLSearchParams({ file }));
    files.set(file, r.files[0].lines);
  }
  return files.get(file);
}

/** The file with line numbers, the rule from its header line to its `end` marked, scrolled into view. */
export function renderRule(container, lines, line) {
  let end = line;
  while (end < lines.length && !/^\s*end\b/.test(lines[end - 1])) end++;
  const rows = lines.map((text, i) => el('div', { class: i + 1 >= line && i + 1 <= end ? 'ln hit' : 'ln', dataset: { line: i + 1 } },
    el('span', {}, String(i + 1)), el('span', {}, text)));
  container.replaceChildren(...rows);
  const first = container.querySelector(`[data-line="${line}"]`);
  if (first) container.scrollTop = Math.max(0, first.offsetTop - 40);
}
