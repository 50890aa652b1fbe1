// Charts drawn as SVG elements (no library): horizontal bars, negative values to the left of zero.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * bars: [{label, value, text, mark}] (value may be null: shown as "n/a"). One row per bar, the label
 * on the left, the bar from zero, its text at its end.
 */
export function barChart(title, bars) {
  const row = 20;
  const labelW = 300;
  const plotW = 420;
  const textW = 140;
  const width = labelW + plotW + textW;
  const height = 28 + bars.length * row + 6;
  const values = bars.map(b => b.value).filter(v => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const x = v => labelW + ((v - lo) / span) * plotW;
  const root = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  root.append(svg('title', {}, title));
  root.append(svg('text', { x: 0, y: 14, 'font-weight': 600 }, title));
  const zero = x(0);
  root.append(svg('line', { class: 'axis', x1: zero, x2: zero, y1: 22, y2: height - 4 }));
  bars.forEach((b, i) => {
    const y = 26 + i * row;
    root.append(svg('text', { x: labelW - 6, y: y + 13, 'text-anchor': 'end' }, b.label));
    if (b.value === null || !Number.isFinite(b.value)) {
      root.append(svg('text', { x: zero + 4, y: y + 13 }, 'n/a'));
      return;
    }
    const x0 = Math.min(zero, x(b.value));
    const w = Math.max(1, Math.abs(x(b.value) - zero));
    const bar = svg('rect', { class: b.mark ? 'bar mark' : 'bar', x: x0, y: y + 2, width: w, height: row - 6 });
    bar.append(svg('title', {}, `${b.label}: ${b.text}`));
    root.append(bar);
    root.append(svg('text', { x: Math.max(zero, x(b.value)) + 4, y: y + 13 }, b.text));
  });
  return root;
}
