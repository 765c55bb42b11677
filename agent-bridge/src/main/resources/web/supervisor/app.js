// The supervisor dashboard: campaigns (load/start/stop/unload), calling-list upload with progress and a per-row
// error report, the live view refreshed every few seconds, charts over the last hour, results per campaign and
// the CSV export. Only the admin API of docs/cti-protocol.md.
import { $, el } from '/common/dom.js';
import { lineChart } from '/common/chart.js';
import { wireRecordings } from '/supervisor/recordings.js';

const REFRESH_MS = 3000;
const pct = (v) => (v === null || v === undefined ? '-' : (v * 100).toFixed(1) + ' %');
const num = (v) => (v === null || v === undefined ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(1));
const enc = encodeURIComponent;

function say(text, kind = 'error') {
  const line = el('p', { class: kind }, text);
  $('#sup-messages').replaceChildren(line);
}

// Who is logged in ({user, role, csrfToken}); state-changing requests echo the CSRF token.
let session = null;

function toLogin() {
  window.location.assign('/login');
}

async function api(method, path, body) {
  const headers = method === 'GET' ? {} : { 'X-CSRF-Token': session ? session.csrfToken : '' };
  const response = await fetch(path, { method, body, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    toLogin();
    throw new Error('not logged in');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((json && json.error) || response.status + ' ' + response.statusText);
  return json;
}

// ---- campaigns ----
let shownCampaigns = '';

async function loadCampaigns() {
  const list = await api('GET', '/api/campaigns');
  const text = JSON.stringify(list);
  if (text === shownCampaigns) return; // unchanged: keep the rows (and the focus) as they are
  shownCampaigns = text;
  const body = $('#campaign-table tbody');
  body.replaceChildren();
  const select = $('#upload-campaign');
  const chosen = select.value;
  select.replaceChildren();
  for (const c of list) {
    const actions = el('td', {}, ['load', 'start', 'stop', 'unload'].map((a) => el('button', {
      type: 'button', 'data-action': a, 'aria-label': a + ' ' + c.name,
      onclick: () => act(c.name, a),
    }, a[0].toUpperCase() + a.slice(1))));
    body.append(el('tr', { 'data-campaign': c.name },
      el('td', {}, c.name), el('td', {}, c.description || ''), el('td', { class: 'status' }, c.status),
      el('td', {}, c.dialingMode), el('td', {}, c.optimization ? c.optimization + ' ' + c.target : '-'),
      el('td', {}, (c.agents || []).join(', ')), actions));
    select.append(el('option', { value: c.name, selected: c.name === chosen }, c.name));
  }
}

async function act(campaign, action) {
  try {
    await api('POST', '/api/campaigns/' + enc(campaign) + '/' + action);
    say(campaign + ': ' + action + ' done', 'info');
  } catch (e) {
    say(campaign + ': ' + action + ' refused: ' + e.message);
  }
  await refresh();
}

// ---- upload with progress and the per-row report ----
$('#upload-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const campaign = $('#upload-campaign').value;
  const file = $('#csv-file').files[0];
  if (!campaign || !file) {
    say('Choose a campaign and a CSV file');
    return;
  }
  const progress = $('#upload-progress');
  progress.value = 0;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/campaigns/' + enc(campaign) + '/records');
  xhr.setRequestHeader('Content-Type', 'text/csv');
  if (session && session.csrfToken) xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
  xhr.upload.addEventListener('progress', (p) => {
    if (p.lengthComputable) progress.value = Math.round((p.loaded / p.total) * 100);
  });
  xhr.addEventListener('load', () => {
    progress.value = 100;
    let json = null;
    try { json = JSON.parse(xhr.responseText); } catch (err) { /* shown below */ }
    if (xhr.status >= 200 && xhr.status < 300 && json) report(campaign, json);
    else say('Upload refused: ' + ((json && json.error) || xhr.status));
    refresh();
  });
  xhr.addEventListener('error', () => say('Upload failed: the gateway cannot be reached'));
  xhr.send(file);
});

function report(campaign, r) {
  const rejected = r.rejected || [];
  const parts = [el('p', { id: 'upload-summary' }, campaign + ': ' + r.imported + ' records imported, '
    + rejected.length + ' rows rejected')];
  if (rejected.length) {
    parts.push(el('table', { class: 'grid', id: 'rejected-rows' }, el('caption', {}, 'Rejected rows'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Row'), el('th', { scope: 'col' }, 'Reason'))),
      el('tbody', {}, rejected.map((x) => el('tr', {}, el('td', {}, x.line), el('td', {}, x.reason))))));
  }
  $('#upload-report').replaceChildren(...parts);
}

// ---- live view ----
function fill(tbody, entries) {
  tbody.replaceChildren(...(entries.length ? entries.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, num(v))))
    : [el('tr', {}, el('td', { colspan: 2 }, 'none yet'))]));
}

async function loadStats() {
  const s = await api('GET', '/api/stats');
  $('#kpi-calls').textContent = s.callsInProgress;
  $('#kpi-dial-rate').textContent = num(s.dialsPerMinute);
  $('#kpi-answer-rate').textContent = pct(s.answerRate);
  $('#kpi-abandon').textContent = pct(s.abandonmentToday);
  const limit = Math.min(...s.campaigns.map((c) => c.abandonLimit));
  $('#kpi-abandon-limit').textContent = Number.isFinite(limit) ? 'limit ' + pct(limit) : '';
  $('#kpi-abandon-box').classList.toggle('over', Number.isFinite(limit) && s.abandonmentToday > limit);
  $('#kpi-busy').textContent = pct(s.busyFactor);
  fill($('#agents-table tbody'), Object.entries(s.agents).filter(([k]) => k !== 'LoggedOut' || s.agents[k] > 0));
  fill($('#results-by-type tbody'), Object.entries(s.results));
  $('#gateways-table tbody').replaceChildren(...(s.gateways || []).map((g) => el('tr', { 'data-gateway': g.gatewayId },
    el('td', {}, g.gatewayId + (g.self ? ' (this one)' : '')),
    el('td', { class: g.reporting ? null : 'over' }, g.reporting ? 'yes'
      : 'no, last seen ' + new Date(g.seenAt).toLocaleTimeString()),
    el('td', {}, num(g.callsInProgress)),
    el('td', {}, g.agents.length ? g.agents.map((a) => a.id + ' ' + a.state).join(', ') : 'none'))));
  const body = $('#campaign-results tbody');
  body.replaceChildren(...s.campaigns.map((c) => el('tr', { 'data-campaign': c.name },
    el('td', {}, c.name), el('td', {}, c.status), el('td', {}, num(c.dialed)), el('td', {}, num(c.finished)),
    el('td', {}, pct(c.answerRate)), el('td', {}, pct(c.abandonmentToday)),
    el('td', {}, pct(c.abandonmentWindow) + ' (' + c.abandonmentWindowDays + ' days)'), el('td', {}, pct(c.abandonLimit)),
    el('td', {}, pct(c.busyFactor)),
    el('td', {}, Object.entries(c.records).filter(([, v]) => v > 0).map(([k, v]) => k + ' ' + v).join(', ')),
    el('td', {}, Object.entries(c.results).map(([k, v]) => k + ' ' + num(v)).join(', ')),
    el('td', {}, session && session.role === 'admin'
      ? el('a', { href: '/api/campaigns/' + enc(c.name) + '/export', download: c.name + '-records.csv' }, 'CSV')
      : '-'))));
  $('#updated').textContent = 'updated ' + new Date(s.at).toLocaleTimeString();
  return limit;
}

async function loadHistory(limit) {
  const h = await api('GET', '/api/stats/history');
  const points = (key) => h.samples.map((p) => ({ t: Date.parse(p.at), v: p[key] }));
  lineChart($('#chart-calls'), points('callsInProgress'), { title: 'Calls in progress', format: (v) => v.toFixed(0) });
  lineChart($('#chart-dial-rate'), points('dialsPerMinute'), { title: 'Dials per minute', color: '#6a3d9a' });
  lineChart($('#chart-answer-rate'), points('answerRate'), { title: 'Answer rate', max: 1, format: pct,
    color: '#1b6e2a' });
  lineChart($('#chart-abandon'), points('abandonmentToday'), { title: 'Abandonment today', format: pct,
    limit: Number.isFinite(limit) ? limit : null, color: '#a01919' });
}

async function refresh() {
  try {
    await loadCampaigns();
    const limit = await loadStats();
    await loadHistory(limit);
  } catch (e) {
    say('Cannot refresh: ' + e.message);
  }
}

async function logout() {
  try {
    await api('POST', '/auth/logout');
  } finally {
    toLogin();
  }
}

async function start() {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  if (!response.ok) {
    toLogin();
    return;
  }
  session = await response.json();
  $('#whoami').textContent = session.user + ' (' + session.role + ')';
  $('#btn-logout').hidden = Boolean(session.openLab);
  $('#btn-logout').addEventListener('click', logout);
  wireRecordings(api, say);
  refresh();
  setInterval(refresh, REFRESH_MS);
}

start();
