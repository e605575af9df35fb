/**
 * The field shapes the details panels share: a captioned inline text, a labelled select, the
 * channel checkboxes (cards and steps) and the delete button that hands focus back.
 */
import type { ReactNode } from 'react';
import type { Channel, JourneyMap } from '@domain/model/schema';
import type { Op } from '@domain/operations/op-types';
import { useEdit, useServices } from '../editor-context';
import { ConfirmButton } from '../confirm-button';
import type { InlineTextProps } from '../inline-text';
import { InlineText } from '../inline-text';
import { useT } from '../../../i18n';

/** What each details body gets besides its item: the map, and how to close once it is deleted. */
export type DetailsBodyProps = { map: JourneyMap; onDeleted: () => void };

/** An inline text under a visible caption (the field's accessible name is `label`). */
export function TextField({ caption, ...text }: InlineTextProps & { caption: string }) {
  return (
    <div className="field">
      <span className="field-label">{caption}</span>
      <InlineText {...text} />
    </div>
  );
}

/** A select with its label; `onChange` gets the chosen option's value. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        disabled={props.disabled}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

/** One checkbox per channel of the map; `onChange` gets the new list of chosen channel ids. */
export function ChannelChecks(props: {
  channels: readonly Channel[];
  chosen: readonly string[];
  disabled: boolean;
  onChange: (chosen: string[]) => void;
}) {
  const t = useT();
  const { chosen } = props;
  return (
    <fieldset className="field">
      <legend>{t('editor.details.channels')}</legend>
      <div className="checks">
        {props.channels.map((ch) => (
          <label key={ch.id}>
            <input
              type="checkbox"
              disabled={props.disabled}
              checked={chosen.includes(ch.id)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked ? [...chosen, ch.id] : chosen.filter((c) => c !== ch.id),
                )
              }
            />{' '}
            <abbr title={ch.name}>{ch.initials}</abbr> {ch.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Deletes the panel's item (asking first when `question` is set: it holds cards), says so, and
 * lets the panel close.
 */
export function DeleteButton(props: {
  label: string;
  question: string | null;
  op: Op;
  /** What the live region says once it is gone. */
  done: string;
  onDeleted: () => void;
}) {
  const t = useT();
  const edit = useEdit();
  const { announce } = useServices();
  return (
    <ConfirmButton
      className="danger-button"
      label={props.label}
      confirmLabel={t('editor.details.confirmDelete')}
      question={props.question}
      onConfirm={() => {
        edit([props.op], props.label);
        announce(props.done);
        props.onDeleted();
      }}
    />
  );
}
