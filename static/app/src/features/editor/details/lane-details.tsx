/**
 * Fields of a lane: name, zone (on-stage / back-stage of the line of visibility), hide, delete.
 */
import type { JourneyMap, Lane, Zone } from '@domain/model/schema';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { LANE_TYPE_LABEL } from '../labels';
import { ConfirmButton } from '../confirm-button';

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
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const cards = map.cards.filter((c) => c.laneId === lane.id).length;
  return (
    <div className="details-body">
      <p>Lane type: {LANE_TYPE_LABEL[lane.type]}</p>
      <div className="field">
        <span className="field-label">Name</span>
        <InlineText
          label="Lane name"
          value={lane.name}
          readOnly={!canEdit}
          onCommit={(name) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'lane/rename', id: lane.id, name }],
              label: 'Rename lane',
            })
          }
        />
      </div>
      <div className="field">
        <label htmlFor="lane-zone">Zone</label>
        <select
          id="lane-zone"
          disabled={!canEdit}
          value={lane.zone}
          onChange={(e) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'lane/setZone', id: lane.id, zone: e.target.value as Zone }],
              label: 'Change zone',
            })
          }
        >
          <option value="onstage">On-stage (what the customer experiences)</option>
          <option value="backstage">Back-stage (systems and processes)</option>
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
                label: 'Hide lane',
              });
              announce(
                `Lane ${lane.name} hidden. Show it again from "Hidden lanes" in the toolbar.`,
              );
              onDeleted();
            }}
          >
            Hide lane
          </button>
          <ConfirmButton
            className="danger-button"
            label="Delete lane"
            confirmLabel="Delete"
            question={
              cards ? `Delete "${lane.name}" and its ${cards} cards? You can undo this.` : null
            }
            onConfirm={() => {
              store.dispatch({
                type: 'edit',
                ops: [{ type: 'lane/delete', id: lane.id }],
                label: 'Delete lane',
              });
              announce('Lane deleted. Press Control Z to undo.');
              onDeleted();
            }}
          />
        </div>
      )}
    </div>
  );
}
