import { ZONE_DISPLAY_STATES, type ZoneDisplayState } from '../zones/zone-display';
import { PATTERN_SIZE, ZONE_STATE_STYLES, type ZonePattern } from '../zones/zone-style';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DEFS_ID = 'zone-pattern-defs';

/** The id of a state's SVG pattern, for `fill="url(#…)"` in the map and in the legend. */
export const patternId = (state: ZoneDisplayState) => `zone-pattern-${state}`;

/** The strokes of a pattern tile, as line segments [x1, y1, x2, y2]. */
function strokesOf(pattern: ZonePattern): [number, number, number, number][] {
  const s = PATTERN_SIZE;
  const diagonal: [number, number, number, number][] = [
    [0, s, s, 0],
    [-s / 2, s / 2, s / 2, -s / 2],
    [s / 2, s * 1.5, s * 1.5, s / 2],
  ];
  switch (pattern) {
    case 'diagonal':
      return diagonal;
    case 'cross':
      return [...diagonal, [0, 0, s, s], [-s / 2, s / 2, s / 2, s * 1.5], [s / 2, -s / 2, s * 1.5, s / 2]];
    case 'solid':
    case 'none':
      return [];
  }
}

/**
 * The hatching that tells zone states apart without colour. SVG shapes and the legend use one hidden `<defs>`
 * in the document (`fill="url(#zone-pattern-…)"`); the canvas renderer gets CanvasPatterns drawn the same way.
 */
export class ZonePatterns {
  private canvasPatterns = new Map<ZoneDisplayState, CanvasPattern | string>();

  constructor(private readonly document: Document) {}

  /** Adds the SVG patterns to the document once. */
  installSvg(): void {
    if (this.document.getElementById(DEFS_ID)) return;
    const svg = this.document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('id', DEFS_ID);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    svg.style.position = 'absolute';
    const defs = this.document.createElementNS(SVG_NS, 'defs');
    for (const state of ZONE_DISPLAY_STATES) {
      const style = ZONE_STATE_STYLES[state];
      const pattern = this.document.createElementNS(SVG_NS, 'pattern');
      pattern.setAttribute('id', patternId(state));
      pattern.setAttribute('patternUnits', 'userSpaceOnUse');
      pattern.setAttribute('width', String(PATTERN_SIZE));
      pattern.setAttribute('height', String(PATTERN_SIZE));
      const background = this.document.createElementNS(SVG_NS, 'rect');
      background.setAttribute('width', String(PATTERN_SIZE));
      background.setAttribute('height', String(PATTERN_SIZE));
      background.setAttribute('fill', style.color);
      background.setAttribute('fill-opacity', style.pattern === 'solid' ? '1' : '0.25');
      pattern.appendChild(background);
      for (const [x1, y1, x2, y2] of strokesOf(style.pattern)) {
        const line = this.document.createElementNS(SVG_NS, 'line');
        Object.entries({ x1, y1, x2, y2 }).forEach(([name, value]) => line.setAttribute(name, String(value)));
        line.setAttribute('stroke', style.color);
        line.setAttribute('stroke-width', '1.6');
        pattern.appendChild(line);
      }
      defs.appendChild(pattern);
    }
    svg.appendChild(defs);
    this.document.body.appendChild(svg);
  }

  /** The SVG fill of a state. */
  svgFill(state: ZoneDisplayState): string {
    return `url(#${patternId(state)})`;
  }

  /** The canvas fill of a state: a CanvasPattern with the same hatching (the plain colour if canvas fails). */
  canvasFill(state: ZoneDisplayState): CanvasPattern | string {
    const cached = this.canvasPatterns.get(state);
    if (cached) return cached;
    const style = ZONE_STATE_STYLES[state];
    const tile = this.document.createElement('canvas');
    tile.width = tile.height = PATTERN_SIZE;
    const context = tile.getContext('2d');
    let fill: CanvasPattern | string = style.color;
    if (context) {
      context.fillStyle = style.color;
      context.globalAlpha = style.pattern === 'solid' ? 1 : 0.25;
      context.fillRect(0, 0, PATTERN_SIZE, PATTERN_SIZE);
      context.globalAlpha = 1;
      context.strokeStyle = style.color;
      context.lineWidth = 1.6;
      for (const [x1, y1, x2, y2] of strokesOf(style.pattern)) {
        context.beginPath();
        context.moveTo(x1, y1);
        context.lineTo(x2, y2);
        context.stroke();
      }
      fill = context.createPattern(tile, 'repeat') ?? style.color;
    }
    this.canvasPatterns.set(state, fill);
    return fill;
  }
}
