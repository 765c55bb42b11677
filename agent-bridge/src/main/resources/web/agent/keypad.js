// The interaction view's keypad: sixteen DTMF keys in the telephone layout (with A-D on the right), each sending
// SendDtmf for the interaction shown; shown while the contact is connected. The line under it keeps what went out.
import { el } from '/common/dom.js';

const ROWS = [['1', '2', '3', 'A'], ['4', '5', '6', 'B'], ['7', '8', '9', 'C'], ['*', '0', '#', 'D']];
const NAMES = { '*': 'star', '#': 'hash' };

/** The id of a key's button: dtmf-1, dtmf-A, dtmf-star, dtmf-hash. */
export function keyId(key) {
  return 'dtmf-' + (NAMES[key] || key);
}

/** The keypad's fieldset; send(digits) sends SendDtmf. */
export function keypadSection(send) {
  const grid = el('div', { class: 'keypad', role: 'group', 'aria-label': 'Keypad' },
    ROWS.flat().map((key) => el('button', {
      type: 'button', id: keyId(key), 'aria-label': 'Send DTMF ' + key, onclick: () => send(key),
    }, key)));
  return el('fieldset', { id: 'keypad' }, el('legend', {}, 'Keypad'),
    el('p', {}, 'Use the keypad to send DTMF to the contact.'), grid,
    el('p', {}, 'Sent: ', el('output', { id: 'dtmf-sent', 'aria-live': 'polite' })));
}
