// The browser as the agent's phone (issue 17, docs/cti-protocol.md "Browser phone"): after a Login with
// phone "browser", the page offers its microphone once (PhoneOffer), takes the gateway's answer (PhoneAnswer) and
// keeps the connection for the whole login; the gateway delivers every call to it. Mute stops sending audio.
// window.outdialPhone exposes the peer connection for tests (getStats()).

export class BrowserPhone {
  constructor(stateOutput, muteButton, audio, message) {
    this.stateOutput = stateOutput;
    this.muteButton = muteButton;
    this.audio = audio;
    this.message = message;
    this.pc = null;
    this.stream = null;
    this.muted = false;
    muteButton.addEventListener('click', () => this.mute(!this.muted));
    window.outdialPhone = this;
  }

  show(state, detail) {
    this.stateOutput.textContent = state + (detail ? ' (' + detail + ')' : '');
    this.stateOutput.dataset.state = state;
    this.muteButton.disabled = state !== 'connected';
  }

  // Asks for the microphone and sends the offer over the CTI connection.
  async start(cti) {
    this.stop();
    this.show('connecting');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      this.show('lost', 'no microphone: ' + err.message);
      this.message('The browser phone needs the microphone: ' + err.message, 'error');
      return;
    }
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc = pc;
    this.stream.getTracks().forEach((t) => pc.addTrack(t, this.stream));
    pc.ontrack = (e) => { this.audio.srcObject = e.streams[0] || new MediaStream([e.track]); };
    pc.onconnectionstatechange = () => {
      if (pc !== this.pc) return;
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') this.show('lost', pc.connectionState);
    };
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    cti.send('PhoneOffer', { sdp: pc.localDescription.sdp });
  }

  async answered(sdp) {
    if (!this.pc) return;
    try {
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (err) {
      this.show('lost', 'bad answer: ' + err.message);
    }
  }

  connected() {
    this.show('connected');
    this.mute(false);
  }

  lost(reason) {
    this.show('lost', reason);
    this.message('Browser phone lost: ' + reason + '. Log in again to reconnect.', 'error');
    this.stop();
  }

  mute(on) {
    this.muted = on;
    if (this.stream) this.stream.getAudioTracks().forEach((t) => { t.enabled = !on; });
    this.muteButton.textContent = on ? 'Unmute' : 'Mute';
    this.muteButton.setAttribute('aria-pressed', String(on));
  }

  stop() {
    if (this.pc) this.pc.close();
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.pc = null;
    this.stream = null;
  }
}
