// Starting a solo practice from home (one scenario or a mix): the new buyers go to the workbench.
import type { StartPracticeBody } from '@kefu/shared/protocol';
import { useServices } from '../app/context.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { useSession, useStores } from '../stores/index.ts';

export function useStartPractice() {
  const { api } = useServices();
  const stores = useStores();
  const user = useSession((s) => s.user);
  return useSubmit(async (body: StartPracticeBody) => {
    const { conversations } = await api.practice.start({ body });
    const state = stores.conversations.getState();
    state.reset();
    for (const view of conversations) state.upsertView(view);
    stores.practice.getState().begin(
      conversations.map((view) => view.id),
      user?.id ?? null,
    );
    state.setActive(conversations[0]?.id ?? null);
    stores.session.getState().go({ name: 'workbench' });
  });
}
