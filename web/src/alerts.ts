// Alerts from the `alerts` channel: a dismissible list, newest first, with an optional
// sound and the page's "watchlist only" filter. Fed by applyAlert only (the lead connects
// the SDK's `alert` event to it); the list stays hidden until the first alert arrives.
// The filtering is pure (visibleAlerts) so its rules are tested without a browser.
import { formatMarketTime } from './format.js';
import { t, type Lang } from './i18n.js';

export interface AlertItem {
  /** Unique: a replayed alert has the same id and is shown once. */
  id: string;
  type: string;
  severity: 'INFO' | 'WARNING' | 'CRITICAL' | string;
  symbol: string;
  value: number;
  timeMs: number;
  message: string;
}

const MAX_ALERTS = 50;

/** The alerts to show, newest first: not dismissed, and on the watchlist when watchOnly is on. */
export function visibleAlerts(alerts: readonly AlertItem[], dismissed: ReadonlySet<string>, watchOnly: boolean, isWatched: (symbol: string) => boolean): AlertItem[] {
  return alerts.filter((a) => !dismissed.has(a.id) && (!watchOnly || isWatched(a.symbol)));
}

export interface AlertListOptions {
  isWatched(symbol: string): boolean;
  /** A click on an alert's symbol (opens its detail). */
  onSymbol(symbol: string): void;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const SOUND_KEY = 'boardcast.alertSound';

export class AlertList {
  private alerts: AlertItem[] = [];
  private readonly dismissed = new Set<string>();
  private watchOnly = false;
  private sound: boolean;
  private audio: AudioContext | undefined;
  private readonly list: HTMLUListElement;
  private readonly soundBox: HTMLInputElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: AlertListOptions,
    private lang: Lang,
  ) {
    root.hidden = true;
    root.setAttribute('aria-labelledby', 'alerts-title');
    root.innerHTML = `
      <div class="al-head">
        <h2 id="alerts-title" data-i18n="alerts"></h2>
        <label><input type="checkbox" class="al-sound" /> <span data-i18n="alertSound"></span></label>
        <button type="button" class="al-clear" data-i18n="dismissAll"></button>
      </div>
      <ul class="al-list" aria-live="polite"></ul>`;
    this.list = root.querySelector('.al-list')!;
    this.soundBox = root.querySelector('.al-sound')!;
    this.sound = opts.storage?.getItem(SOUND_KEY) === '1';
    this.soundBox.checked = this.sound;
    this.soundBox.addEventListener('change', () => {
      this.sound = this.soundBox.checked;
      try {
        opts.storage?.setItem(SOUND_KEY, this.sound ? '1' : '0');
      } catch {
        // not remembered
      }
    });
    root.querySelector('.al-clear')!.addEventListener('click', () => {
      for (const a of this.alerts) this.dismissed.add(a.id);
      this.draw();
    });
    this.list.addEventListener('click', (e) => {
      const el = e.target as HTMLElement;
      const li = el.closest<HTMLLIElement>('li[data-id]');
      if (!li) return;
      if (el.closest('.al-dismiss')) {
        this.dismissed.add(li.dataset.id!);
        this.draw();
      } else if (el.closest('.al-symbol')) this.opts.onSymbol(li.dataset.symbol!);
    });
  }

  applyAlert(a: AlertItem): void {
    if (this.alerts.some((x) => x.id === a.id)) return;
    this.alerts.unshift(a);
    if (this.alerts.length > MAX_ALERTS) this.alerts.length = MAX_ALERTS;
    this.root.hidden = false;
    const shown = visibleAlerts([a], this.dismissed, this.watchOnly, this.opts.isWatched).length > 0;
    if (shown && this.sound) this.beep(a.severity === 'CRITICAL' ? 880 : 660);
    this.draw();
  }

  setWatchOnly(on: boolean): void {
    if (on === this.watchOnly) return;
    this.watchOnly = on;
    this.draw();
  }

  /** The watchlist changed: the filter may show other alerts. */
  refilter(): void {
    if (this.watchOnly) this.draw();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.draw();
  }

  private draw(): void {
    const shown = visibleAlerts(this.alerts, this.dismissed, this.watchOnly, this.opts.isWatched);
    this.list.replaceChildren(
      ...shown.map((a) => {
        const li = document.createElement('li');
        li.dataset.id = a.id;
        li.dataset.symbol = a.symbol;
        li.className = `al-${a.severity.toLowerCase()}`;
        const time = document.createElement('time');
        time.textContent = formatMarketTime(a.timeMs);
        const sym = document.createElement('button');
        sym.type = 'button';
        sym.className = 'al-symbol';
        sym.textContent = a.symbol;
        const msg = document.createElement('span');
        msg.className = 'al-msg';
        msg.textContent = a.message;
        const x = document.createElement('button');
        x.type = 'button';
        x.className = 'al-dismiss';
        x.textContent = '✕';
        x.setAttribute('aria-label', `${t('dismiss', this.lang)} ${a.symbol}`);
        li.append(time, sym, msg, x);
        return li;
      }),
    );
    this.root.dataset.count = String(shown.length);
  }

  /** A short tone; browsers allow audio only after a user gesture, so it may stay silent until one. */
  private beep(freq: number): void {
    try {
      this.audio ??= new AudioContext();
      const osc = this.audio.createOscillator();
      const gain = this.audio.createGain();
      gain.gain.value = 0.08;
      osc.frequency.value = freq;
      osc.connect(gain).connect(this.audio.destination);
      osc.start();
      osc.stop(this.audio.currentTime + 0.15);
    } catch {
      // no audio in this browser
    }
  }
}
