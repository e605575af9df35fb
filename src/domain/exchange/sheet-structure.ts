/**
 * The structure a sheet import builds on: the current map's stages, steps and lanes, matched by
 * name, with what the sheet names and the map lacks created in the order first seen (each
 * creation noted with its line). Shared by the long layout (one row per card) and the wide one
 * (one row per step).
 */
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { LANE_TYPE_INFO, createLane, createStage, createStep } from '../model/factories';
import type { JourneyMap, Lane, LaneType, Stage, Step } from '../model/schema';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '../model/schema';
import type { ImportNote } from './import-outcome';
import { readList } from './sheet-values';

/** The note for a cell cut to the card text limit (both sheet shapes). */
export function textCut(): Message {
  return msg('exchange.sheet.textCut', { max: CARD_TEXT_MAX });
}

/** Whether two names are equal ignoring case and edge spaces. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Items named `name`: exact names first, then those equal ignoring case and edge spaces. */
export function allByName<T extends { name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.filter((i) => i.name === name);
  return [...exact, ...items.filter((i) => i.name !== name && sameName(i.name, name))];
}

/** Finds the item named `name`: the exact name first, then ignoring case and edge spaces. */
export function byName<T extends { name: string }>(
  items: readonly T[],
  name: string,
): T | undefined {
  return allByName(items, name)[0];
}

/** A copy of the base map's structure that grows as the sheet names new parts. */
export class SheetStructure {
  readonly notes: ImportNote[] = [];
  readonly stages: Stage[];
  readonly steps: Step[];
  readonly lanes: Lane[];

  constructor(
    readonly base: JourneyMap,
    private readonly newId: (prefix: string) => string,
    /** Which of the stage and step columns the sheet has. */
    private readonly has: { stage: boolean; step: boolean },
  ) {
    this.stages = [...base.stages];
    this.steps = [...base.steps];
    this.lanes = [...base.lanes];
  }

  /** Records a guess or repair at `line`: `message` in English, `said` in catalogue words. */
  note(line: number, message: string, said: Message): void {
    this.notes.push({ line, message, said });
  }

  /** The step a row names (by stage and step cells), created when missing. */
  stepOf(line: number, stageCell: string, stepCell: string): Step {
    let stage: Stage | undefined;
    if (this.has.stage) {
      // Several stages may share a name: the one holding the row's step wins, else the first.
      const stages = allByName(this.stages, stageCell);
      if (this.has.step) {
        const steps = stages.flatMap((st) => this.steps.filter((s) => s.stageId === st.id));
        const found = byName(steps, stepCell);
        if (found) return found;
      }
      stage = stages[0];
    } else {
      // No stage column: the step's existing stage, else the last stage.
      const known = byName(this.steps, stepCell);
      stage = this.stages.find((s) => s.id === known?.stageId) ?? this.stages.at(-1);
    }
    if (!stage) {
      const name = stageCell.trim() || 'Journey';
      stage = createStage(this.newId('stage'), name.slice(0, SHORT_TEXT_MAX));
      this.stages.push(stage);
      this.note(
        line,
        `stage "${stage.name}" created`,
        msg('exchange.sheet.stageCreated', { stage: stage.name }),
      );
    }
    const stageId = stage.id;
    const ofStage = this.steps.filter((s) => s.stageId === stageId);
    const stepName = this.has.step ? stepCell : stage.name;
    const found = byName(ofStage, stepName);
    if (found) return found;
    const step = createStep({
      id: this.newId('step'),
      stageId,
      name: (stepName.trim() || stage.name).slice(0, SHORT_TEXT_MAX),
    });
    // Keep steps grouped by stage: insert after the stage's last step.
    const last = ofStage.at(-1);
    const at = last ? this.steps.indexOf(last) + 1 : this.insertionForStage(stageId);
    this.steps.splice(at, 0, step);
    this.note(
      line,
      `step "${step.name}" created in stage "${stage.name}"`,
      msg('exchange.sheet.stepCreated', { step: step.name, stage: stage.name }),
    );
    return step;
  }

  /** Replaces `step` (same id) by `next`: the base map's objects are never changed. */
  replaceStep(next: Step): void {
    const i = this.steps.findIndex((s) => s.id === next.id);
    if (i >= 0) this.steps[i] = next;
  }

  /** A new lane of `type` named `name`, appended and noted. */
  addLane(line: number, type: LaneType, name: string): Lane {
    const lane = createLane({
      id: this.newId('lane'),
      type,
      name: (name.trim() || LANE_TYPE_INFO[type].name).slice(0, SHORT_TEXT_MAX),
    });
    this.lanes.push(lane);
    this.note(
      line,
      `lane "${lane.name}" created`,
      msg('exchange.sheet.laneCreated', { lane: lane.name }),
    );
    return lane;
  }

  /** The ids of the map's channels a list cell names (name, id or initials); others noted. */
  channelIds(line: number, value: string): string[] {
    const ids: string[] = [];
    for (const word of readList(value)) {
      const channel = this.base.channels.find(
        (c) =>
          c.name === word || c.id === word || sameName(c.name, word) || sameName(c.initials, word),
      );
      if (!channel)
        this.note(
          line,
          `channel "${word}" is not one of this map's channels; left out`,
          msg('exchange.sheet.channelUnknown', { channel: word }),
        );
      else if (!ids.includes(channel.id)) ids.push(channel.id);
    }
    return ids;
  }

  /** Where a stage's first step goes: before the steps of every later stage. */
  private insertionForStage(stageId: string): number {
    const order = this.stages.findIndex((s) => s.id === stageId);
    const later = new Set(this.stages.slice(order + 1).map((s) => s.id));
    const i = this.steps.findIndex((s) => later.has(s.stageId));
    return i < 0 ? this.steps.length : i;
  }
}
