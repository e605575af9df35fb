/**
 * Reading one spreadsheet cell as a model value: kinds, impacts, evidence and lists accept the
 * schema's ids and the words people type ("Pain point", "Causes abandonment", "support ticket").
 */
import type { CardKind, EvidenceSource, EvidenceStatus, Impact } from '../model/schema';
import { cardKinds, evidenceSources } from '../model/schema';
import { normaliseHeader } from './columns';

const KIND_WORDS: Readonly<Record<string, CardKind>> = {
  ...Object.fromEntries(cardKinds.map((k) => [normaliseHeader(k), k])),
  pain: 'painPoint',
  painpoints: 'painPoint',
  actions: 'action',
  questions: 'question',
  decisions: 'decision',
  touchpoints: 'touchpoint',
  goals: 'goal',
  customergoal: 'goal',
  thoughts: 'thought',
  opportunities: 'opportunity',
  idea: 'opportunity',
  backstage: 'process',
  backstageprocess: 'process',
  notes: 'note',
  text: 'note',
};

/** A card kind from a cell, or null when the word is not one. */
export function readKind(cell: string): CardKind | null {
  return KIND_WORDS[normaliseHeader(cell)] ?? null;
}

const IMPACT_WORDS: Readonly<Record<string, Impact>> = {
  trivial: 'trivial',
  low: 'trivial',
  minor: 'trivial',
  workaround: 'workaround',
  needsaworkaround: 'workaround',
  medium: 'workaround',
  abandon: 'abandon',
  abandonment: 'abandon',
  causesabandonment: 'abandon',
  high: 'abandon',
  critical: 'abandon',
};

/** A pain point's impact from a cell, or null. */
export function readImpact(cell: string): Impact | null {
  return IMPACT_WORDS[normaliseHeader(cell)] ?? null;
}

/** Evidence status: validated for "validated", "yes", "true"; assumption otherwise known. */
export function readEvidence(cell: string): EvidenceStatus | null {
  const w = normaliseHeader(cell);
  if (['validated', 'yes', 'true', 'valid', 'confirmed'].includes(w)) return 'validated';
  if (['assumption', 'no', 'false', 'assumed', 'unvalidated'].includes(w)) return 'assumption';
  return null;
}

/** An evidence source from its id or words ("Support ticket"), or null. */
export function readSource(cell: string): EvidenceSource | null {
  const w = normaliseHeader(cell);
  return evidenceSources.find((s) => normaliseHeader(s) === w) ?? null;
}

/** An integer in [min, max] from a cell: `value` null when blank, `clamped` when it was moved. */
export function readInt(
  cell: string,
  min: number,
  max: number,
): { value: number | null; bad: boolean } {
  const t = cell.trim();
  if (t === '') return { value: null, bad: false };
  const n = Number(t);
  if (!Number.isFinite(n)) return { value: null, bad: true };
  const v = Math.min(max, Math.max(min, Math.round(n)));
  return { value: v, bad: v !== n };
}

/** A list cell split on `;` and line breaks, trimmed, blanks dropped. */
export function readList(cell: string): string[] {
  return cell
    .split(/[;\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
