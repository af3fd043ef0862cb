import type { AgendaItem } from '@samverkan/contracts';
import { draftOf, isEdited, keepMine, rebase, takeTheirs, withConflict } from './minutes-draft';

const item = (minutes: string, version: number): AgendaItem => ({
  id: 'item-1',
  title: 'Sprututbytet',
  siteId: null,
  zoneId: null,
  reportId: null,
  minutes,
  position: 1,
  version,
  updatedAt: '2026-11-26T09:00:00.000Z',
  updatedBy: 'user-2',
});

describe('minutes draft', () => {
  it('shows what someone else saved while nothing was typed here', () => {
    const draft = rebase(draftOf(item('Start', 1)), item('Start. Polisen deltar.', 2));
    expect(draft.text).toBe('Start. Polisen deltar.');
    expect(draft.baseVersion).toBe(2);
    expect(isEdited(draft)).toBe(false);
  });

  it('keeps the text being written when someone else saves other minutes, and says so', () => {
    const writing = { ...draftOf(item('Start', 1)), text: 'Start. Mina anteckningar.' };
    const draft = rebase(writing, item('Start. Deras anteckningar.', 2));
    expect(draft.text).toBe('Start. Mina anteckningar.');
    expect(draft.baseVersion).toBe(1);
    expect(draft.changedMeanwhile).toBe(true);
  });

  it('moves a draft onto a new version when only the title or links changed', () => {
    const writing = { ...draftOf(item('Start', 1)), text: 'Start. Mer.' };
    const draft = rebase(writing, item('Start', 2));
    expect(draft).toMatchObject({ text: 'Start. Mer.', baseVersion: 2, changedMeanwhile: false });
  });

  it('on a conflict keeps both texts until the writer chooses', () => {
    const writing = { ...draftOf(item('Start', 1)), text: 'Mine' };
    const conflicted = withConflict(writing, item('Theirs', 3));
    expect(conflicted.text).toBe('Mine');
    expect(conflicted.conflict).toMatchObject({ theirs: 'Theirs', version: 3, updatedBy: 'user-2' });

    const mine = keepMine(conflicted);
    expect(mine).toMatchObject({ text: 'Mine', baseVersion: 3, conflict: null });

    const theirs = takeTheirs(conflicted);
    expect(theirs).toMatchObject({ text: 'Theirs', baseVersion: 3, conflict: null });
  });

  it('needs no choice when both wrote the same', () => {
    const writing = { ...draftOf(item('Start', 1)), text: 'Same' };
    expect(withConflict(writing, item('Same', 2))).toMatchObject({
      text: 'Same',
      baseVersion: 2,
      conflict: null,
    });
  });

  it('leaves a conflict standing when the item changes again', () => {
    const conflicted = withConflict({ ...draftOf(item('Start', 1)), text: 'Mine' }, item('Theirs', 2));
    const again = rebase(conflicted, item('Theirs, again', 3));
    expect(again.text).toBe('Mine');
    expect(again.conflict).not.toBeNull();
  });
});
