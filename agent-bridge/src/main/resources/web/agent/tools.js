// The interaction view's tools beside the call controls: voice recording (Start / Pause / Resume / Stop as the
// campaign allows, with the recording's status and a notice when its file fails) and the standard responses
// library (search, read, insert into the note).
import { el, $ } from '/common/dom.js';

/** The recording fieldset; send(type) sends a recording command for the interaction shown. */
export function recordingSection(send) {
  const button = (id, label, type) => el('button', { type: 'button', id, onclick: () => send(type) }, label);
  return el('fieldset', { id: 'recording' }, el('legend', {}, 'Voice Recording'),
    el('p', {}, 'Recording: ', el('output', { id: 'recording-status', 'aria-live': 'polite' }, 'not recording')),
    el('div', { class: 'row' },
      button('btn-rec-start', 'Start Recording', 'StartRecording'),
      button('btn-rec-pause', 'Pause Recording', 'PauseRecording'),
      button('btn-rec-resume', 'Resume Recording', 'ResumeRecording'),
      button('btn-rec-stop', 'Stop Recording', 'StopRecording')),
    el('p', { id: 'recording-notice', role: 'alert', class: 'error', hidden: true }));
}

/** Shows a recording event (RecordingStarted / Paused / Resumed / Stopped) in the section under root. */
export function showRecording(root, e) {
  const status = $('#recording-status', root);
  if (!status) return;
  const control = e.agentControl || (root.dataset.recordingControl || '').split(',');
  if (e.agentControl) root.dataset.recordingControl = e.agentControl.join(',');
  const show = (id, on) => { $('#' + id, root).hidden = !on; };
  const notice = $('#recording-notice', root);
  switch (e.type) {
    case 'RecordingStarted':
      status.textContent = 'recording';
      notice.hidden = true;
      show('btn-rec-start', false);
      show('btn-rec-pause', control.includes('pause'));
      show('btn-rec-resume', false);
      show('btn-rec-stop', control.includes('stop'));
      break;
    case 'RecordingPaused':
      status.textContent = 'paused';
      show('btn-rec-pause', false);
      show('btn-rec-resume', true);
      break;
    case 'RecordingResumed':
      status.textContent = 'recording';
      show('btn-rec-pause', true);
      show('btn-rec-resume', false);
      break;
    default:
      status.textContent = e.status === 'failed' ? 'failed' : 'stopped';
      show('btn-rec-start', control.includes('start'));
      show('btn-rec-pause', false);
      show('btn-rec-resume', false);
      show('btn-rec-stop', false);
      if (e.status === 'failed') {
        notice.textContent = 'The recording failed and the call goes on unrecorded: ' + (e.reason || '');
        notice.hidden = false;
      }
  }
}

/** The recording buttons before any recording: Start where the campaign records on demand. */
export function recordingIdle(root, mayStart) {
  for (const id of ['btn-rec-pause', 'btn-rec-resume', 'btn-rec-stop']) $('#' + id, root).hidden = true;
  $('#btn-rec-start', root).hidden = !mayStart;
  root.dataset.recordingControl = mayStart ? 'start,stop,pause' : '';
}

/** The Responses view: search(query) sends GetResponses for the interaction's campaign. */
export function responsesSection(search) {
  const query = el('input', { id: 'response-search', type: 'search', size: 20, maxlength: 200,
    onkeydown: (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(query.value.trim()); } } });
  return el('fieldset', { id: 'responses-view' }, el('legend', {}, 'Responses'),
    el('p', {}, 'Standard responses you can read to the contact, or insert into the note.'),
    el('div', { class: 'row' }, el('label', { for: 'response-search' }, 'Search responses'), query,
      el('button', { type: 'button', id: 'btn-response-search', onclick: () => search(query.value.trim()) },
        'Search')),
    el('ul', { id: 'responses', 'aria-live': 'polite' }));
}

/** Lists a Responses event; each response's Insert button appends its text to the note. */
export function showResponses(root, e) {
  const list = $('#responses', root);
  if (!list) return;
  if (e.responses.length === 0) {
    list.replaceChildren(el('li', {}, 'No response matches.'));
    return;
  }
  list.replaceChildren(...e.responses.map((r) => el('li', { 'data-response': String(r.id) },
    el('strong', {}, r.title), ' ', el('span', { class: 'tags' }, (r.tags || []).join(', ')),
    el('p', { class: 'response-text' }, r.text),
    el('button', { type: 'button', id: 'response-insert-' + r.id, onclick: () => {
      const note = $('#note', root);
      note.value = note.value ? note.value + '\n' + r.text : r.text;
      note.focus();
    } }, 'Insert into note'))));
}

/**
 * The Contact view: the Contact Directory button asks for the contact's details, chain and field changes; the
 * search finds other contacts of the campaign (search(query) sends SearchContacts) to pick as a transfer,
 * conference or consultation target.
 */
export function contactSection(ask, search) {
  const query = el('input', { id: 'contact-search', type: 'search', size: 16, maxlength: 100,
    onkeydown: (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(query.value.trim()); } } });
  return el('fieldset', { id: 'contact-view' }, el('legend', {}, 'Contact'),
    el('button', { type: 'button', id: 'btn-contact', onclick: () => ask() }, 'Contact Directory'),
    el('div', { class: 'row' }, el('label', { for: 'contact-search' }, 'Find a contact'), query,
      el('button', { type: 'button', id: 'btn-contact-search', onclick: () => search(query.value.trim()) }, 'Find')),
    el('ul', { id: 'contacts-found', 'aria-live': 'polite' }),
    el('div', { id: 'contact-details' }), el('ul', { id: 'contact-chain' }),
    el('table', { class: 'grid', id: 'contact-changes', hidden: true },
      el('caption', {}, 'Changes to the contact'),
      el('thead', {}, el('tr', {}, ['When', 'Agent', 'Field', 'From', 'To'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody')));
}

/** Shows a ContactDirectory event. Fields are edited in Record Information (UpdateRecordFields). */
export function showContact(root, e) {
  const details = $('#contact-details', root);
  if (!details) return;
  details.replaceChildren(el('dl', {}, Object.entries(e.details).flatMap(([k, v]) => [el('dt', {}, k),
    el('dd', { 'data-field': k }, v)])));
  $('#contact-chain', root).replaceChildren(...e.numbers.map((n) => el('li', {},
    n.contactInfo + ' (' + n.contactInfoType + ', ' + n.status + (n.callResult ? ', ' + n.callResult : '') + ')'
      + (n.recordId === e.recordId ? ' - this call' : ''))));
  const table = $('#contact-changes', root);
  table.hidden = e.changes.length === 0;
  $('tbody', table).replaceChildren(...e.changes.map((c) => el('tr', {}, el('td', {}, c.at),
    el('td', {}, c.agentId || ''), el('td', {}, c.field), el('td', {}, c.from || ''), el('td', {}, c.to || ''))));
}

/** Lists a Contacts event; Use as target puts the contact's number in the Transfer / Conference field. */
export function showContacts(root, e) {
  const list = $('#contacts-found', root);
  if (!list) return;
  if (e.contacts.length === 0) {
    list.replaceChildren(el('li', {}, 'No contact matches.'));
    return;
  }
  list.replaceChildren(...e.contacts.map((c) => el('li', { 'data-record': String(c.recordId) },
    c.contactInfo + ' (' + c.contactInfoType + ') ' + Object.values(c.fields).filter((v) => v).join(', '), ' ',
    el('button', { type: 'button', id: 'contact-pick-' + c.recordId, onclick: () => {
      const target = $('#party-target', root);
      target.value = c.contactInfo;
      target.focus();
    } }, 'Use as target'))));
}

