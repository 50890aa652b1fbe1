// Numbers with their units, printed as llmcap's reports print them (report/Show.java): SI prefixes for
// bytes and FLOP/s, four significant digits, grouping for whole numbers, dollars for prices. The style of
// each unit comes from the server (/api/units), so a new unit needs no change here.

let styles = {};
export function setUnitStyles(s) { styles = s || {}; }

const PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

export function significant(v, digits = 4) {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return 'n/a';
  if (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e21) return scientific(v);
  return String(Number(v.toPrecision(digits)));
}

export function scientific(v) {
  const [m, e] = v.toExponential(3).split('e');
  return `${m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m}e${Number(e)}`;
}

function plain(v) {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return v.toLocaleString('en-US');
  if (Math.abs(v) >= 100) return v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return significant(v, 4);
}

function si(v, unit) {
  if (v !== 0 && Math.abs(v) < 1e-3) return `${scientific(v)} ${unit}`;
  let x = Math.abs(v);
  let i = 0;
  while (x >= 1000 && i < PREFIXES.length - 1) { x /= 1000; i++; }
  return `${significant(Math.sign(v) * x, 4)} ${PREFIXES[i]}${unit}`;
}

function currency(v, unit) {
  const amount = Math.abs(v) >= 100 ? `$${Math.round(v).toLocaleString('en-US')}`
    : `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const per = unit.startsWith('USD/') ? unit.slice(4) : '';
  if (per === 'kWh') return `$${v.toFixed(3)}/kWh`;
  if (per === 'Mtoken') return `$${significant(v, 4)}/Mtoken`;
  return per ? `${amount}/${per}` : amount;
}

function withUnit(text, unit) { return !unit || unit === '1' ? text : `${text} ${unit}`; }

/** 331.6 GB, 2,207 GPU, $360,000/day; "n/a" for null (JSON has no NaN). */
export function show(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (styles[unit]) {
    case 'si': return si(value, unit);
    case 'scientific': return withUnit(Math.abs(value) >= 1e6 ? scientific(value) : plain(value), unit);
    case 'currency': return currency(value, unit);
    default: return withUnit(plain(value), unit);
  }
}

export function percent(v) {
  return v === null || v === undefined ? '' : `${v >= 0 ? '+' : ''}${v.toFixed(2)} %`;
}

/** A DOM element: el('td', {class: 'num'}, 'text', child...). Text is always text, never HTML. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function table(head, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, head.map(h => el('th', { class: h.startsWith('>') ? 'num' : null },
    h.replace(/^>/, ''))))), el('tbody', {}, rows));
}
