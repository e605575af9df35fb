/**
 * The customer back-story (play step 2) as sticky lists: pain points (why they are here),
 * requirements (the mental shopping list), outcomes, then the top goal and the story read out
 * loud.
 */
import type { Sticky } from '@domain/model/schema';
import type { BackStoryList } from '@domain/operations/op-types';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { itemField } from '../presence/field-path';
import { useT } from '../../../i18n';

const LISTS: readonly BackStoryList[] = ['painPoints', 'requirements', 'outcomes'];

/** The back-story panel (collapsible). */
export function BackStoryPanel() {
  const t = useT();
  const backStory = useEditor((s) => s.map.backStory);
  const canEdit = useCanEdit();
  const { store } = useServices();
  const count =
    backStory.painPoints.length + backStory.requirements.length + backStory.outcomes.length;
  return (
    <details className="back-story" open={canEdit || count > 0 || Boolean(backStory.story)}>
      <summary>
        <h3>{t('editor.backStory.heading')}</h3>
        <span className="subtle">{t('editor.backStory.stickies', { count })}</span>
      </summary>
      <div className="sticky-lists">
        {LISTS.map((l) => (
          <StickyList
            key={l}
            list={l}
            title={t(`editor.backStory.${l}.title`)}
            hint={t(`editor.backStory.${l}.hint`)}
            items={backStory[l]}
            canEdit={canEdit}
          />
        ))}
        <div className="sticky-column">
          <h4>{t('editor.backStory.topGoal')}</h4>
          <div className="sticky kind-goal">
            <InlineText
              label={t('editor.backStory.topGoal')}
              value={backStory.topGoal}
              readOnly={!canEdit}
              multiline
              placeholder={t('editor.backStory.topGoalPlaceholder')}
              presence="backStory.topGoal"
              onCommit={(topGoal) =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'backStory/set', topGoal }],
                })
              }
            />
          </div>
        </div>
      </div>
      <div className="story">
        <h4>{t('editor.backStory.story')}</h4>
        <InlineText
          label={t('editor.backStory.storySoFar')}
          value={backStory.story}
          readOnly={!canEdit}
          multiline
          placeholder={t('editor.backStory.storyPlaceholder')}
          presence="backStory.story"
          onCommit={(story) =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'backStory/set', story }],
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
  const t = useT();
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
              presence={itemField('sticky', item.id)}
              onCommit={(text) =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'backStory/editSticky', list, id: item.id, text }],
                })
              }
            />
            {props.canEdit && (
              <span className="sticky-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('editor.backStory.moveUp', { title: props.title, n: i + 1 })}
                  disabled={i === 0}
                  onClick={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/moveSticky', list, id: item.id, toIndex: i - 1 }],
                    })
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('editor.backStory.moveDown', { title: props.title, n: i + 1 })}
                  disabled={i === props.items.length - 1}
                  onClick={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/moveSticky', list, id: item.id, toIndex: i + 1 }],
                    })
                  }
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('editor.backStory.delete', { title: props.title, n: i + 1 })}
                  onClick={() => {
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'backStory/deleteSticky', list, id: item.id }],
                    });
                    announce(t('editor.backStory.deleted'));
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
            })
          }
        >
          {t('editor.backStory.addTo', { title: props.title.toLowerCase() })}
        </button>
      )}
    </div>
  );
}
