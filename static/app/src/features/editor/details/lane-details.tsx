/**
 * Fields of a lane: name, zone (on-stage / back-stage of the line of visibility), hide, delete.
 */
import type { Lane, Zone } from '@domain/model/schema';
import { useCanEdit, useEdit, useServices } from '../editor-context';
import { useT } from '../../../i18n';
import type { DetailsBodyProps } from './fields';
import { DeleteButton, SelectField, NameField } from './fields';

/** Lane fields. */
export function LaneDetails({ lane, map, onDeleted }: DetailsBodyProps & { lane: Lane }) {
  const t = useT();
  const canEdit = useCanEdit();
  const { announce } = useServices();
  const edit = useEdit();
  const cards = map.cards.filter((c) => c.laneId === lane.id).length;
  return (
    <div className="details-body">
      <p>{t('editor.lane.type', { type: t(`editor.laneType.${lane.type}`) })}</p>
      <NameField of={{ type: 'lane', id: lane.id }} value={lane.name} />
      <SelectField
        id="lane-zone"
        label={t('editor.lane.zone')}
        value={lane.zone}
        onChange={(zone) => edit([{ type: 'lane/setZone', id: lane.id, zone: zone as Zone }])}
      >
        <option value="onstage">{t('editor.lane.onstage')}</option>
        <option value="backstage">{t('editor.lane.backstage')}</option>
      </SelectField>
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              edit([{ type: 'lane/setHidden', id: lane.id, hidden: true }]);
              announce(t('editor.lane.hidden', { name: lane.name }));
              onDeleted();
            }}
          >
            {t('editor.lane.hide')}
          </button>
          <DeleteButton
            label={t('editor.lane.delete')}
            question={
              cards ? t('editor.details.deleteQuestion', { name: lane.name, count: cards }) : null
            }
            op={{ type: 'lane/delete', id: lane.id }}
            done={t('editor.lane.deleted')}
            onDeleted={onDeleted}
          />
        </div>
      )}
    </div>
  );
}
