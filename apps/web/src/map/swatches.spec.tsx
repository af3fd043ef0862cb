import type { VNode } from 'preact';
import { FILTERABLE_ZONE_STATES } from '../zones/zone-display';
import { SiteSwatch, ZoneSwatch } from './swatches';

/** The attributes of the swatch's shape, from the virtual DOM Preact would render. */
function rectOf(vnode: VNode): Record<string, unknown> {
  return (vnode.props as { children: VNode }).children.props as Record<string, unknown>;
}

describe('legend swatches', () => {
  it('draw each zone state with its own outline and fill, as the map does', () => {
    const looks = FILTERABLE_ZONE_STATES.map((state) => {
      const rect = rectOf(ZoneSwatch({ state }) as VNode);
      return `${String(rect['stroke-dasharray'])}|${String(rect.fill)}`;
    });
    expect(looks).toEqual([
      'undefined|url(#zone-pattern-in-force)',
      '12 8|#1d4f91',
      '2 7|url(#zone-pattern-proposed)',
      '14 6 3 6|url(#zone-pattern-suspended)',
    ]);
  });

  it('are hidden from screen readers (the text beside them says it)', () => {
    expect((ZoneSwatch({ state: 'proposed' }) as VNode).props).toMatchObject({ 'aria-hidden': 'true' });
    expect((SiteSwatch({ type: 'naloxone' }) as VNode).props).toMatchObject({ 'aria-hidden': 'true' });
  });
});
