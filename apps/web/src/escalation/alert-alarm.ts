/**
 * Makes an escalated alert loud on a phone: a vibration where the browser allows it (`navigator.vibrate`, not on
 * iOS) and a short tone where audio may play (browsers refuse it until the user has touched the page). Both are
 * best effort: the banner itself is what must be seen.
 */
export function soundAlarm(
  browser: Pick<Window, 'navigator'> & { AudioContext?: typeof AudioContext },
): void {
  try {
    browser.navigator.vibrate?.([300, 120, 300, 120, 600]);
  } catch {
    // Refused (no user activation yet): the tone and the banner remain.
  }
  const Audio = browser.AudioContext;
  if (!Audio) return;
  try {
    const context = new Audio();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(context.destination);
    const start = context.currentTime;
    // Three short beeps, then the context is closed.
    gain.gain.setValueAtTime(0.2, start);
    for (const at of [0.2, 0.4]) {
      gain.gain.setValueAtTime(0, start + at - 0.05);
      gain.gain.setValueAtTime(0.2, start + at);
    }
    oscillator.start(start);
    oscillator.stop(start + 0.6);
    oscillator.onended = () => void context.close().catch(() => undefined);
  } catch {
    // Audio is not allowed here.
  }
}
