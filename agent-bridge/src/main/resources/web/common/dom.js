// Small DOM helpers shared by the pages: no framework.
export const $ = (sel, root = document) => root.querySelector(sel);

/** Creates an element: el('button', {type: 'button', onclick: fn}, 'text', child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A description list of label/value pairs. */
export function definitionList(entries, id) {
  const dl = el('dl', { id });
  for (const [k, v] of entries) {
    dl.append(el('dt', {}, k), el('dd', {}, v === null || v === undefined ? '' : String(v)));
  }
  return dl;
}

/** mm:ss (or h:mm:ss) of a number of seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return (h > 0 ? h + ':' + two(Math.floor(s / 60) % 60) : Math.floor(s / 60)) + ':' + two(s % 60);
}
