// The interaction view: call status and timer, Case Information, Record Information (editable fields by type),
// phone number choice, call actions, Dispositions, Schedule Callback, Mark Done. Built once per interaction so
// that what the agent types survives status changes; status events only update the parts they change.
import { $, el, definitionList, clock } from '/common/dom.js';
import { Countdown } from '/agent/countdown.js';
import { keypadSection } from '/agent/keypad.js';
import { recordingSection, showRecording, recordingIdle, responsesSection, showResponses, contactSection,
  showContact, showContacts } from '/agent/tools.js';

const STATUS = {
  Preview: 'Preview', Ringing: 'Ringing', Established: 'Connected', OnHold: 'On Hold', Released: 'Ended',
  Establishing: 'Establishing', Transferring: 'Transferring', Conference: 'Conference', Consulting: 'Consulting',
  Done: 'Done',
};
const PHONE_TYPES = ['Home', 'Direct Business', 'Business with Ext', 'Mobile', 'Vacation', 'Pager', 'Modem',
  'Voice Mail'];
const PREVIEW_MODES = ['Preview', 'Push Preview', 'Direct Push Preview'];

export class InteractionView {
  /**
   * hooks: send(type, fields), options(campaign) -> DispositionOptions or null, mode(campaign),
   * callerIds(campaign) -> [{number, name}] the agent may choose from, message(text).
   */
  constructor(root, hooks) {
    this.root = root;
    this.hooks = hooks;
    this.ix = null;
    this.since = 0;
    this.timer = null;
    this.autoDial = new Countdown((left) => {
      const line = $('#auto-dial', this.root);
      if (line) line.textContent = left > 0 ? 'Auto-dial in ' + left + ' s' : 'Dialing...';
    });
  }

  /** Shows (or updates) an interaction; extras: autoDialIn of a timed auto-dial preview. */
  show(ix, extras) {
    const same = this.ix && this.ix.interactionId === ix.interactionId;
    const recordChanged = !same || JSON.stringify(this.ix.record) !== JSON.stringify(ix.record);
    const stateChanged = !same || this.ix.state !== ix.state;
    this.ix = Object.assign({}, this.ix && same ? this.ix : {}, ix);
    if (!same) this.build();
    else if (recordChanged) this.renderRecord();
    if (stateChanged) this.since = Date.now();
    if ((stateChanged || recordChanged) && this.numberMayChange()) this.send('GetContactNumbers');
    this.renderStatus();
    if (extras && extras.autoDialIn != null) this.autoDial.start(extras.autoDialIn);
    else if (ix.state !== 'Preview') this.stopAutoDial();
    this.root.hidden = false;
  }

  focus() {
    const heading = $('#interaction-title', this.root);
    if (heading) heading.focus();
  }

  /** The interaction is over (or `id` is not the one shown: nothing to do). */
  clear(id) {
    if (id && this.ix && this.ix.interactionId !== id) return;
    this.ix = null;
    this.stopAutoDial();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  stopAutoDial() {
    this.autoDial.stop();
    const line = $('#auto-dial', this.root);
    if (line) line.textContent = '';
  }

  send(type, fields = {}) {
    return this.hooks.send(type, Object.assign({ interactionId: this.ix.interactionId }, fields));
  }

  build() {
    const ix = this.ix;
    const mode = this.hooks.mode(ix.campaign);
    const previewMode = PREVIEW_MODES.includes(mode);
    this.previewMode = previewMode;
    this.root.replaceChildren(
      el('h2', { id: 'interaction-title', tabindex: '-1' }, 'Interaction ', ix.interactionId, ' - ', ix.campaign),
      el('p', { class: 'status-line' }, 'Call status: ', el('strong', { id: 'call-status', 'aria-live': 'polite' }),
        ' ', el('span', { id: 'call-timer', 'aria-label': 'time in this status' }),
        ' ', el('span', { id: 'auto-dial', 'aria-live': 'assertive' })),
      el('div', { class: 'columns' },
        el('div', {},
          el('h3', {}, 'Case Information'), el('div', { id: 'case-information' }),
          el('h3', {}, 'Record Information'), el('form', { id: 'record-information' }),
          el('details', {}, el('summary', {}, 'All record fields'), el('div', { id: 'record-fields' })),
          el('button', { type: 'button', id: 'btn-history', onclick: () => this.send('GetContactHistory') },
            'Contact History'),
          el('div', { id: 'contact-history' }),
          contactSection(() => this.send('GetContactDirectory'),
            (query) => this.hooks.send('SearchContacts', { campaign: this.ix.campaign, query }))),
        el('div', {},
          this.phoneSection(),
          this.actionsSection(previewMode),
          keypadSection((digits) => this.send('SendDtmf', { digits })),
          recordingSection((type) => this.send(type)),
          responsesSection((query) => this.hooks.send('GetResponses', { campaign: this.ix.campaign, query })),
          this.dispositionSection(),
          this.callbackSection(),
          el('div', { class: 'row' },
            el('button', { type: 'button', id: 'btn-mark-done', onclick: () => this.send('MarkDone') },
              previewMode ? 'Done' : 'Mark Done'),
            previewMode ? el('button', { type: 'button', id: 'btn-done-stop', onclick: () => this.send('DoneAndStop') },
              'Done and Stop') : null))));
    this.renderRecord();
    // Start is offered until the gateway says otherwise: a campaign recording every call starts by itself (its
    // RecordingStarted hides it), one recording none refuses it with RECORDING_NOT_ALLOWED.
    recordingIdle(this.root, true);
    this.optionsArrived(ix.campaign);
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => this.renderTimer(), 500);
  }

  phoneSection() {
    const typeSelect = el('select', { id: 'other-phone-type' }, PHONE_TYPES.map((t) => el('option', { value: t }, t)));
    const other = el('input', { id: 'other-phone', inputmode: 'tel', size: 14,
      oninput: () => { if (this.autoDial.running) this.send('PauseAutoDial'); } });
    return el('fieldset', { id: 'phone-choice' }, el('legend', {}, 'Phone Number'),
      el('p', {}, 'Dialing: ', el('span', { id: 'current-phone' })),
      el('div', { class: 'row number-change' },
        el('label', { for: 'other-phone' }, 'Other Phone Number'), other,
        el('label', { for: 'other-phone-type', class: 'visually-hidden' }, 'Phone type'), typeSelect,
        el('button', { type: 'button', id: 'btn-change-number', onclick: () => {
          this.send('ChangeNumber', { phone: other.value.trim(), phoneType: typeSelect.value });
        } }, 'Use Other Phone Number')),
      el('div', { class: 'row number-change' },
        el('label', { for: 'chain-record' }, "Contact's other numbers"),
        el('select', { id: 'chain-record' }, el('option', { value: '' }, 'none')),
        el('button', { type: 'button', id: 'btn-chain', onclick: () => {
          const id = $('#chain-record', this.root).value;
          if (id) this.send('ChangeNumber', { recordId: Number(id) });
        } }, 'Use This Number')),
      el('div', { class: 'row after-call-only' },
        el('button', { type: 'button', id: 'btn-recall', onclick: () => this.send('Recall') }, 'Call Again')));
  }

  /** RecordingStarted, RecordingPaused, RecordingResumed, RecordingStopped of the interaction shown. */
  recording(e) {
    if (!this.ix || e.interactionId !== this.ix.interactionId) return;
    showRecording(this.root, e);
  }

  /** ContactDirectory: the contact's details, chain and field changes. */
  contact(e) {
    if (!this.ix || e.interactionId !== this.ix.interactionId) return;
    showContact(this.root, e);
  }

  /** Contacts: the contacts the directory's search found. */
  contacts(e) {
    if (!this.ix || e.campaign !== this.ix.campaign) return;
    showContacts(this.root, e);
  }

  /** Responses: the standard responses found. */
  responses(e) {
    if (!this.ix || e.campaign !== this.ix.campaign) return;
    showResponses(this.root, e);
  }

  /** DtmfSent: the digits went out to the contact. */
  dtmfSent(e) {
    if (!this.ix || e.interactionId !== this.ix.interactionId) return;
    $('#dtmf-sent', this.root).textContent += e.digits;
  }

  /** A state change told by an event that carries no interaction (ConsultStarted, the Conference events). */
  stateOf(id, state) {
    if (!this.ix || this.ix.interactionId !== id) return;
    if (this.ix.state !== state) this.since = Date.now();
    this.ix.state = state;
    this.renderStatus();
  }

  /** ChangeNumber is open before Call and, in the preview modes, once the call has ended (then Recall too). */
  numberMayChange() {
    return this.ix.state === 'Preview' || (this.previewMode && this.ix.state === 'Released');
  }

  /** ContactNumbers: the contact's chain; the numbers ChangeNumber may take now are offered, the others shown. */
  numbers(e) {
    if (!this.ix || e.interactionId !== this.ix.interactionId) return;
    const options = e.numbers.filter((n) => n.recordId !== e.recordId).map((n) => el('option',
      n.selectable ? { value: String(n.recordId) } : { value: '', disabled: true },
      n.contactInfo + ' (' + (n.contactInfoType || 'Home') + ')'
        + (n.selectable ? '' : ' - ' + n.status + (n.callResult ? ' ' + n.callResult : ''))));
    $('#chain-record', this.root).replaceChildren(...(options.length ? options
      : [el('option', { value: '' }, 'none')]));
  }

  actionsSection(previewMode) {
    const target = el('input', { id: 'party-target', size: 14, placeholder: 'agent id or number' });
    const party = () => {
      const t = target.value.trim();
      return /^[+\d][\d\s().-]*$/.test(t) ? { phone: t } : { agentId: t };
    };
    // "If asked, select the caller ID details you want to use": a campaign offering several caller ids.
    const callerIds = previewMode ? this.hooks.callerIds(this.ix.campaign) : [];
    const callerId = callerIds.length > 1 ? el('select', { id: 'caller-id' },
      callerIds.map((c) => el('option', { value: c.number }, c.name ? c.name + ' (' + c.number + ')' : c.number)))
      : null;
    const call = () => this.send('Call', callerId ? { callerId: callerId.value } : {});
    return el('fieldset', { id: 'call-actions' }, el('legend', {}, 'Call'),
      el('div', { class: 'row', id: 'preview-actions' },
        callerId ? el('label', { for: 'caller-id' }, 'Caller ID') : null, callerId,
        el('button', { type: 'button', id: 'btn-call', onclick: call }, 'Call'),
        el('span', {}, 'Decline:'),
        el('button', { type: 'button', id: 'btn-decline-later', onclick: () => this.send('Decline', { reason: 'later' }) },
          'Call this contact later'),
        el('button', { type: 'button', id: 'btn-decline-dnc',
          onclick: () => this.send('Decline', { reason: 'do_not_call' }) },
        'Do not call this contact for this campaign')),
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'btn-end', onclick: () => this.send('ReleaseCall') }, 'End'),
        el('button', { type: 'button', id: 'btn-hold', onclick: () => this.send('Hold') }, 'Hold'),
        el('button', { type: 'button', id: 'btn-retrieve', onclick: () => this.send('Retrieve') }, 'Retrieve')),
      el('div', { class: 'row' },
        el('label', { for: 'party-target', id: 'party-target-label' }, 'Transfer / Conference to'), target,
        el('button', { type: 'button', id: 'btn-transfer', onclick: () => this.send('Transfer', party()) }, 'Transfer'),
        el('button', { type: 'button', id: 'btn-conference', onclick: () => this.send('Conference', party()) },
          'Conference'),
        el('button', { type: 'button', id: 'btn-leave-conference', onclick: () => this.send('LeaveConference') },
          'Leave Conference')),
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'btn-consult', onclick: () => this.send('Consult', party()) },
          'Start Consultation'),
        el('button', { type: 'button', id: 'btn-complete-transfer', class: 'consult-only',
          onclick: () => this.send('CompleteTransfer') }, 'Complete Transfer'),
        el('button', { type: 'button', id: 'btn-complete-conference', class: 'consult-only',
          onclick: () => this.send('CompleteConference') }, 'Complete Conference'),
        el('button', { type: 'button', id: 'btn-cancel-consult', class: 'consult-only',
          onclick: () => this.send('CancelConsult') }, 'Cancel Consultation')),
      previewMode ? null : el('span', {}));
  }

  dispositionSection() {
    const result = el('select', { id: 'call-result', onchange: () => {
      if (result.value) this.send('SetCallResult', { callResult: result.value });
    } }, el('option', { value: '' }, 'Select a call result'));
    return el('fieldset', { id: 'dispositions' }, el('legend', {}, 'Dispositions'),
      el('div', { class: 'row' }, el('label', { for: 'call-result' }, 'Call Result'), result),
      el('div', { class: 'row' }, el('label', { for: 'disposition-code' }, 'Disposition code'),
        el('select', { id: 'disposition-code' }, el('option', { value: '' }, 'None'))),
      el('div', { class: 'row' }, el('input', { type: 'checkbox', id: 'do-not-call' }),
        el('label', { for: 'do-not-call' }, 'Do Not Call')),
      el('div', { class: 'row' }, el('label', { for: 'note' }, 'Note'),
        el('textarea', { id: 'note', rows: 2, cols: 32, maxlength: 4000 })),
      el('button', { type: 'button', id: 'btn-disposition', onclick: () => {
        const code = $('#disposition-code', this.root).value;
        const note = $('#note', this.root).value;
        this.send('SetDisposition', Object.assign({ doNotCall: $('#do-not-call', this.root).checked },
          code ? { dispositionCode: code } : {}, note ? { note } : {}));
      } }, 'Save Disposition'));
  }

  callbackSection() {
    return el('fieldset', { id: 'callback' }, el('legend', {}, 'Schedule Callback'),
      el('div', { class: 'row' },
        el('label', { for: 'cb-date' }, 'Date'), el('input', { type: 'date', id: 'cb-date' }),
        el('label', { for: 'cb-time' }, 'Time'), el('input', { type: 'time', id: 'cb-time' }),
        el('span', { id: 'cb-zone' })),
      el('div', { class: 'row' },
        el('label', { for: 'cb-from' }, 'Call from'), el('input', { type: 'time', id: 'cb-from' }),
        el('label', { for: 'cb-till' }, 'till'), el('input', { type: 'time', id: 'cb-till' })),
      el('div', { class: 'row' }, el('input', { type: 'checkbox', id: 'cb-personal' }),
        el('label', { for: 'cb-personal' }, 'Personal Callback')),
      el('div', { class: 'row' },
        el('label', { for: 'cb-phone' }, 'New Phone Number'), el('input', { id: 'cb-phone', inputmode: 'tel', size: 14 }),
        el('label', { for: 'cb-phone-type', class: 'visually-hidden' }, 'New phone type'),
        el('select', { id: 'cb-phone-type' }, PHONE_TYPES.map((t) => el('option', { value: t }, t)))),
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'btn-callback', onclick: () => this.scheduleCallback() },
          'Schedule Callback'),
        el('button', { type: 'button', id: 'btn-cancel-callback', onclick: () => this.send('CancelCallback') },
          'Cancel Callback')),
      el('p', { id: 'cb-status', 'aria-live': 'polite' }));
  }

  scheduleCallback() {
    const date = $('#cb-date', this.root).value;
    const time = $('#cb-time', this.root).value;
    if (!date || !time) {
      this.hooks.message('Schedule Callback: enter a date and a time', 'error');
      return;
    }
    const fields = { at: date + 'T' + time };
    if ($('#cb-personal', this.root).checked) fields.personal = true;
    const from = $('#cb-from', this.root).value;
    const till = $('#cb-till', this.root).value;
    if (from || till) {
      fields.from = from;
      fields.till = till;
    }
    const phone = $('#cb-phone', this.root).value.trim();
    if (phone) {
      fields.phone = phone;
      fields.phoneType = $('#cb-phone-type', this.root).value;
    }
    this.send('ScheduleCallback', fields);
  }

  renderStatus() {
    const state = this.ix.state;
    $('#call-status', this.root).textContent = STATUS[state] || state;
    $('#preview-actions', this.root).hidden = state !== 'Preview';
    for (const row of this.root.querySelectorAll('.number-change')) row.hidden = !this.numberMayChange();
    for (const row of this.root.querySelectorAll('.after-call-only')) {
      row.hidden = !(this.previewMode && state === 'Released');
    }
    // Hold, SendDtmf, Transfer, Conference and Consult are taken only on a connected call not on hold
    // (docs/cti-protocol.md: refused NOT_ALLOWED in a conference, a consultation, a transfer, before the contact
    // connects and after the call), Retrieve only on hold, LeaveConference only in a conference: each control is
    // shown where the gateway takes it.
    const connected = state === 'Established';
    $('#btn-hold', this.root).hidden = !connected;
    for (const id of ['#party-target', '#party-target-label', '#btn-transfer', '#btn-conference', '#btn-consult']) {
      $(id, this.root).hidden = !connected;
    }
    $('#btn-leave-conference', this.root).hidden = state !== 'Conference';
    for (const b of this.root.querySelectorAll('.consult-only')) b.hidden = state !== 'Consulting';
    $('#btn-retrieve', this.root).hidden = state !== 'OnHold';
    $('#keypad', this.root).hidden = !connected;
    if (this.ix.callResult) this.callResultSet(this.ix.callResult);
    this.renderTimer();
  }

  renderTimer() {
    const t = $('#call-timer', this.root);
    if (t) t.textContent = clock((Date.now() - this.since) / 1000);
  }

  renderRecord() {
    const ix = this.ix;
    const rec = ix.record || {};
    $('#case-information', this.root).replaceChildren(definitionList(Object.entries(ix.caseInformation || {}),
      'case-info'));
    $('#current-phone', this.root).textContent = (rec.contact_info || '') +
      (rec.contact_info_type ? ' (' + rec.contact_info_type + ')' : '');
    $('#cb-zone', this.root).textContent = rec.tz ? 'contact\'s time zone: ' + rec.tz : '';
    $('#record-fields', this.root).replaceChildren(definitionList(
      Object.entries(rec).filter(([, v]) => v !== null), 'record-all'));
    this.renderRecordInformation(ix.recordInformation);
  }

  renderRecordInformation(fields) {
    const form = $('#record-information', this.root);
    form.replaceChildren();
    if (!fields || fields.length === 0) {
      form.append(el('p', {}, 'This campaign shows no Record Information fields.'));
      return;
    }
    const grid = el('div', { class: 'form-grid' });
    for (const f of fields) {
      const id = 'rf-' + f.name;
      const label = el('label', { for: id }, f.label || f.name, f.required ? ' *' : '');
      let input;
      if (f.type === 'checkbox') {
        input = el('input', { type: 'checkbox', id, checked: f.value === true || f.value === 'true' });
      } else if (f.type === 'datetime') {
        input = el('input', { type: 'datetime-local', id, value: f.value ? String(f.value).slice(0, 16) : '' });
      } else if (f.type === 'dropdown') {
        input = el('select', { id }, f.required ? null : el('option', { value: '' }, ''),
          (f.options || []).map((o) => el('option', { value: o, selected: o === f.value }, o)));
      } else {
        input = el('input', { id, value: f.value == null ? '' : String(f.value), maxlength: 1000 });
      }
      input.dataset.field = f.name;
      input.dataset.type = f.type;
      if (!f.editable) input.disabled = true;
      if (f.required) input.required = true;
      grid.append(label, input);
    }
    form.append(grid, el('button', { type: 'button', id: 'btn-save-record', onclick: () => this.saveRecord() },
      'Save Record Information'));
  }

  saveRecord() {
    const fields = {};
    for (const input of this.root.querySelectorAll('#record-information [data-field]')) {
      if (input.disabled) continue;
      const type = input.dataset.type;
      fields[input.dataset.field] = type === 'checkbox' ? input.checked : (input.value === '' ? null : input.value);
    }
    this.send('UpdateRecordFields', { fields });
  }

  /** Fills the Dispositions drop-downs once the campaign's options are known. */
  optionsArrived(campaign) {
    if (!this.ix || this.ix.campaign !== campaign) return;
    const options = this.hooks.options(campaign);
    if (!options) return;
    const result = $('#call-result', this.root);
    if (result.options.length <= 1) {
      for (const r of options.callResults) result.append(el('option', { value: r.name }, r.label));
    }
    const code = $('#disposition-code', this.root);
    if (code.options.length <= 1) {
      for (const c of options.dispositionCodes) code.append(el('option', { value: c }, c));
    }
    if (this.ix.callResult) this.callResultSet(this.ix.callResult);
  }

  callResultSet(name) {
    if (!this.ix) return;
    this.ix.callResult = name;
    const result = $('#call-result', this.root);
    if (result && [...result.options].some((o) => o.value === name)) result.value = name;
  }

  callbackScheduled(e) {
    $('#cb-status', this.root).textContent = e.callbackType + ' callback scheduled for ' + e.localAt + ' ('
      + e.timeZone + ')' + (e.phone ? ' on ' + e.phone : '') + (e.from ? ', calls from ' + e.from + ' till ' + e.till : '');
    this.hooks.message('Callback scheduled: ' + e.localAt + ' ' + e.timeZone);
  }

  callbackCancelled() {
    $('#cb-status', this.root).textContent = 'No callback';
    this.hooks.message('Callback cancelled');
  }

  recordUpdated(e) {
    this.ix.record = e.record;
    this.ix.recordInformation = e.recordInformation;
    this.renderRecord();
    this.hooks.message('Record Information saved');
  }

  autoDialPaused() {
    this.autoDial.stop();
    $('#auto-dial', this.root).textContent = 'Auto-dial paused';
  }

  history(e) {
    const rows = e.entries.map((h) => el('tr', {}, el('td', {}, h.at), el('td', {}, h.agentId || ''),
      el('td', {}, h.contactInfo || ''), el('td', {}, h.callResult || ''), el('td', {}, h.dispositionCode || ''),
      el('td', {}, h.note || '')));
    $('#contact-history', this.root).replaceChildren(el('table', { class: 'grid' },
      el('caption', {}, 'Contact History'),
      el('thead', {}, el('tr', {}, ['When', 'Agent', 'Number', 'Call Result', 'Disposition', 'Note']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 6 }, 'No earlier contact')))));
  }
}
