import { getContext, setContext } from 'svelte';
import type { FieldPath } from '../../state/path.ts';

/**
 * What a field can ask of the page's evidence tools: the experts' dialog, mounted once for the
 * whole page, and the Evidence tab's fit from history. A field drawn outside the app (in a test)
 * has none, and shows no button for them.
 */
export interface EvidenceActions {
  askExperts(path: FieldPath): void;
  fitFromHistory(path: FieldPath): void;
}

const KEY = Symbol('evidence');

export function provideEvidence(actions: EvidenceActions): void {
  setContext(KEY, actions);
}

export function evidenceActions(): EvidenceActions | undefined {
  return getContext<EvidenceActions | undefined>(KEY);
}

/** The attribute a field's "Ask experts" button carries, so focus can go back to it by path. */
export const ASK_ATTRIBUTE = 'data-ask-experts';
