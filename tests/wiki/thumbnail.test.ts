// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, type ComponentType } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { chartThumbnail, paintDeclarations, parseKitStyles } from '../../src/wiki/thumbnail.ts';
import { FIGURE_SIZE } from '../../src/wiki/figures.ts';
import { sims } from '../../components/sims/index.ts';
import { simIslandProps } from '../../src/ui/sim-props.ts';
import { simThumbnail } from '../../src/ui/preview-figure.ts';

const kitCss = readFileSync(join(import.meta.dirname, '..', '..', 'components', 'kit', 'kit.css'), 'utf8');
const kit = parseKitStyles(kitCss);
const render = (name: keyof typeof sims, props: Record<string, unknown> = {}) =>
  renderToString(h(sims[name] as ComponentType<Record<string, unknown>>, simIslandProps({ name, ...props })));

/** The thumbnail parsed as an XML document, as a browser loading it through <img> would (fails on malformed markup). */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.tagName).toBe('svg');
  return doc;
}

// a chart as a simulation might render it, with everything a thumbnail must not carry
const HOSTILE = `<div class="sim"><p>Intro</p>
<svg class="sim-chart-svg" viewBox="0 0 600 240" role="img" aria-label="Welfare &amp; stock &lt;over&gt; time" preserveAspectRatio="xMidYMid meet" style="max-width:26rem;cursor:default" onclick="alert(1)">
<script>alert(1)</script>
<foreignObject width="10" height="10"><div>html</div></foreignObject>
<g class="sim-axis" tabindex="0" role="group" aria-label="axis"><line x1="56" x2="496" y1="198" y2="198"></line><text x="1" y="2">0</text></g>
<path class="sim-line" d="M56,198L496,12" stroke="var(--sim-series-1)" onmouseover="steal()" style="stroke-width:3px;cursor:pointer;fill:url(https://evil.example/x.svg#p)"></path>
<rect x="1" y="1" width="5" height="5" fill="url(https://evil.example/p)" clip-path="url(#sim-clip)"></rect>
<image href="https://evil.example/i.png" width="5" height="5"></image>
<use href="#x"></use>
<a href="javascript:alert(1)"><circle cx="1" cy="1" r="1"></circle></a>
<defs><clipPath id="sim-clip"><rect x="0" y="0" width="600" height="240"></rect></clipPath></defs>
<g><text>only text</text></g>
</svg>
<svg width="24" height="10" aria-hidden="true"><line x1="0" x2="24" y1="5" y2="5" stroke="var(--sim-series-2)"></line></svg>
</div>`;

describe('chartThumbnail', () => {
  const svg = chartThumbnail(HOSTILE, { title: 'Simulation: Test', kit })!;

  it('makes a standalone SVG with a namespace, the chart’s viewBox, the thumbnail size and a title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = parseSvg(svg).documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 600 240');
    expect(root.getAttribute('width')).toBe(String(FIGURE_SIZE.width));
    expect(root.getAttribute('height')).toBe(String(FIGURE_SIZE.height));
    // the title says what it is, then what the chart shows (the chart's own accessible name)
    expect(root.querySelector('title')?.textContent).toBe('Simulation: Test — Welfare & stock <over> time');
  });

  it('keeps no script, foreignObject, text, link, image, event handler, ARIA or outside reference', () => {
    expect(svg).not.toMatch(/<script|<foreignObject|<text|<image|<use|<a[\s>]|\son[a-z]+=|javascript:|evil\.example|tabindex|role=|aria-|cursor/i);
    const doc = parseSvg(svg);
    const all = [...doc.getElementsByTagName('*')];
    for (const el of all) for (const attr of [...el.attributes]) expect(attr.name, `${el.tagName}@${attr.name}`).not.toMatch(/^on|href$/i);
    // what can be drawn stays: the axis line, the series path, the clipped rect, the clip path
    expect(svg).toContain('<line x1="56" x2="496" y1="198" y2="198"/>');
    expect(svg).toContain('<path class="sim-line" d="M56,198L496,12" stroke="var(--sim-series-1)" style="stroke-width:3px"/>');
    expect(svg).toContain('<rect x="1" y="1" width="5" height="5" clip-path="url(#sim-clip)"/>');
    expect(svg).toContain('<clipPath id="sim-clip">');
    // groups left empty once their text is gone disappear
    expect(svg).not.toContain('<g></g>');
    expect(svg).not.toContain('<g/>');
  });

  it('reads attribute values as a browser would, entities decoded, so nothing hides behind character references', () => {
    const html = `<svg class="sim-chart-svg" viewBox="0 0 100 100" role="img" onload="alert(1)" aria-label="a &quot;chart&quot;">
<script>alert(document.cookie)</script><script href="https://evil.example/s.js"></script>
<style>@import url(https://evil.example/s.css);</style>
<foreignObject width="100" height="100"><iframe src="https://evil.example/f"></iframe><img src="https://evil.example/i.png"/></foreignObject>
<a href="javascript:alert(1)"><rect x="0" y="0" width="1" height="1"></rect></a>
<a href="&#x6a;avascript&colon;alert(1)"><circle cx="2" cy="2" r="1"></circle></a>
<image href="https://evil.example/i.png" width="5" height="5"></image><image xlink:href="https://evil.example/j.png"></image>
<path d="M0,0L9,9" onload="steal()" onmouseover="steal()" style="fill:url(https://evil.example/a);stroke:var(--sim-series-1)"></path>
<path d="M1,1L8,8" fill="&#117;rl(https://evil.example/b)" stroke="u&#x72;l&lpar;https://evil.example/c)" style="fill:&#x75;rl(https://evil.example/d)"></path>
<line x1="0" x2="9" y1="0" y2="0" stroke="var&#40;--sim-axis)" class="ok x&quot; onload=&quot;alert(1)" id="i&quot; onload=&quot;alert(2)"></line>
<polyline points="0,0 1,1&#x3c;script&#x3e;alert(1)&#x3c;/script&#x3e;" stroke-width="2"></polyline>
<g transform="translate(1 1)"><set attributeName="href" to="javascript:alert(1)"></set><animate attributeName="fill" to="url(https://evil.example/e)"></animate><ellipse cx="5" cy="5" rx="2" ry="1" filter="url(https://evil.example/f)"></ellipse></g>
</svg>`;
    const out = chartThumbnail(html, { title: 'Hostile', kit })!;
    expect(out).toBeDefined();
    expect(out).not.toMatch(/<script|<style>@|@import|<foreignObject|<iframe|<img|<image|<a[\s>]|<set|<animate|\son[a-z]+=|href|javascript|evil|url\(/i);
    const doc = parseSvg(out);
    for (const el of [...doc.getElementsByTagName('*')]) {
      for (const attr of [...el.attributes]) {
        expect(attr.name, `${el.tagName}@${attr.name}`).not.toMatch(/^on|href$|^(?:role|aria-|filter)/i);
        // decoded, the values are as harmless as they look: no outside reference, no markup
        expect(attr.value, `${el.tagName}@${attr.name}`).not.toMatch(/url\(|javascript|evil|[<>"]/i);
      }
    }
    expect(doc.documentElement.children[0]?.tagName).toBe('title');
    expect(doc.querySelector('title')?.textContent).toBe('Hostile — a "chart"');
    // what is harmless stays, entities decoded: the two paths, the line and the ellipse (links go with what they hold)
    expect([...doc.querySelectorAll('rect, circle, path, line, ellipse')].map((e) => e.tagName)).toEqual(['path', 'path', 'line', 'ellipse']);
    expect(doc.querySelector('line')?.getAttribute('stroke')).toBe('var(--sim-axis)');
    expect(doc.querySelector('line')?.getAttribute('class')).toBe('ok');
    expect(doc.querySelector('line')?.hasAttribute('id')).toBe(false);
    // a value holding markup once decoded is dropped, not escaped: no geometry or paint value has a “<”
    expect(doc.querySelector('polyline')?.hasAttribute('points')).toBe(false);
    expect(doc.querySelector('path')?.getAttribute('style')).toBe('stroke:var(--sim-series-1)');
    expect(doc.querySelector('g')?.getAttribute('transform')).toBe('translate(1 1)');
    // the decoded var() reaches the style like any other
    expect(doc.querySelector('style')?.textContent).toContain(`--sim-axis:${kit.light.get('--sim-axis')}`);
  });

  it('carries its own style: the custom properties it uses from kit.css, light and dark, and the kit rules for its classes', () => {
    const style = parseSvg(svg).querySelector('style')?.textContent ?? '';
    expect(style).toContain(`--sim-series-1:${kit.light.get('--sim-series-1')}`);
    expect(style).toMatch(new RegExp(`@media \\(prefers-color-scheme:dark\\)\\{:root\\{[^}]*--sim-series-1:${kit.dark.get('--sim-series-1')}`));
    expect(style).toContain('.sim-axis line{stroke:var(--sim-axis);stroke-width:1}');
    expect(style).toContain('.sim-line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}');
    // only what it uses: no legend colour, no rule for text it no longer has
    expect(style).not.toContain('--sim-series-2');
    expect(style).not.toContain('text');
    expect(style).not.toMatch(/url\(|@import/);
  });

  it('is deterministic: the same render gives the same bytes', () => {
    expect(chartThumbnail(HOSTILE, { title: 'Simulation: Test', kit })).toBe(svg);
    const a = chartThumbnail(render('commons-harvest'), { title: 'x', kit });
    const b = chartThumbnail(render('commons-harvest'), { title: 'x', kit });
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it('takes the first chart that is a picture (role="img") over an interactive one (role="group")', () => {
    const html = `<svg class="sim-chart-svg" viewBox="0 0 10 10" role="group" aria-label="drag me"><circle cx="1" cy="1" r="1"></circle></svg>
      <svg class="sim-chart-svg" viewBox="0 0 20 20" role="img" aria-label="picture"><rect x="0" y="0" width="2" height="2"></rect></svg>`;
    const out = chartThumbnail(html, { title: 't', kit })!;
    expect(out).toContain('viewBox="0 0 20 20"');
    expect(out).toContain('<title>t — picture</title>');
    expect(out).not.toContain('<circle');
  });

  it('gives no thumbnail without an SVG chart, for markup it does not understand, or for a chart with nothing drawn', () => {
    expect(chartThumbnail('<div class="sim"><table><tr><td>1</td></tr></table><canvas></canvas></div>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><g><line></g></svg>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0"></line>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="bad"><line x1="0"></line></svg>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><g><text>label</text></g></svg>', { title: 't', kit })).toBeUndefined();
    // an HTML parser recovers from these by guessing; a thumbnail does not guess
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0"></line><div>x</div></svg>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0" stroke="&#1;"></line></svg>', { title: 't', kit })).toBeUndefined();
    expect(chartThumbnail('<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0" stroke="a&amp"></line></svg>', { title: 't', kit })).toBeUndefined();
    // … while markup that is merely untidy elsewhere in the render, or self-closed, is fine
    expect(chartThumbnail('<p>a<p>b &amp c<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0"/></svg>', { title: 't', kit })).toContain('<line x1="0"/>');
    // the manipulation finder's static picture is a table: no thumbnail, so no preview figure
    expect(simThumbnail('manipulation-finder', { name: 'manipulation-finder' })).toBeUndefined();
  });

  it('fails loudly when a chart uses a colour kit.css does not define', () => {
    const html = '<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0" stroke="var(--sim-series-99)"></line></svg>';
    expect(() => chartThumbnail(html, { title: 't', kit })).toThrow(/--sim-series-99/);
  });

  it('fails loudly when a kit.css colour would put markup characters in the style, which XML would read as markup', () => {
    const html = '<svg class="sim-chart-svg" viewBox="0 0 10 10"><line x1="0" stroke="var(--sim-series-1)"></line></svg>';
    const odd = parseKitStyles(':root { --sim-series-1: a</style><script>x</script>; }');
    expect(() => chartThumbnail(html, { title: 't', kit: odd })).toThrow(/kit\.css/);
  });
});

describe('the thumbnails of the real simulations', () => {
  const names = Object.keys(sims) as (keyof typeof sims)[];
  it.each(names.filter((n) => n !== 'manipulation-finder'))('%s: a well-formed, self-contained SVG of its static chart', (name) => {
    const html = render(name);
    const svg = simThumbnail(name, { name })!;
    expect(svg, name).toBeDefined();
    const doc = parseSvg(svg);
    expect(doc.documentElement.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(doc.querySelector('title')?.textContent).toMatch(/^Simulation: /);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(svg).not.toMatch(/<script|<foreignObject|<text|\son[a-z]+=|href=|role=|aria-/i);
    // the geometry is the static picture's: its first path or shape appears in the page's render
    const shapes = [...svg.matchAll(/<(?:path|line|polyline|polygon|rect|circle|ellipse) ([^>]*?)\/?>/g)].slice(0, 3);
    expect(shapes.length, name).toBeGreaterThan(0);
    for (const shape of shapes) {
      const geometry = [...(shape[1] ?? '').matchAll(/\b(?:d|points|x|y|x1|y1|cx|cy|width|height)="[^"]*"/g)].map((m) => m[0]);
      expect(geometry.length, shape[0]).toBeGreaterThan(0);
      for (const g of geometry) expect(html).toContain(g);
    }
    // every var() it uses is defined in its own style
    const style = doc.querySelector('style')?.textContent ?? '';
    for (const m of svg.matchAll(/var\((--[\w-]+)\)/g)) expect(style, `${name} ${m[1]}`).toContain(`${m[1]}:`);
    // small: a thumbnail, not a page
    expect(svg.length).toBeLessThan(40_000);
  });
});

describe('parseKitStyles and paintDeclarations', () => {
  it('reads both schemes and resolves the site-token fallbacks an image cannot see', () => {
    expect(kit.light.get('--sim-panel')).toBe('#ffffff');
    expect(kit.dark.get('--sim-panel')).toBe('#22262b');
    expect(kit.light.get('--sim-grid')).toBe('rgb(107 114 128 / 0.18)');
    expect(kit.rules.get('.sim-reference')).toContain('stroke-dasharray: 5 4');
  });
  it('keeps paint properties with plain values only', () => {
    expect(paintDeclarations('fill:var(--a); cursor:pointer; stroke-width: 2px ;pointer-events:none')).toBe('fill:var(--a);stroke-width:2px');
    expect(paintDeclarations('fill:url(http://x/y);stroke:url(#ok)')).toBe('stroke:url(#ok)');
    expect(paintDeclarations('fill:red !important;stroke:expression(alert(1))')).toBe('');
  });
});
