import { describe, expect, it } from 'vitest';
import { scanMarkers } from '../../src/wiki/markers.ts';

describe('scanMarkers', () => {
  it('scanMarkers reads a plain wikilink', () => {
    const [m] = scanMarkers('see [[Nash equilibrium]] here');
    expect(m).toMatchObject({ kind: 'wikilink', target: 'Nash equilibrium', section: undefined, text: 'Nash equilibrium', index: 4 });
  });
  it('scanMarkers reads label, section and link trail', () => {
    const [a, b, c] = scanMarkers('[[Game theory|games]] [[Nash equilibrium#Mixed strategies]] [[game]]s.');
    expect(a).toMatchObject({ target: 'Game theory', text: 'games' });
    expect(b).toMatchObject({ target: 'Nash equilibrium', section: 'Mixed strategies', text: 'Nash equilibrium#Mixed strategies' });
    expect(c).toMatchObject({ target: 'game', text: 'games', raw: '[[game]]s' });
  });
  it('scanMarkers reads citations with locators and several keys', () => {
    const [m] = scanMarkers('as shown [@nash1950, p. 48; @arrow1951]');
    expect(m).toMatchObject({ kind: 'citation', items: [{ key: 'nash1950', locator: 'p. 48' }, { key: 'arrow1951', locator: undefined }], error: undefined });
  });
  it('scanMarkers flags a malformed citation list', () => {
    const [m] = scanMarkers('[@nash1950 p 48]');
    expect(m?.kind).toBe('citation');
    expect(m && m.kind === 'citation' && m.error).toMatch(/is not a citation/);
  });
  it('scanMarkers ignores single brackets and plain text', () => {
    expect(scanMarkers('a [normal] bracket and [x]')).toEqual([]);
  });
});
