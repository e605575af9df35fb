/**
 * Fields of a lane: name, zone (on-stage / back-stage of the line of visibility), hide, delete.
 */
import type { JourneyMap, Lane, Zone } from '@domain/model/schema';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { ConfirmButton } from '../confirm-button';
import { useT } from '../../../i18n';

/** Lane fields. */
export function LaneDetails({
  lane,
  map,
  onDeleted,
}: {
  lane: Lane;
  map: JourneyMap;
  onDeleted: () => void;
}) {
  const t = useT();
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const cards = map.cards.filter((c) => c.laneId === lane.id).length;
  return (
    <div className="details-body">
      <p>{t('editor.lane.type', { type: t(`editor.laneType.${lane.type}`) })}</p>
      <div className="field">
        <span className="field-label">{t('editor.details.name')}</span>
        <InlineText
          label={t('editor.lane.nameLabel')}
          value={lane.name}
          readOnly={!canEdit}
          onCommit={(name) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'lane/rename', id: lane.id, name }],
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="lane-zone">{t('editor.lane.zone')}</label>
        <select
          id="lane-zone"
          disabled={!canEdit}
          value={lane.zone}
          onChange={(e) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'lane/setZone', id: lane.id, zone: e.target.value as Zone }],
            })
          }
        >
          <option value="onstage">{t('editor.lane.onstage')}</option>
          <option value="backstage">{t('editor.lane.backstage')}</option>
        </select>
      </div>
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              store.dispatch({
                type: 'edit',
                ops: [{ type: 'lane/setHidden', id: lane.id, hidden: true }],
              });
              announce(t('editor.lane.hidden', { name: lane.name }));
              onDeleted();
            }}
          >
            {t('editor.lane.hide')}
          </button>
          <ConfirmButton
            className="danger-button"
            label={t('editor.lane.delete')}
            confirmLabel={t('editor.details.confirmDelete')}
            question={
              cards ? t('editor.details.deleteQuestion', { name: lane.name, count: cards }) : null
            }
            onConfirm={() => {
              store.dispatch({
                type: 'edit',
                ops: [{ type: 'lane/delete', id: lane.id }],
              });
              announce(t('editor.lane.deleted'));
              onDeleted();
            }}
          />
        </div>
      )}
    </div>
  );
}
