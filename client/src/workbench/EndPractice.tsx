// 结束练习: the student ends their solo practice on purpose. Confirmed first; the server ends every open solo
// conversation as abandoned (kept apart from graded work: no 0 分, no 流失, not in any average), and the
// student goes home. A class drill is graded work and cannot be ended here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { ConfirmDialog } from '../forms/ConfirmDialog.tsx';
import { useConversations, useSession, useStores } from '../stores/index.ts';

export function EndPractice() {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const [asking, setAsking] = useState(false);
  const openSolo = useConversations(
    (s) => s.ids.filter((id) => s.byId[id]?.view.drillId === null && !s.byId[id]?.ended).length,
  );
  if (openSolo === 0) return null;

  async function end() {
    await api.practice.abandon();
    setAsking(false);
    stores.practice.getState().begin([], user?.id ?? null);
    stores.conversations.getState().reset();
    stores.session.getState().goHome();
  }

  return (
    <>
      <button type="button" className="topbar-button" aria-haspopup="dialog" onClick={() => setAsking(true)}>
        {t('workbench.endPractice')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('workbench.endPracticeTitle')}
        message={t('workbench.endPracticeMessage', { count: openSolo })}
        confirmLabel={t('workbench.endPracticeConfirm')}
        cancelLabel={t('workbench.endPracticeCancel')}
        danger
        onConfirm={end}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
