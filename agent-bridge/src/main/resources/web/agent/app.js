// The agent desktop: log in, channels, My Campaigns, campaign pop-ups, interaction preview, the interaction view
// and the messages view, all over the CTI WebSocket (docs/cti-protocol.md).
import { CtiConnection } from '/common/cti.js';
import { $, el, definitionList } from '/common/dom.js';
import { Countdown } from '/agent/countdown.js';
import { InteractionView } from '/agent/interaction.js';
import { BrowserPhone, listMicrophones } from '/agent/phone.js';

const desk = {
  cti: null,
  agentId: null,
  campaigns: new Map(),
  delivering: new Set(),
  options: new Map(),
};

const previewCountdown = new Countdown(() => {});
const logoutCountdown = new Countdown((left) => {
  $('#logout-countdown').textContent = 'Logout in ' + left + ' s (waiting for the call to finish)';
});

// ---- messages view ----
function message(text, kind = 'info') {
  const li = el('li', { class: kind }, new Date().toLocaleTimeString() + ' ', text);
  $('#messages').prepend(li);
}

// ---- the browser phone (remembered per browser) ----
const phoneChoice = $('#use-browser-phone');
phoneChoice.checked = localStorage.getItem('outdial.browserPhone') === 'true';
$('#phone').disabled = phoneChoice.checked;
phoneChoice.addEventListener('change', () => {
  localStorage.setItem('outdial.browserPhone', String(phoneChoice.checked));
  $('#phone').disabled = phoneChoice.checked;
});
const browserPhone = new BrowserPhone($('#phone-state'), $('#btn-mute'), $('#phone-audio'), (t, k) => message(t, k),
  $('#mic-level'), $('#microphone'));
listMicrophones($('#microphone')).catch(() => {});

// ---- log in ----
$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const agentId = $('#agent-id').value.trim();
  const secret = $('#secret').value;
  const phone = phoneChoice.checked ? 'browser' : $('#phone').value.trim();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const cti = new CtiConnection(scheme + '//' + location.host + '/cti');
  wire(cti);
  try {
    await cti.open();
  } catch (err) {
    message(err.message, 'error');
    return;
  }
  desk.cti = cti;
  cti.send('Login', phone ? { agentId, secret, phone } : { agentId, secret });
});

const view = new InteractionView($('#interaction'), {
  send: (type, fields) => desk.cti.send(type, fields),
  options: (campaign) => desk.options.get(campaign),
  mode: (campaign) => (desk.campaigns.get(campaign) || {}).dialingMode,
  callerIds: (campaign) => (desk.campaigns.get(campaign) || {}).callerIds || [],
  message,
});

function wire(cti) {
  cti.on('LoggedIn', (e) => {
    desk.agentId = e.agentId;
    $('#login-view').hidden = true;
    $('#desk-view').hidden = false;
    $('#whoami').textContent = 'Agent ' + e.agentId;
    voiceState(e.state);
    $('#preview-state').textContent = 'NotReady'; // the outbound-preview channel starts NotReady at each login
    desk.campaigns.clear();
    for (const c of e.campaigns || []) desk.campaigns.set(c.name, c);
    renderCampaigns();
    message('Logged in as ' + e.agentId);
    $('#btn-ready').focus();
    $('#browser-phone').hidden = !phoneChoice.checked;
    if (phoneChoice.checked) browserPhone.show('connecting');
  });
  // The gateway's settings for the browser phone (its ICE servers) come right after LoggedIn: then the page offers.
  cti.on('PhoneSettings', (e) => browserPhone.start(cti, e.iceServers || []));
  cti.on('PhoneAnswer', (e) => browserPhone.answered(e.sdp));
  cti.on('PhoneConnected', () => { browserPhone.connected(); message('Browser phone connected'); });
  cti.on('PhoneLost', (e) => browserPhone.lost(e.reason));
  cti.on('PhoneLostNotice', (e) => phoneLostNotice(e));
  cti.on('AgentStateChanged', (e) => voiceState(e.state, e.reason));
  cti.on('OutboundPreviewStateChanged', (e) => {
    $('#preview-state').textContent = e.state + (e.reason ? ' (' + e.reason + ')' : '');
  });
  for (const type of ['CampaignLoaded', 'CampaignStarted', 'CampaignStopped', 'CampaignUnloaded']) {
    cti.on(type, (e) => campaignNotice(type, e.campaign));
  }
  cti.on('MyCampaigns', (e) => {
    desk.campaigns.clear();
    for (const c of e.campaigns) desk.campaigns.set(c.name, c);
    renderCampaigns();
  });
  cti.on('RecordDeliveryChanged', (e) => {
    if (e.delivering) desk.delivering.add(e.campaign); else desk.delivering.delete(e.campaign);
    renderCampaigns();
    message('Records of ' + e.campaign + (e.delivering ? ' are delivered to you' : ' stopped (' + e.reason + ')'));
  });
  cti.on('DispositionOptions', (e) => {
    desk.options.set(e.campaign, e);
    view.optionsArrived(e.campaign);
  });
  cti.on('InteractionPreview', (e) => preview(e));
  cti.on('InteractionAccepted', (e) => {
    closePreview();
    message('Interaction accepted' + (e.auto ? ' automatically (auto-answer)' : ''));
  });
  cti.on('InteractionRejected', (e) => {
    closePreview();
    view.clear(e.interactionId);
    message('Interaction preview ended: ' + e.reason);
  });
  for (const type of ['InteractionRinging', 'InteractionEstablished', 'InteractionEngaged', 'InteractionUpdated',
    'InteractionHeld', 'InteractionRetrieved', 'InteractionReleased']) {
    cti.on(type, (e) => {
      closePreview();
      ensureOptions(e.interaction.campaign);
      view.show(e.interaction, {});
    });
  }
  cti.on('InteractionDone', (e) => {
    view.clear(e.interactionId);
    message('Done: ' + e.interactionId + ' (' + e.callResult + ')');
  });
  cti.on('InteractionDeclined', (e) => {
    view.clear(e.interactionId);
    message('Declined: ' + (e.reason === 'do_not_call' ? 'Do not call this contact for this campaign'
      : 'Call this contact later'));
  });
  cti.on('CallResultSet', (e) => { view.callResultSet(e.callResult); message('Call result set: ' + e.callResult); });
  cti.on('DispositionSet', (e) => message('Disposition saved' + (e.dispositionCode ? ': ' + e.dispositionCode : '')
    + (e.doNotCall ? ', Do Not Call' : '')));
  cti.on('CallbackScheduled', (e) => view.callbackScheduled(e));
  cti.on('CallbackCancelled', () => view.callbackCancelled());
  cti.on('DtmfSent', (e) => view.dtmfSent(e));
  for (const type of ['RecordingStarted', 'RecordingPaused', 'RecordingResumed', 'RecordingStopped']) {
    cti.on(type, (e) => {
      view.recording(Object.assign({ type }, e));
      if (type === 'RecordingStopped' && e.status === 'failed') message('Recording failed: ' + (e.reason || ''), 'error');
    });
  }
  cti.on('Responses', (e) => view.responses(e));
  cti.on('ContactDirectory', (e) => view.contact(e));
  cti.on('Contacts', (e) => view.contacts(e));
  cti.on('RecordFieldsUpdated', (e) => view.recordUpdated(e));
  cti.on('ContactHistory', (e) => view.history(e));
  cti.on('ContactNumbers', (e) => view.numbers(e));
  cti.on('AutoDialPaused', () => view.autoDialPaused());
  cti.on('NoRecord', (e) => message('No record: ' + e.campaign + ': ' + e.reason));
  cti.on('DoNotCallNotice', (e) => message(e.message, 'error'));
  cti.on('TransferStarted', (e) => message('Transferring to ' + e.target));
  cti.on('TransferCompleted', (e) => message('Transferred to ' + e.target));
  // The conference events carry no interaction: the state they tell (docs/cti-protocol.md, Conference) is set here.
  cti.on('ConferenceStarted', (e) => {
    view.stateOf(e.interactionId, 'Conference');
    message('Conference: dialing ' + e.target + ' (the contact is on hold)');
  });
  cti.on('ConferenceJoined', (e) => {
    view.stateOf(e.interactionId, 'Conference'); // also after CompleteConference, from Consulting
    message('Conference: ' + e.target + ' joined');
  });
  cti.on('ConferencePartyLeft', (e) => {
    view.stateOf(e.interactionId, 'Established');
    message('Conference: ' + e.party + ' left');
  });
  cti.on('ConsultStarted', (e) => {
    view.stateOf(e.interactionId, 'Consulting');
    message('Consultation: dialing ' + e.target + ' (the contact is on hold)');
  });
  cti.on('ConsultEstablished', (e) => message('Consultation: talking with ' + e.target));
  cti.on('ConsultEnded', (e) => message('Consultation with ' + e.target + ' ended (' + e.reason + ')'));
  cti.on('LogoutPending', (e) => {
    if (e.secondsLeft !== undefined && e.secondsLeft !== null) {
      logoutCountdown.start(e.secondsLeft);
    } else {
      logoutCountdown.stop();
      $('#logout-countdown').textContent = 'Logout after Mark Done (' + e.reason + ')';
    }
    message('Logout pending: ' + e.reason);
  });
  cti.on('LogoutAuthorized', (e) => { logoutCountdown.stop(); message('Logout authorized: ' + e.reason); });
  cti.on('LoggedOut', () => message('Logged out'));
  cti.on('Error', (e) => {
    message('[' + e.code + '] ' + e.message + (e.action ? ' (' + e.action + ')' : ''), 'error');
    if (e.code === 'PHONE_OFFER_REFUSED') browserPhone.lost(e.message);
  });
  cti.on('ConnectionClosed', () => {
    if (browserPhone.pc) browserPhone.lost('disconnected from the gateway');
    logoutCountdown.stop();
    previewCountdown.stop();
    $('#desk-view').hidden = false;
    $('#login-view').hidden = false;
    $('#voice-state').textContent = 'LoggedOut';
    $('#preview-state').textContent = 'LoggedOut';
    message('Disconnected from the gateway', 'error');
  });
}

// After a login: the browser phone went while a call was on it (a closed tab, a lost network) since the last one.
function phoneLostNotice(e) {
  const call = e.interactionId
    ? ' during the call' + (e.contactInfo ? ' to ' + e.contactInfo : '') + ' (' + e.campaign + ', ' + e.interactionId
      + '), which ended ' + (e.callResult ? 'with the result ' + e.callResult : 'as when a phone hangs up')
    : ' during a call, which ended';
  const text = 'Your browser phone was lost at ' + new Date(e.lostAt).toLocaleTimeString() + ' (' + e.reason + ')'
    + call + '.';
  const notice = el('div', { class: 'notice', id: 'phone-lost-notice', role: 'alertdialog',
    'aria-labelledby': 'phone-lost-notice-t', 'aria-describedby': 'phone-lost-notice-d' },
  el('strong', { id: 'phone-lost-notice-t' }, 'Browser phone lost'),
  el('span', { id: 'phone-lost-notice-d' }, text),
  el('button', { type: 'button', onclick: () => notice.remove() }, 'OK'));
  const earlier = $('#phone-lost-notice');
  if (earlier) earlier.remove();
  $('#notices').append(notice);
  message(text, 'error');
}

function voiceState(state, reason) {
  $('#voice-state').textContent = state + (reason ? ' (' + reason + ')' : '');
}

function ensureOptions(campaign) {
  if (campaign && !desk.options.has(campaign)) {
    desk.options.set(campaign, null);
    desk.cti.send('GetDispositionOptions', { campaign });
  }
}

// ---- channels ----
$('#btn-ready').addEventListener('click', () => desk.cti.send('Ready'));
$('#btn-not-ready').addEventListener('click', () => {
  const reason = $('#not-ready-reason').value.trim();
  desk.cti.send('NotReady', reason ? { reason } : {});
});
$('#btn-preview-ready').addEventListener('click', () => desk.cti.send('OutboundPreviewReady'));
$('#btn-preview-not-ready').addEventListener('click', () => desk.cti.send('OutboundPreviewNotReady'));
$('#btn-logout').addEventListener('click', () => desk.cti.send('Logout'));

// ---- My Campaigns and their pop-ups ----
const NOTICE_TITLES = {
  CampaignLoaded: 'Campaign Loaded', CampaignStarted: 'Campaign Started',
  CampaignStopped: 'Campaign Stopped', CampaignUnloaded: 'Campaign Unloaded',
};

function campaignNotice(type, campaign) {
  if (type === 'CampaignUnloaded') desk.campaigns.delete(campaign.name);
  else desk.campaigns.set(campaign.name, campaign);
  if (type !== 'CampaignStarted') desk.delivering.delete(campaign.name);
  renderCampaigns();
  const title = NOTICE_TITLES[type];
  const id = 'notice-' + Math.random().toString(36).slice(2);
  const notice = el('div', { class: 'notice', role: 'alertdialog', 'aria-labelledby': id + '-t',
    'aria-describedby': id + '-d' },
  el('strong', { id: id + '-t' }, title),
  el('span', { id: id + '-d' }, campaign.name + (campaign.description ? ' - ' + campaign.description : '')
      + ' (' + campaign.dialingMode + ')'),
  el('button', { type: 'button', onclick: () => notice.remove() }, 'OK'));
  $('#notices').append(notice);
  message(title + ': ' + campaign.name);
}

function renderCampaigns() {
  const body = $('#campaigns tbody');
  body.replaceChildren();
  if (desk.campaigns.size === 0) {
    body.append(el('tr', {}, el('td', { colspan: 6 }, 'No campaign is loaded.')));
  }
  for (const c of desk.campaigns.values()) {
    const action = el('td');
    const running = c.status === 'Running';
    if (c.dialingMode === 'Preview') {
      action.append(el('button', { type: 'button', disabled: !running, 'aria-label': 'Get Record from ' + c.name,
        onclick: () => desk.cti.send('GetRecord', { campaign: c.name }) }, 'Get Record'));
    } else if (c.dialingMode === 'Direct Push Preview') {
      const on = desk.delivering.has(c.name);
      action.append(el('button', { type: 'button', disabled: !running || on, 'aria-label': 'Get Record from ' + c.name,
        onclick: () => desk.cti.send('GetRecord', { campaign: c.name }) }, 'Get Record'),
      el('button', { type: 'button', disabled: !on, 'aria-label': 'Stop records of ' + c.name,
        onclick: () => desk.cti.send('StopRecords', { campaign: c.name }) }, 'Stop'));
    }
    body.append(el('tr', { 'data-campaign': c.name }, el('td', { class: 'status' }, c.status), el('td', {}, c.name),
      el('td', {}, c.deliveryMode), el('td', {}, c.dialingMode), el('td', {}, c.description || ''), action));
  }
}

// ---- interaction preview (Accept / Reject with countdowns) ----
function preview(e) {
  const ix = e.interaction;
  ensureOptions(ix.campaign);
  const offered = e.acceptTimeout != null || e.autoAnswerIn != null || e.rejectAllowed != null;
  if (!offered) {
    // A preview (pull) record: the interaction view itself shows Call / Decline.
    closePreview();
    view.show(ix, { autoDialIn: e.autoDialIn });
    view.focus();
    return;
  }
  view.clear();
  const box = $('#ix-preview');
  box.dataset.interaction = ix.interactionId;
  const info = ix.caseInformation || {};
  const rec = ix.record || {};
  $('#ix-preview-body').replaceChildren(
    el('h3', {}, 'Case Information'),
    definitionList(Object.entries(info), 'ix-preview-case'),
    el('h3', {}, 'Record Information'),
    definitionList(Object.entries(rec).filter(([k, v]) => v !== null && !k.startsWith('daily_')), 'ix-preview-record'));
  const reject = $('#btn-reject');
  reject.hidden = e.rejectAllowed === false;
  const line = $('#ix-preview-countdown');
  if (e.autoAnswerIn != null) {
    previewCountdown.render = (left) => { line.textContent = 'Auto-answer in ' + left + ' s'; };
    previewCountdown.start(e.autoAnswerIn);
  } else if (e.acceptTimeout != null) {
    previewCountdown.render = (left) => {
      line.textContent = 'Accept within ' + left + ' s, or the record goes back to the list';
    };
    previewCountdown.start(e.acceptTimeout);
  } else {
    previewCountdown.stop();
    line.textContent = '';
  }
  box.hidden = false;
  $('#btn-accept').focus();
  message('Interaction preview: ' + (info.Origin || ix.campaign));
}

function closePreview() {
  previewCountdown.stop();
  $('#ix-preview').hidden = true;
}

$('#btn-accept').addEventListener('click', () =>
  desk.cti.send('Accept', { interactionId: $('#ix-preview').dataset.interaction }));
$('#btn-reject').addEventListener('click', () =>
  desk.cti.send('Reject', { interactionId: $('#ix-preview').dataset.interaction }));
$('#ix-preview').addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('#btn-reject').hidden) $('#btn-reject').click();
});
