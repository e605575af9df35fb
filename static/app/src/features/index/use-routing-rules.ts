/** Loading, editing and saving the space's routing rules through `routing/get` / `routing/set`. */
import { useState } from 'react';
import type { ResolverError } from '@contract';
import { call } from '../../bridge/client';
import type { Draft } from './routing-draft';
import { toDraft, toRules } from './routing-draft';

/** What the panel shows. */
export type State =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ResolverError }
  | {
      kind: 'ready';
      draft: Draft;
      version: number;
      canEdit: boolean;
      reason?: string;
      dirty: boolean;
      saving: boolean;
      message: { tone: 'success' | 'error'; text: string; conflict?: boolean } | null;
    };

/** The rules of space `spaceId`: state plus load / edit / save. */
export function useRoutingRules(spaceId: string | null, onSaved?: () => void) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  const load = async (): Promise<void> => {
    if (!spaceId) {
      setState({ kind: 'error', error: { code: 'NOT_FOUND', message: 'No space in context.' } });
      return;
    }
    setState({ kind: 'loading' });
    const result = await call('routing/get', { spaceId });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    setState({
      kind: 'ready',
      draft: toDraft(result.data.rules),
      version: result.data.version,
      canEdit: result.data.canEdit,
      ...(result.data.reason ? { reason: result.data.reason } : {}),
      dirty: false,
      saving: false,
      message: null,
    });
  };

  const edit = (change: (d: Draft) => Draft): void => {
    setState((s) =>
      s.kind === 'ready' ? { ...s, draft: change(s.draft), dirty: true, message: null } : s,
    );
  };

  const save = async (): Promise<void> => {
    if (state.kind !== 'ready' || !spaceId) return;
    setState({ ...state, saving: true, message: null });
    const result = await call('routing/set', {
      spaceId,
      rules: toRules(state.draft),
      baseVersion: state.version,
    });
    if (result.ok) onSaved?.();
    setState((s) => {
      if (s.kind !== 'ready') return s;
      if (!result.ok) {
        return {
          ...s,
          saving: false,
          message: {
            tone: 'error',
            text: result.error.message,
            conflict: result.error.code === 'CONFLICT',
          },
        };
      }
      return {
        ...s,
        draft: toDraft(result.data.rules),
        version: result.data.version,
        dirty: false,
        saving: false,
        message: { tone: 'success', text: 'Routing rules saved. New write-ups use them.' },
      };
    });
  };
  return { state, load, edit, save };
}
