import type { AgendaItem } from '@samverkan/contracts';

// One person's minutes for one agenda item while several people may type in the same meeting. The draft knows
// the text and version it started from, so a save never silently replaces what someone else saved meanwhile:
// the api answers 409, and the person sees both texts and chooses.

export interface MinutesConflict {
  /** The minutes as someone else saved them. */
  theirs: string;
  /** The item's version now: saving on top of it replaces their text on purpose. */
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface MinutesDraft {
  text: string;
  /** The item's version and minutes the draft started from. */
  baseVersion: number;
  baseText: string;
  /** Someone else saved other minutes since this draft started (the save will need a choice). */
  changedMeanwhile: boolean;
  conflict: MinutesConflict | null;
}

/** A draft that starts from what the server holds: on opening, and after a save. */
export function draftOf(item: Pick<AgendaItem, 'minutes' | 'version'>): MinutesDraft {
  return {
    text: item.minutes,
    baseVersion: item.version,
    baseText: item.minutes,
    changedMeanwhile: false,
    conflict: null,
  };
}

export function isEdited(draft: MinutesDraft): boolean {
  return draft.text !== draft.baseText;
}

/**
 * The item changed on the server. An untouched draft simply shows the new minutes. A draft being written keeps
 * its text; if only the title or links changed (same minutes), it moves onto the new version, since saving then
 * replaces nothing anyone wrote.
 */
export function rebase(draft: MinutesDraft, item: Pick<AgendaItem, 'minutes' | 'version'>): MinutesDraft {
  if (item.version === draft.baseVersion) return draft;
  if (!isEdited(draft) && !draft.conflict) return draftOf(item);
  if (item.minutes === draft.baseText) return { ...draft, baseVersion: item.version };
  return { ...draft, changedMeanwhile: true };
}

/** The save answered 409: `current` is the item as it is now. */
export function withConflict(draft: MinutesDraft, current: AgendaItem): MinutesDraft {
  // Both wrote the same words: nothing to choose.
  if (current.minutes === draft.text) return draftOf(current);
  return {
    ...draft,
    conflict: {
      theirs: current.minutes,
      version: current.version,
      updatedBy: current.updatedBy,
      updatedAt: current.updatedAt,
    },
  };
}

/** Keep this person's text: the next save goes on top of the version they have now seen. */
export function keepMine(draft: MinutesDraft): MinutesDraft {
  if (!draft.conflict) return draft;
  return {
    ...draft,
    baseVersion: draft.conflict.version,
    baseText: draft.conflict.theirs,
    changedMeanwhile: false,
    conflict: null,
  };
}

/** Take the other text and drop this person's. */
export function takeTheirs(draft: MinutesDraft): MinutesDraft {
  if (!draft.conflict) return draft;
  return draftOf({ minutes: draft.conflict.theirs, version: draft.conflict.version });
}
