// A visible countdown from the seconds an event gave (the desktop counts down itself, as the protocol says).
export class Countdown {
  constructor(render) {
    this.render = render;
    this.timer = null;
  }

  /** Starts at `seconds`, calls render(secondsLeft) now and every second until 0 or stop(). */
  start(seconds) {
    this.stop();
    const end = Date.now() + seconds * 1000;
    const tick = () => {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      this.render(left);
      if (left === 0) this.stop();
    };
    tick();
    this.timer = setInterval(tick, 250);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running() {
    return this.timer !== null;
  }
}
