/**
 * The customer back-story (play step 2) as sticky lists: pain points (why they are here),
 * requirements (the mental shopping list), outcomes, then the top goal and the story read out
 * loud.
 */
import type { Sticky } from '@domain/model/schema';
import type { BackStoryList } from '@domain/operations/op-types';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';

const LISTS: readonly { key: BackStoryList; title: string; hint: string }[] = [
  { key: 'painPoints', title: 'Pain points', hint: 'Why the persona is on this journey' },
  { key: 'requirements', title: 'Requirements', hint: 'The mental shopping list' },
  { key: 'outcomes', title: 'Outcomes', hint: 'What they want to achieve' },
];

/** The back-story panel (collapsible). */
export function BackStoryPanel() {
  const backStory = useEditor((s) => s.map.backStory);
  const canEdit = useCanEdit();
  const { store } = useServices();
  const count =
    backStory.painPoints.length + backStory.requirements.length + backStory.outcomes.length;
  return (
    <details className="back-story" open={canEdit || count > 0 || Boolean(backStory.story)}>
      <summary>
        <h3>Back-story</h3>
        <span className="subtle">{count} stickies</span>
      </summary>
      <div className="sticky-lists">
        {LISTS.map((l) => (
          <StickyList
            key={l.key}
            list={l.key}
            title={l.title}
            hint={l.hint}
            items={backStory[l.key]}
            canEdit={canEdit}
          />
        ))}
        <div className="sticky-column">
          <h4>Top goal</h4>
          <div className="sticky kind-goal">
            <InlineText
              label="Top goal"
              value={backStory.topGoal}
              readOnly={!canEdit}
              multiline
              placeholder="e.g. Improve team efficiency"
              onCommit={(topGoal) =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'backStory/set', topGoal }],
                  label: 'Edit top goal',
                })
              }
            />
          </div>
        </div>
      </div>
      <div className="story">
        <h4>The story</h4>
        <InlineText
          label="The story so far"
          value={backStory.story}
          readOnly={!canEdit}
          multiline
          placeholder="Someone reads the story so far out loud: who, what frustrates them, what they want."
          onCommit={(story) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'backStory/set', story }],
              label: 'Edit story',
            })
          }
        />
      </div>
    </details>
  );
}

function StickyList(props: {
  list: BackStoryList;
  title: string;
  hint: string;
  items: Sticky[];
  canEdit: boolean;
}) {
  const { store, newId, announce } = useServices();
  const { list } = props;
  return (
    <div className="sticky-column">
      <h4 id={`bs-${list}`}>{props.title}</h4>
      <p className="subtle">{props.hint}</p>
      <ul aria-labelledby={`bs-${list}`} className="sticky-list">
        {props.items.map((item, i) => (
          <li key={item.id} className={`sticky list-${list}`}>
            <InlineText
              label={`${props.title} ${i + 1}`}
              value={item.text}
              readOnly={!props.canEdit}
              multiline
              onCommit={(text) =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'backStory/editSticky', list, id: item.id, text }],
                  label: 'Edit sticky',
                })
              }
            />
            {props.canEdit && (
              <span className="sticky-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${props.title} ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/moveSticky', list, id: item.id, toIndex: i - 1 }],
                      label: 'Move sticky',
                    })
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${props.title} ${i + 1} down`}
                  disabled={i === props.items.length - 1}
                  onClick={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/moveSticky', list, id: item.id, toIndex: i + 1 }],
                      label: 'Move sticky',
                    })
                  }
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Delete ${props.title} ${i + 1}`}
                  onClick={() => {
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/deleteSticky', list, id: item.id }],
                      label: 'Delete sticky',
                    });
                    announce('Sticky deleted. Press Control Z to undo.');
                  }}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {props.canEdit && (
        <button
          type="button"
          className="subtle-button"
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'backStory/addSticky', list, id: newId('sticky'), text: '' }],
              label: 'Add sticky',
            })
          }
        >
          + Add to {props.title.toLowerCase()}
        </button>
      )}
    </div>
  );
}
