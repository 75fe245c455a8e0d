// New-message alerts: a short WebAudio beep and a flashing title until the student looks at the page.
export interface Alerts {
  buyerWrote(title: string): void;
  dispose(): void;
}

export function createAlerts(doc: Document = document): Alerts {
  let audio: AudioContext | undefined;
  let lastBeep = 0;
  let flashTimer: ReturnType<typeof setInterval> | undefined;
  let baseTitle = doc.title;

  function beep(): void {
    const now = Date.now();
    if (now - lastBeep < 400) return; // a burst of messages rings once
    lastBeep = now;
    try {
      audio ??= new AudioContext();
      if (audio.state === 'suspended') void audio.resume();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.25);
    } catch {
      // no audio device or autoplay blocked: the title alert still shows
    }
  }

  function stopFlash(): void {
    if (!flashTimer) return;
    clearInterval(flashTimer);
    flashTimer = undefined;
    doc.title = baseTitle;
  }

  const onVisible = () => {
    if (!doc.hidden) stopFlash();
  };
  doc.addEventListener('visibilitychange', onVisible);
  doc.defaultView?.addEventListener('focus', stopFlash);

  return {
    buyerWrote(title) {
      beep();
      if (!flashTimer) baseTitle = doc.title;
      stopFlash();
      let on = true;
      doc.title = title;
      flashTimer = setInterval(() => {
        on = !on;
        doc.title = on ? title : baseTitle;
      }, 1_000);
      // Someone looking at the page has seen it: flash briefly only.
      if (!doc.hidden && doc.hasFocus()) setTimeout(stopFlash, 3_000);
    },
    dispose() {
      stopFlash();
      doc.removeEventListener('visibilitychange', onVisible);
      doc.defaultView?.removeEventListener('focus', stopFlash);
    },
  };
}
