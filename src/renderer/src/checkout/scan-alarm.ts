// The unknown-code alarm's sound: two short beeps made with WebAudio (no audio file to ship, works offline): one
// oscillator, its gain switched on twice. The AudioContext is made on first use, inside the key press that raised the
// alarm, so browsers' autoplay rules allow it. A till without sound still gets the visual alarm; the beep is never a
// reason to fail.
let context: AudioContext | null = null;

export function beepAlarm(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    const start = ctx.currentTime;
    gain.gain.setValueAtTime(0, start);
    for (const offset of [0, 0.2]) {
      gain.gain.setValueAtTime(0.2, start + offset);
      gain.gain.setValueAtTime(0, start + offset + 0.12);
    }
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.35);
  } catch {
    // No audio device or API: the red banner is the alarm.
  }
}
