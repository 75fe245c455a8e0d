// The shortcuts help, generated from the same action records that handle the keys.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPOSER_KEYS, KEY_ACTIONS } from '../keyboard/actions.ts';
import { useStores, useUi } from '../stores/index.ts';

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const stores = useStores();
  const open = useUi((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const rows = [...KEY_ACTIONS.map((a) => ({ labelKey: a.labelKey, keys: a.keys })), ...COMPOSER_KEYS];
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => stores.ui.getState().setHelp(false)}
    >
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.labelKey}>
              <th scope="row">{t(row.labelKey)}</th>
              <td>
                {row.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? ' + ' : ''}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => stores.ui.getState().setHelp(false)}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
