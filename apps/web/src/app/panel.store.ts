import { Store } from '../state/store';

/** Set once the user has closed the welcome panel in this browser; until then it opens with the map. */
export const WELCOME_SEEN_KEY = 'samverkan.welcomeSeen';

/** What the side panel (a sheet over the map on a phone) shows. One thing at a time keeps a phone usable. */
export type Panel =
  | { kind: 'none' }
  | { kind: 'welcome' }
  | { kind: 'list' }
  | { kind: 'site'; siteId: string }
  | { kind: 'zone'; zoneId: string }
  | { kind: 'zone-form'; mode: 'create'; siteId: string | null }
  | { kind: 'zone-form'; mode: 'edit'; zoneId: string }
  | { kind: 'messages'; channelId: string | null }
  // Issue 6: the open meeting (agenda, minutes, decisions, actions), on its page `#/meetings/<id>`.
  | { kind: 'meeting' };

export class PanelStore extends Store<Panel> {
  constructor(initial: Panel = { kind: 'none' }) {
    super(initial);
  }

  open(panel: Panel): void {
    this.set(panel);
  }

  close(): void {
    this.set({ kind: 'none' });
  }

  /** True while a zone is being drawn or edited: the map belongs to the drawing tool then. */
  get isDrawing(): boolean {
    return this.value.kind === 'zone-form';
  }
}
