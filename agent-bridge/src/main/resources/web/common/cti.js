// The CTI WebSocket of docs/cti-protocol.md: one JSON object per text frame, `type` tells messages apart,
// a command's reply and errors carry its requestId.
export class CtiConnection {
  constructor(url) {
    this.url = url;
    this.handlers = new Map();
    this.counter = 0;
    this.socket = null;
  }

  /** Calls fn(event) for every event of `type` ("*" for all). */
  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(fn);
    return this;
  }

  /** Opens the socket; resolves once open, rejects if it cannot be opened. */
  open() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('cannot connect to ' + this.url)));
      socket.addEventListener('message', (m) => this.dispatch(m.data));
      socket.addEventListener('close', (c) => this.emit({ type: 'ConnectionClosed', code: c.code, reason: c.reason }));
    });
  }

  /** Sends a command with a fresh requestId; returns the requestId. */
  send(type, fields = {}) {
    const requestId = 'w' + (++this.counter);
    const message = Object.assign({ type, requestId }, fields);
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      this.emit({ type: 'Error', requestId, code: 'CLOSED', message: 'Not connected to the gateway' });
      return requestId;
    }
    this.socket.send(JSON.stringify(message));
    return requestId;
  }

  close() {
    if (this.socket) this.socket.close(1000);
  }

  dispatch(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch (e) {
      this.emit({ type: 'Error', code: 'MALFORMED', message: 'The gateway sent a message that is not JSON' });
      return;
    }
    this.emit(event);
  }

  emit(event) {
    for (const fn of this.handlers.get(event.type) || []) fn(event);
    for (const fn of this.handlers.get('*') || []) fn(event);
  }
}
