// The supervisor's recordings of a record: list them (status, agent, length) and play one in the page's audio
// player (each playback audited by the gateway), or download it. Only the admin API of docs/cti-protocol.md.
import { $, el } from '/common/dom.js';

const seconds = (ms) => (ms === null || ms === undefined ? '-' : (ms / 1000).toFixed(1) + ' s');

/** Wires the Recordings section: api(method, path) as the dashboard's, say(text) for errors. */
export function wireRecordings(api, say) {
  $('#recordings-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const id = $('#recordings-record').value.trim();
    try {
      const list = await api('GET', '/api/records/' + encodeURIComponent(id) + '/recordings');
      const rows = list.map((r) => el('tr', { 'data-recording': String(r.recordingId) },
        el('td', {}, String(r.recordingId)), el('td', {}, r.interactionId), el('td', {}, r.agentId || ''),
        el('td', {}, r.status), el('td', {}, r.startedAt), el('td', {}, seconds(r.durationMs)),
        el('td', {}, seconds(r.pausedMs)),
        el('td', {}, r.status === 'STOPPED' || r.status === 'COMPLETED'
          ? [el('button', { type: 'button', id: 'play-' + r.recordingId, onclick: () => play(r) }, 'Play'), ' ',
            el('a', { href: r.audio + '?download=true', id: 'download-' + r.recordingId }, 'Download')]
          : r.error || '')));
      $('#recordings-table tbody').replaceChildren(...(rows.length ? rows
        : [el('tr', {}, el('td', { colspan: '8' }, 'No recording of record ' + id))]));
    } catch (e) {
      say('Cannot list recordings: ' + e.message);
    }
  });
}

function play(r) {
  const player = $('#recording-player');
  player.src = r.audio;
  $('#recording-playing').textContent = 'Recording ' + r.recordingId;
  player.play().catch(() => { /* autoplay may be refused; the controls remain */ });
}
