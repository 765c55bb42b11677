// The supervisor's login: POST /auth/login sets the session cookie (HttpOnly, SameSite=Strict), then the dashboard.
import { $, el } from '/common/dom.js';

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#login-error').replaceChildren();
  const body = JSON.stringify({ user: $('#login-user').value, password: $('#login-password').value });
  let message;
  try {
    const response = await fetch('/auth/login', {
      method: 'POST', body, headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
    });
    if (response.ok) {
      window.location.assign('/supervisor');
      return;
    }
    const json = await response.json().catch(() => null);
    message = (json && json.error) || response.status + ' ' + response.statusText;
  } catch (e) {
    message = 'the gateway cannot be reached';
  }
  $('#login-password').value = '';
  $('#login-error').replaceChildren(el('p', { class: 'error' }, 'Login refused: ' + message));
});
