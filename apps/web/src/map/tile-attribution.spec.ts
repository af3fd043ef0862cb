import { attributionFor } from './tile-attribution';

describe('attributionFor', () => {
  it('credits OpenStreetMap for its own tiles', () => {
    expect(attributionFor('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toContain('OpenStreetMap');
  });

  it('names the host of other tile servers', () => {
    expect(attributionFor('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('a.tiles.example.org');
  });

  it('shows the configured credit as text, never as markup', () => {
    expect(attributionFor('https://tiles.example.org/{z}/{x}/{y}.png', '© Lantmäteriet <script>')).toBe(
      '© Lantmäteriet &#60;script&#62;',
    );
  });
});
