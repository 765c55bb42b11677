// The browser as the agent's phone (issue 17, docs/cti-protocol.md "Browser phone"): after a Login with
// phone "browser", the page offers its microphone once (PhoneOffer), takes the gateway's answer (PhoneAnswer) and
// keeps the connection for the whole login; the gateway delivers every call to it. Mute stops sending audio.
// The RTCPeerConnection takes the ICE servers (STUN, TURN) of the gateway's PhoneSettings (browserPhone.iceServers).
// The microphone is the one chosen in #microphone (remembered), its level shown in #mic-level.
// window.outdialPhone exposes the peer connection for tests (getStats()).

const MIC_KEY = 'outdial.microphone';

// Fills the microphone choice with the browser's audio inputs (names appear once the page may use the microphone).
export async function listMicrophones(select) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return;
  const chosen = localStorage.getItem(MIC_KEY) || '';
  const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput');
  select.replaceChildren(new Option('Default microphone', ''));
  devices.filter((d) => d.deviceId && d.deviceId !== 'default').forEach((d, i) => {
    select.add(new Option(d.label || 'Microphone ' + (i + 1), d.deviceId));
  });
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  select.onchange = () => localStorage.setItem(MIC_KEY, select.value);
}

export class BrowserPhone {
  constructor(stateOutput, muteButton, audio, message, level, microphones) {
    this.level = level;
    this.microphones = microphones;
    this.meter = null;
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

  // Asks for the microphone and sends the offer over the CTI connection; iceServers as RTCConfiguration takes them.
  async start(cti, iceServers = []) {
    this.stop();
    this.show('connecting');
    try {
      const deviceId = localStorage.getItem(MIC_KEY);
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
    } catch (err) {
      this.show('lost', 'no microphone: ' + err.message);
      this.message('The browser phone needs the microphone: ' + err.message, 'error');
      return;
    }
    this.startMeter();
    listMicrophones(this.microphones).catch(() => {});
    let pc;
    try {
      pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    } catch (err) {
      this.lost('the ICE servers are refused: ' + err.message);
      return;
    }
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

  // The input level: the RMS of the microphone's last 1024 samples, ten times a second, into a <meter>.
  startMeter() {
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      this.level.value = this.muted ? 0 : Math.min(1, Math.sqrt(sum / samples.length) * 4);
    }, 100);
    context.resume().catch(() => {});
    this.meter = { context, timer };
  }

  stop() {
    if (this.meter) {
      clearInterval(this.meter.timer);
      this.meter.context.close();
      this.meter = null;
      this.level.value = 0;
    }
    if (this.pc) this.pc.close();
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.pc = null;
    this.stream = null;
  }
}
