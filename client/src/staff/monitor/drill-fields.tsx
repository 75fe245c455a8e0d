// The fields a drill and an exam share: the scenario checkboxes and the bounded number inputs (buyers per
// student, arrival interval, concurrency…), so both forms look and behave alike.
import type { ScenarioSummary } from '@kefu/shared/protocol';
import { useTranslation } from 'react-i18next';

export function ScenarioPicks({
  scenarios,
  picked,
  onChange,
}: {
  scenarios: readonly ScenarioSummary[];
  picked: readonly string[];
  onChange: (picked: string[]) => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <fieldset className="scenario-picks">
      <legend>{t('drills.scenarios')}</legend>
      {scenarios.map((s) => (
        <label key={s.id} className="check">
          <input
            type="checkbox"
            checked={picked.includes(s.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...picked, s.id] : picked.filter((id) => id !== s.id))
            }
          />
          {s.title}
        </label>
      ))}
    </fieldset>
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** How the buyers arrive, the same bounds in a drill and an exam: buyers per student, the interval between
 * them and how many talk at once. */
export function MixFields(props: {
  shoppers: number;
  interval: number;
  concurrency: number;
  onShoppers: (n: number) => void;
  onInterval: (n: number) => void;
  onConcurrency: (n: number) => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <NumberField
        label={t('drills.shoppers')}
        value={props.shoppers}
        min={1}
        max={50}
        onChange={props.onShoppers}
      />
      <NumberField
        label={t('drills.interval')}
        value={props.interval}
        min={0}
        max={3600}
        onChange={props.onInterval}
      />
      <NumberField
        label={t('drills.concurrency')}
        value={props.concurrency}
        min={1}
        max={10}
        onChange={props.onConcurrency}
      />
    </>
  );
}
