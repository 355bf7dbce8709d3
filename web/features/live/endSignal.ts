// The audible end-of-timer signal, made with the Web Audio API (no audio file to load).

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextConstructor | null {
  const candidate = (window as unknown as { webkitAudioContext?: AudioContextConstructor })
    .webkitAudioContext;
  return typeof window.AudioContext === 'function' ? window.AudioContext : (candidate ?? null);
}

/**
 * Prepares sound on the person's first tap or key press: browsers only allow audio that a
 * gesture started, and the timer usually ends long after the last one.
 */
export function unlockAudioOnFirstGesture(): () => void {
  const unlock = () => {
    const Context = audioContextClass();
    if (!Context) return;
    try {
      context ??= new Context();
      void context.resume().catch(() => undefined);
    } catch {
      // No sound on this device; the banner still shows.
    }
    remove();
  };
  const remove = () => {
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
  return remove;
}

/** Plays three short rising tones; silently does nothing where audio is unavailable. */
export function playEndSignal(): void {
  const Context = audioContextClass();
  if (!Context) return;
  try {
    context ??= new Context();
    const audio = context;
    void audio.resume().catch(() => undefined);
    const tones = [660, 880, 1100];
    const toneSeconds = 0.22;
    const gapSeconds = 0.08;
    const start = audio.currentTime + 0.05;
    tones.forEach((frequency, index) => {
      const at = start + index * (toneSeconds + gapSeconds);
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // A short fade in and out avoids clicks.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.02);
      gain.gain.linearRampToValueAtTime(0, at + toneSeconds);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + toneSeconds + 0.02);
    });
  } catch {
    // No sound on this device; the banner still shows.
  }
}
