// The unknown-code alarm's sound: two short beeps made with WebAudio (no audio file to ship, works offline). The
// AudioContext is made on first use, inside the key press that raised the alarm, so browsers' autoplay rules allow it.
// A till without sound (no AudioContext) still gets the visual alarm; the beep is never a reason to fail.
let context: AudioContext | null = null;

export function beepAlarm(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    for (const offset of [0, 0.2]) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = 880;
      gain.gain.value = 0.2;
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(ctx.currentTime + offset);
      oscillator.stop(ctx.currentTime + offset + 0.12);
    }
  } catch {
    // No audio device or API: the red banner is the alarm.
  }
}
