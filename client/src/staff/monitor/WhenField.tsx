// A moment (an exam's opening or closing) as a teacher picks it: a day named in the UI's language
// (2026年12月1日周二 / Tue, December 1, 2026) and a 24-hour hour and minute. The browser's own datetime-local
// follows the browser's locale, not the page's, so an English browser showed a Chinese class mm/dd/yyyy and
// AM/PM. The value is an instant (UTC milliseconds); the choices are in the browser's time zone.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
/** How far ahead the day list reaches: a semester. */
export const DAYS_AHEAD = 180;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day, hour and minute of an instant, as the field's choices name them. */
export function localParts(at: number): { day: string; hour: string; minute: string } {
  const d = new Date(at);
  return {
    day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    hour: pad(d.getHours()),
    minute: pad(d.getMinutes()),
  };
}

function instantOf(day: string, hour: string, minute: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Number(hour), Number(minute)).getTime();
}

/** The days offered: from `from`'s day for DAYS_AHEAD days, and the chosen one if it lies outside them. */
function dayChoices(from: number, chosen: number): number[] {
  const start = new Date(from);
  const days: number[] = [];
  for (let i = 0; i < DAYS_AHEAD; i++) {
    days.push(new Date(start.getFullYear(), start.getMonth(), start.getDate() + i).getTime());
  }
  const chosenDay = localParts(chosen).day;
  if (!days.some((d) => localParts(d).day === chosenDay)) {
    const c = new Date(chosen);
    const at = new Date(c.getFullYear(), c.getMonth(), c.getDate()).getTime();
    days.push(at);
    days.sort((a, b) => a - b);
  }
  return days;
}

const HOURS = Array.from({ length: 24 }, (_, i) => pad(i));
const MINUTES = Array.from({ length: 60 }, (_, i) => pad(i));

export function WhenField(props: {
  label: string;
  value: number;
  /** The first day offered (today, by the page's clock). */
  from: number;
  onChange(at: number): void;
}) {
  const { label, value, from, onChange } = props;
  const { t, i18n } = useTranslation('staff');
  const legendId = useId();
  const parts = localParts(value);
  const dayName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en' : 'zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  });
  const set = (change: Partial<typeof parts>) => {
    const next = { ...parts, ...change };
    onChange(instantOf(next.day, next.hour, next.minute));
  };
  return (
    <fieldset className="when-field" aria-labelledby={legendId}>
      <legend id={legendId}>{label}</legend>
      <select aria-label={t('when.day')} value={parts.day} onChange={(e) => set({ day: e.target.value })}>
        {dayChoices(from, value).map((d) => (
          <option key={d} value={localParts(d).day}>
            {dayName.format(d)}
          </option>
        ))}
      </select>
      <select aria-label={t('when.hour')} value={parts.hour} onChange={(e) => set({ hour: e.target.value })}>
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <span aria-hidden="true">:</span>
      <select
        aria-label={t('when.minute')}
        value={parts.minute}
        onChange={(e) => set({ minute: e.target.value })}
      >
        {MINUTES.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

/** The start of the minute `at` falls in: the field picks whole minutes. */
export const wholeMinute = (at: number) => Math.floor(at / MINUTE) * MINUTE;
