import type { IsoWeekday } from '@samverkan/contracts';
import { useId } from 'preact/hooks';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import type { WindowDraft } from './zone-form.model';

const DAYS: { day: IsoWeekday; short: MessageKey; long: MessageKey }[] = [
  { day: 1, short: 'day.short.1', long: 'day.long.1' },
  { day: 2, short: 'day.short.2', long: 'day.long.2' },
  { day: 3, short: 'day.short.3', long: 'day.long.3' },
  { day: 4, short: 'day.short.4', long: 'day.long.4' },
  { day: 5, short: 'day.short.5', long: 'day.long.5' },
  { day: 6, short: 'day.short.6', long: 'day.long.6' },
  { day: 7, short: 'day.short.7', long: 'day.long.7' },
];

/** The weekly hours: for each window, the days it starts on and its start and end (an end before the start runs past midnight). */
export function ScheduleEditor({
  windows,
  onChange,
  invalid,
}: {
  windows: WindowDraft[];
  onChange: (windows: WindowDraft[]) => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  const change = (index: number, next: Partial<WindowDraft>) =>
    onChange(windows.map((window, i) => (i === index ? { ...window, ...next } : window)));

  return (
    <div class="schedule-editor">
      {windows.map((window, index) => (
        <WindowEditor
          key={index}
          index={index}
          window={window}
          invalid={invalid}
          onChange={(next) => change(index, next)}
          onRemove={windows.length > 1 ? () => onChange(windows.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <button
        type="button"
        class="button button--secondary button--small"
        onClick={() => onChange([...windows, { days: [6, 7], from: '10:00', to: '16:00' }])}
      >
        {t('schedule.addWindow')}
      </button>
      <p class="field__hint">{t('schedule.pastMidnight')}</p>
    </div>
  );
}

function WindowEditor({
  index,
  window,
  invalid,
  onChange,
  onRemove,
}: {
  index: number;
  window: WindowDraft;
  invalid: boolean;
  onChange: (next: Partial<WindowDraft>) => void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const ids = { from: useId(), to: useId() };
  const toggleDay = (day: IsoWeekday, on: boolean) =>
    onChange({
      days: on ? [...window.days, day].sort((a, b) => a - b) : window.days.filter((known) => known !== day),
    });
  const overnight = window.to < window.from;

  return (
    <fieldset class="schedule-window" data-testid="schedule-window">
      <legend>{t('schedule.window', { number: index + 1 })}</legend>
      <div class="day-picker" role="group" aria-label={t('schedule.days')}>
        {DAYS.map(({ day, short, long }) => (
          <label key={day} class="day-picker__day" title={t(long)}>
            <input
              type="checkbox"
              checked={window.days.includes(day)}
              onChange={(event) => toggleDay(day, event.currentTarget.checked)}
              aria-label={t(long)}
            />
            <span aria-hidden="true">{t(short)}</span>
          </label>
        ))}
      </div>
      <div class="schedule-window__times">
        <div class="field field--inline">
          <label for={ids.from}>{t('schedule.from')}</label>
          <input
            id={ids.from}
            type="time"
            step={60}
            value={window.from}
            required
            aria-invalid={invalid}
            onInput={(event) => onChange({ from: event.currentTarget.value })}
          />
        </div>
        <div class="field field--inline">
          <label for={ids.to}>{t('schedule.to')}</label>
          <input
            id={ids.to}
            type="time"
            step={60}
            value={window.to}
            required
            aria-invalid={invalid}
            onInput={(event) => onChange({ to: event.currentTarget.value })}
          />
        </div>
        {onRemove && (
          <button type="button" class="button button--secondary button--small" onClick={onRemove}>
            {t('schedule.removeWindow')}
          </button>
        )}
      </div>
      {overnight && <p class="field__hint">{t('schedule.overnight')}</p>}
    </fieldset>
  );
}
