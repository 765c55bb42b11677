// A small SVG line chart: points over time, an optional dashed limit line. No library.
const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws `points` ([{t: epoch ms, v: number}]) into `svg` over the last `spanMs`.
 * options: title, color, limit (a value drawn as a dashed line), format(v) for the axis labels, min, max.
 */
export function lineChart(svg, points, options = {}) {
  const width = 420;
  const height = 160;
  const left = 44;
  const bottom = 20;
  const top = 18;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.replaceChildren();
  const format = options.format || ((v) => v.toFixed(1));
  const now = points.length ? points[points.length - 1].t : Date.now();
  const span = options.spanMs || 3600 * 1000;
  const from = now - span;
  const values = points.map((p) => p.v).filter((v) => v !== null && v !== undefined && !Number.isNaN(v));
  let max = Math.max(options.max ?? 0, ...values, options.limit ?? 0);
  if (max <= 0) max = 1;
  const min = options.min ?? 0;
  const x = (t) => left + ((t - from) / span) * (width - left - 4);
  const y = (v) => top + (1 - (v - min) / (max - min)) * (height - top - bottom);
  const last = values.length ? values[values.length - 1] : null;
  svg.append(svgEl('title', {}, (options.title || '') + (last !== null ? ': ' + format(last) : ': no data yet')));
  svg.append(svgEl('text', { x: left, y: 12 }, options.title || ''));
  svg.append(svgEl('line', { class: 'axis', x1: left, y1: top, x2: left, y2: height - bottom }));
  svg.append(svgEl('line', { class: 'axis', x1: left, y1: height - bottom, x2: width - 4, y2: height - bottom }));
  svg.append(svgEl('text', { x: 2, y: top + 8 }, format(max)));
  svg.append(svgEl('text', { x: 2, y: height - bottom }, format(min)));
  svg.append(svgEl('text', { x: left, y: height - 4 }, '-60 min'));
  svg.append(svgEl('text', { x: width - 30, y: height - 4 }, 'now'));
  if (options.limit !== undefined && options.limit !== null) {
    svg.append(svgEl('line', { class: 'axis limit', x1: left, y1: y(options.limit), x2: width - 4, y2: y(options.limit) }));
    svg.append(svgEl('text', { x: width - 80, y: y(options.limit) - 3 }, 'limit ' + format(options.limit)));
  }
  const shown = points.filter((p) => p.t >= from && p.v !== null && p.v !== undefined);
  if (shown.length > 0) {
    const d = shown.map((p, i) => (i === 0 ? 'M' : 'L') + x(p.t).toFixed(1) + ' ' + y(p.v).toFixed(1)).join(' ');
    svg.append(svgEl('path', { class: 'line', d, stroke: options.color || '#1f5f99' }));
  }
}
