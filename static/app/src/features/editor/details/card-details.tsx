/**
 * Fields of a card: text, kind, channels, evidence (status, source, quote), pain-point impact
 * and votes, opportunity impact × feasibility and linked pain points, teams, Move to…, delete.
 */
import { useState } from 'react';
import type { Card, CardKind, EvidenceSource, Impact, JourneyMap } from '@domain/model/schema';
import type { CardPatch } from '@domain/operations/op-types';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import {
  CARD_KIND,
  IMPACT_LABEL,
  KINDS_FOR_LANE,
  LANE_INFO,
  SOURCE_LABEL,
  keysOf,
  opportunityQuadrant,
} from '../labels';

/** Card fields. */
export function CardDetails({
  card,
  map,
  onDeleted,
}: {
  card: Card;
  map: JourneyMap;
  onDeleted: () => void;
}) {
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const lane = map.lanes.find((l) => l.id === card.laneId);
  const patch = (p: CardPatch, label: string) =>
    store.dispatch({ type: 'edit', ops: [{ type: 'card/edit', id: card.id, patch: p }], label });
  const kinds = lane ? KINDS_FOR_LANE[lane.type] : [card.kind];
  const showsChannels =
    card.kind === 'action' ||
    card.kind === 'touchpoint' ||
    card.kind === 'question' ||
    card.kind === 'decision';
  const painPoints = map.cards.filter((c) => c.kind === 'painPoint');
  const [moveLane, setMoveLane] = useState(card.laneId);
  const [moveStep, setMoveStep] = useState(card.stepId);
  const disabled = !canEdit;

  return (
    <div className="details-body">
      <div className="field">
        <span className="field-label">Text</span>
        <InlineText
          label="Card text"
          value={card.text}
          readOnly={!canEdit}
          multiline
          onCommit={(text) => patch({ text }, 'Edit card')}
        />
      </div>
      {kinds.length > 1 && (
        <div className="field">
          <label htmlFor="card-kind">Kind</label>
          <select
            id="card-kind"
            disabled={disabled}
            value={card.kind}
            onChange={(e) => patch({ kind: e.target.value as CardKind }, 'Change kind')}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {CARD_KIND[k].glyph} {CARD_KIND[k].label}
              </option>
            ))}
          </select>
        </div>
      )}
      {showsChannels && (
        <fieldset className="field">
          <legend>Channels</legend>
          <div className="checks">
            {map.channels.map((ch) => (
              <label key={ch.id}>
                <input
                  type="checkbox"
                  disabled={disabled}
                  checked={card.channels.includes(ch.id)}
                  onChange={(e) =>
                    patch(
                      {
                        channels: e.target.checked
                          ? [...card.channels, ch.id]
                          : card.channels.filter((c) => c !== ch.id),
                      },
                      'Change channels',
                    )
                  }
                />{' '}
                <abbr title={ch.name}>{ch.initials}</abbr> {ch.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="field">
        <legend>Evidence</legend>
        <div className="checks">
          {(['assumption', 'validated'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="evidence"
                disabled={disabled}
                checked={card.evidence.status === s}
                onChange={() => patch({ evidence: { status: s } }, 'Change evidence')}
              />{' '}
              {s === 'validated' ? '✓ Validated' : '? Assumption'}
            </label>
          ))}
        </div>
        <label htmlFor="evidence-source">Source</label>
        <select
          id="evidence-source"
          disabled={disabled}
          value={card.evidence.source ?? ''}
          onChange={(e) =>
            patch(
              { evidence: { source: (e.target.value || null) as EvidenceSource | null } },
              'Change source',
            )
          }
        >
          <option value="">No source</option>
          {keysOf(SOURCE_LABEL).map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABEL[s]}
            </option>
          ))}
        </select>
        <span className="field-label">Quote</span>
        <InlineText
          label="Evidence quote"
          value={card.evidence.quote}
          readOnly={!canEdit}
          multiline
          placeholder="What a customer said"
          onCommit={(quote) => patch({ evidence: { quote } }, 'Edit quote')}
        />
      </fieldset>
      {card.painPoint && (
        <fieldset className="field">
          <legend>Impact</legend>
          <div className="checks">
            {keysOf(IMPACT_LABEL).map((i: Impact) => (
              <label key={i}>
                <input
                  type="radio"
                  name="impact"
                  disabled={disabled}
                  checked={card.painPoint?.impact === i}
                  onChange={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'card/setImpact', id: card.id, impact: i }],
                      label: 'Change impact',
                    })
                  }
                />{' '}
                {IMPACT_LABEL[i]}
              </label>
            ))}
          </div>
          <div className="votes">
            <span>
              {card.painPoint.votes} {card.painPoint.votes === 1 ? 'vote' : 'votes'}
            </span>
            <button
              type="button"
              disabled={disabled}
              aria-label="+1: add a vote"
              onClick={() =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'card/vote', id: card.id, delta: 1 }],
                  label: 'Vote',
                })
              }
            >
              +1
            </button>
            <button
              type="button"
              disabled={disabled || card.painPoint.votes === 0}
              aria-label="−1: remove a vote"
              onClick={() =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'card/vote', id: card.id, delta: -1 }],
                  label: 'Unvote',
                })
              }
            >
              −1
            </button>
          </div>
        </fieldset>
      )}
      {card.opportunity && (
        <fieldset className="field">
          <legend>Priority</legend>
          {(['impact', 'feasibility'] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`opp-${k}`}>
                {k === 'impact' ? 'Impact (1–5)' : 'Feasibility (1–5)'}
              </label>
              <select
                id={`opp-${k}`}
                disabled={disabled}
                value={card.opportunity?.[k] ?? 3}
                onChange={(e) =>
                  card.opportunity &&
                  patch(
                    { opportunity: { ...card.opportunity, [k]: Number(e.target.value) } },
                    'Change priority',
                  )
                }
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <p>{opportunityQuadrant(card.opportunity.impact, card.opportunity.feasibility)}</p>
          <div className="checks">
            <span>Addresses pain points:</span>
            {painPoints.length === 0 && (
              <span className="subtle">No pain points on the map yet.</span>
            )}
            {painPoints.map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  disabled={disabled}
                  checked={card.opportunity?.painPointIds.includes(p.id) ?? false}
                  onChange={(e) =>
                    store.dispatch({
                      type: 'edit',
                      ops: [
                        {
                          type: 'card/link',
                          painPointId: p.id,
                          opportunityId: card.id,
                          linked: e.target.checked,
                        },
                      ],
                      label: 'Link pain point',
                    })
                  }
                />{' '}
                {p.text || 'Untitled pain point'}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {(card.painPoint || card.opportunity) && (
        <div className="field">
          <span className="field-label">Teams (comma-separated)</span>
          <InlineText
            label="Teams"
            value={card.teams.join(', ')}
            readOnly={!canEdit}
            placeholder="Routed by the space's rules when empty"
            onCommit={(v) =>
              patch(
                {
                  teams: v
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
                },
                'Change teams',
              )
            }
          />
        </div>
      )}
      {canEdit && (
        <fieldset className="field">
          <legend>Move to…</legend>
          <label htmlFor="move-lane">Lane</label>
          <select id="move-lane" value={moveLane} onChange={(e) => setMoveLane(e.target.value)}>
            {map.lanes
              .filter((l) => LANE_INFO[l.type].cardKind !== null)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
          </select>
          <label htmlFor="move-step">Step</label>
          <select id="move-step" value={moveStep} onChange={(e) => setMoveStep(e.target.value)}>
            {map.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              const toIndex = map.cards.filter(
                (c) => c.laneId === moveLane && c.stepId === moveStep && c.id !== card.id,
              ).length;
              store.dispatch({
                type: 'edit',
                ops: [
                  { type: 'card/move', id: card.id, laneId: moveLane, stepId: moveStep, toIndex },
                ],
                label: 'Move card',
              });
              const l = map.lanes.find((x) => x.id === moveLane)?.name;
              const s = map.steps.find((x) => x.id === moveStep)?.name;
              announce(`Card moved to ${l ?? 'lane'}, ${s ?? 'step'}.`);
            }}
          >
            Move
          </button>
        </fieldset>
      )}
      {canEdit && (
        <button
          type="button"
          className="danger-button"
          onClick={() => {
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/delete', id: card.id }],
              label: 'Delete card',
            });
            announce('Card deleted. Press Control Z to undo.');
            onDeleted();
          }}
        >
          Delete card
        </button>
      )}
    </div>
  );
}
