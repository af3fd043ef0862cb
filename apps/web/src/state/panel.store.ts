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
  | { kind: 'site-form'; mode: 'create' }
  | { kind: 'site-form'; mode: 'edit'; siteId: string }
  // Moving a site: its marker is dragged (or the map clicked), then the move is confirmed.
  | { kind: 'site-move'; siteId: string }
  | { kind: 'messages'; channelId: string | null }
  // The open meeting (agenda, minutes, decisions, actions), on its page `#/meetings/<id>`.
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

  /** True while a zone is being drawn or edited, or a site placed or moved: the map belongs to that tool then. */
  get isDrawing(): boolean {
    return drawsOnMap(this.value);
  }
}

/** Whether the panel's work happens on the map: clicks there draw a zone or place a site, not open things. */
export function drawsOnMap(panel: Panel): boolean {
  return (
    panel.kind === 'zone-form' ||
    panel.kind === 'site-move' ||
    (panel.kind === 'site-form' && panel.mode === 'create')
  );
}
