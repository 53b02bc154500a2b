/**
 * Simulation thumbnails for link previews: a small standalone SVG cut from the simulation's
 * server-rendered static picture (the one readers without JavaScript see), so a preview shows the
 * real chart at no cost beyond one small image file.
 *
 * An SVG shown through <img> is a document of its own: it cannot see the page's stylesheet, runs
 * no scripts and loads nothing. So the thumbnail carries its own <style> — the chart colours from
 * kit.css, light and dark — and keeps only drawing elements and presentation attributes from an
 * allowlist. Text is dropped: at thumbnail scale a 13px label shrinks to about 5px, unreadable,
 * and the preview card already says what the chart is.
 *
 * Reading and writing markup is left to the unified ecosystem: hast-util-from-html parses the
 * render as a browser would (entities decoded, SVG elements and attributes in their SVG spelling)
 * and hast-util-to-html writes the result. What is ours is the choice of chart, the allowlist the
 * thumbnail's tree is rebuilt from, and its style. Everything is a function of the input alone,
 * so builds stay byte-identical.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { find, svg } from 'property-information';
import { visit } from 'unist-util-visit';
import { FIGURE_SIZE } from './figures.ts';

/** What a thumbnail needs from kit.css: its custom properties (both schemes) and its rules. */
export type KitStyles = {
  /** `--sim-*` properties of `:root`, light scheme, with `var(--site-token, fallback)` resolved to the fallback. */
  readonly light: ReadonlyMap<string, string>;
  /** The same under `@media (prefers-color-scheme: dark)`. */
  readonly dark: ReadonlyMap<string, string>;
  /** Declarations (`prop:value;…`) of each top-level rule, by single selector, in file order. */
  readonly rules: ReadonlyMap<string, string>;
};

/** Drawing elements a thumbnail keeps (hast spells them as SVG does); anything else (text, foreignObject, script, use, image, a …) goes with its subtree. */
const ELEMENTS = new Set(['g', 'path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse', 'defs', 'clipPath', 'marker', 'linearGradient', 'radialGradient', 'stop']);
/** Elements that draw something: a thumbnail needs at least one outside <defs>. */
const SHAPES = new Set(['path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse']);
/** Paint properties, allowed as presentation attributes, in style attributes and in the copied kit.css rules. */
const PAINT = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'paint-order', 'vector-effect', 'shape-rendering', 'clip-rule',
]);
/**
 * Geometry and reference attributes (no event handlers, no href, no ARIA: the image is one picture with one title),
 * by attribute name: hast keys properties by another name (`strokeWidth`, `className`), mapped back with property-information.
 */
const ATTRIBUTES = new Set([
  ...PAINT,
  'id', 'class', 'style', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'width', 'height', 'points',
  'transform', 'pathLength', 'clip-path', 'clipPathUnits', 'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight',
  'markerUnits', 'refX', 'refY', 'orient', 'viewBox', 'preserveAspectRatio', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits',
  'gradientTransform', 'spreadMethod',
]);
/** What a paint value never needs: CSS escapes, markup, at-rules, blocks, IE expressions, !important. */
const UNSAFE_VALUE = /[\\<>&@{}]|expression|!important/i;
/** An id or class name a thumbnail keeps. */
const NAME = /^[\w-]+$/;

/** True when `value` refers to anything but a fragment of this document (`url(#id)`). */
function hasOutsideReference(value: string): boolean {
  return /url\s*\(/i.test(value.replace(/url\(\s*(['"]?)#[\w-]+\1\s*\)/gi, ''));
}

/** CSS declarations kept to paint properties with plain values, as `prop:value;…` ('' when none is left). */
export function paintDeclarations(text: string): string {
  return text
    .split(';')
    .map((d) => {
      const colon = d.indexOf(':');
      return colon === -1 ? ['', ''] : [d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim().replace(/\s+/g, ' ')];
    })
    .filter(([p, v]) => p && v && PAINT.has(p) && !hasOutsideReference(v) && !UNSAFE_VALUE.test(v))
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

/** A property value as the text it stands for (lists joined), for checking; undefined when it is absent or a bare flag. */
function valueText(value: Properties[string]): string | undefined {
  if (Array.isArray(value)) return value.join(' ');
  // `true` would be written as a bare attribute name, which XML does not allow; no kept attribute is a flag anyway
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The class names in a `className` property, which hast keeps as a list. */
function classNames(value: Properties[string]): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Only allowlisted attributes, with values that cannot reach outside the image or break it. */
function cleanProperties(properties: Properties): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    const text = valueText(value);
    if (text === undefined || !ATTRIBUTES.has(find(svg, key).attribute)) continue;
    if (key === 'style') {
      // a style attribute is cut declaration by declaration; any other value must not point outside
      const declarations = paintDeclarations(text);
      if (declarations) out[key] = declarations;
    } else if (key === 'className') {
      const classes = classNames(value).filter((c) => NAME.test(c));
      if (classes.length > 0) out[key] = classes;
    } else if (key === 'id' ? NAME.test(text) : !hasOutsideReference(text) && !text.includes('<')) {
      // hast-util-to-html leaves `<` in attribute values as HTML allows and XML does not; no geometry or paint value has one
      out[key] = value;
    }
  }
  return out;
}

/** The element rebuilt from the allowlist: only allowlisted descendants and attributes, no text; empty groups disappear. */
function clean(node: ElementContent): Element | undefined {
  if (node.type !== 'element' || !ELEMENTS.has(node.tagName)) return undefined;
  const children = node.children.map(clean).filter((c): c is Element => c !== undefined);
  if (node.tagName === 'g' && children.length === 0) return undefined;
  // a fresh node: nothing of the parse (positions, data) is carried over
  return { type: 'element', tagName: node.tagName, properties: cleanProperties(node.properties), children };
}

function draws(element: Element): boolean {
  return (
    element.tagName !== 'defs' &&
    element.tagName !== 'clipPath' &&
    element.tagName !== 'marker' &&
    (SHAPES.has(element.tagName) || element.children.some((c) => c.type === 'element' && draws(c)))
  );
}

/** The class names, element names and attribute values used anywhere in `elements`. */
function usage(elements: readonly Element[]): { classes: Set<string>; names: Set<string>; values: string[] } {
  const classes = new Set<string>();
  const names = new Set<string>();
  const values: string[] = [];
  for (const element of elements) {
    visit(element, 'element', (e: Element) => {
      names.add(e.tagName);
      for (const c of classNames(e.properties['className'])) classes.add(c);
      for (const v of Object.values(e.properties)) values.push(valueText(v) ?? '');
    });
  }
  return { classes, names, values };
}

/** Strips comments, then calls `onRule` for each rule with its single selectors, declarations and enclosing @media. */
function eachRule(css: string, onRule: (media: string, selector: string, body: string) => void, media = ''): void {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open === -1) return;
    const prelude = text.slice(at, open).trim();
    if (prelude.startsWith('@')) {
      let depth = 1;
      let i = open + 1;
      for (; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
      eachRule(text.slice(open + 1, i - 1), onRule, prelude);
      at = i;
      continue;
    }
    const close = text.indexOf('}', open);
    if (close === -1) return;
    for (const selector of prelude.split(',')) onRule(media, selector.trim().replace(/\s+/g, ' '), text.slice(open + 1, close));
    at = close + 1;
  }
}

/** `var(--token, fallback)` → fallback, repeatedly: an image cannot see the site's tokens, so the kit's own fallbacks apply. */
function resolveFallback(value: string): string {
  let v = value.trim();
  for (let m = /^var\(\s*--[\w-]+\s*,\s*([\s\S]*)\)$/.exec(v); m; m = /^var\(\s*--[\w-]+\s*,\s*([\s\S]*)\)$/.exec(v)) v = (m[1] ?? '').trim();
  return v;
}

/** Reads the colours and rules thumbnails need from the text of components/kit/kit.css. */
export function parseKitStyles(css: string): KitStyles {
  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  const rules = new Map<string, string>();
  eachRule(css, (media, selector, body) => {
    if (selector === ':root') {
      const target = media === '' ? light : /prefers-color-scheme:\s*dark/.test(media) ? dark : undefined;
      for (const d of body.split(';')) {
        const m = /^\s*(--sim-[\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(d);
        if (m && target) target.set(m[1] ?? '', resolveFallback(m[2] ?? ''));
      }
    } else if (media === '') {
      const decls = body.split(';').map((d) => d.trim()).filter(Boolean).join(';');
      rules.set(selector, rules.has(selector) ? `${rules.get(selector)};${decls}` : decls);
    }
  });
  return { light, dark, rules };
}

// A selector a thumbnail can use: descendant steps, each an element name and/or classes, nothing else.
const SIMPLE_SELECTOR = /^(?:[a-zA-Z]+|[a-zA-Z]*(?:\.[\w-]+)+)(?: (?:[a-zA-Z]+|[a-zA-Z]*(?:\.[\w-]+)+))*$/;

/**
 * The kit.css rules that can apply inside the thumbnail: simple selectors whose classes all occur
 * in it (`inner`, or `rootClasses` for an ancestor step), whose element names are kept drawing
 * elements in it, and whose subject is not the root (the root's page layout rules — width: 100%
 * and the like — mean nothing in an image), cut to paint.
 */
function applicableRules(kit: KitStyles, rootClasses: ReadonlySet<string>, inner: ReturnType<typeof usage>): string[] {
  const out: string[] = [];
  for (const [selector, body] of kit.rules) {
    if (!SIMPLE_SELECTOR.test(selector)) continue;
    const steps = selector.split(' ').map((s) => ({ name: /^[a-zA-Z]*/.exec(s)?.[0] ?? '', classes: s.match(/\.[\w-]+/g)?.map((c) => c.slice(1)) ?? [] }));
    const ok = steps.every((s, i) => {
      const last = i === steps.length - 1;
      if (s.name !== '' && !(ELEMENTS.has(s.name) && inner.names.has(s.name))) return false;
      return s.classes.every((c) => inner.classes.has(c) || (!last && rootClasses.has(c)));
    });
    const decls = ok ? paintDeclarations(body) : '';
    if (decls) out.push(`${selector}{${decls}}`);
  }
  return out;
}

/** The `--sim-*` properties `css` refers to, with those their values refer to, in kit.css order. */
function customProperties(kit: KitStyles, css: string): string[] {
  const wanted = new Set<string>();
  const queue = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (wanted.has(name)) continue;
    if (!kit.light.has(name)) throw new Error(`A simulation thumbnail uses ${name}, which components/kit/kit.css does not define in :root.`);
    wanted.add(name);
    for (const v of [kit.light.get(name), kit.dark.get(name)]) for (const m of (v ?? '').matchAll(/var\(\s*(--[\w-]+)/g)) queue.push(m[1] ?? '');
  }
  return [...kit.light.keys()].filter((k) => wanted.has(k));
}

/** The main chart of a simulation's static render: the first `.sim-chart-svg` that is a picture (role="img"), else the first one. */
function mainChart(tree: Root): Element | undefined {
  const charts: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'svg' && classNames(node.properties['className']).includes('sim-chart-svg')) charts.push(node);
  });
  // role="group" marks a chart readers work with (drag, click): a picture tells more at this size
  return charts.find((c) => valueText(c.properties['role']) === 'img') ?? charts[0];
}

/**
 * True when `chart` is markup as preact-render-to-string writes it: every element closed by its
 * own end tag (or `/>`), and no parse error (a bad character reference, a control character)
 * inside it. An HTML parser recovers from anything — an unclosed <g>, a <div> that ends the
 * <svg> early — by guessing; a guess could turn into a thumbnail that does not show the chart,
 * so any of it means no thumbnail rather than a wrong one.
 */
function isWellFormed(chart: Element, html: string, errorOffsets: readonly (number | undefined)[]): boolean {
  const start = chart.position?.start.offset;
  const end = chart.position?.end.offset;
  // an error the parser could not place counts as inside
  if (start === undefined || end === undefined || errorOffsets.some((at) => at === undefined || (at >= start && at < end))) return false;
  let closed = true;
  visit(chart, 'element', (node: Element) => {
    const tags = node.data?.position;
    const openingEnd = tags?.opening?.end.offset;
    if (!tags?.closing && (openingEnd === undefined || html.slice(openingEnd - 2, openingEnd) !== '/>')) closed = false;
  });
  return closed;
}

/**
 * The thumbnail of the simulation whose server render is `html`: a standalone SVG of its main
 * chart, FIGURE_SIZE big, or undefined when the render has no SVG chart (a table or canvas only)
 * or the chart is not markup this function understands. Its <title> is `title` followed by the
 * chart's own accessible name, so the file also makes sense opened on its own.
 */
export function chartThumbnail(html: string, options: { title: string; kit: KitStyles }): string | undefined {
  const errorOffsets: (number | undefined)[] = [];
  // verbose: positions of start and end tags, to tell an element closed by its end tag from one the parser closed
  const tree = fromHtml(html, {
    fragment: true,
    verbose: true,
    onerror: (message) => {
      const place = message.place;
      errorOffsets.push(place && 'start' in place ? place.start.offset : place?.offset);
    },
  });
  const source = mainChart(tree);
  if (!source || !isWellFormed(source, html, errorOffsets)) return undefined;
  const viewBox = valueText(source.properties['viewBox'])?.trim() ?? '';
  if (!/^-?[\d.]+(?:[\s,]+-?[\d.]+){3}$/.test(viewBox)) return undefined;
  const children = source.children.map(clean).filter((c): c is Element => c !== undefined);
  if (!children.some(draws)) return undefined;
  const rootProperties = cleanProperties({ className: source.properties['className'] });
  const inner = usage(children);
  const rules = applicableRules(options.kit, new Set(classNames(rootProperties['className'])), inner).join('');
  const used = customProperties(options.kit, [...inner.values, rules].join(' '));
  const block = (values: ReadonlyMap<string, string>) => used.filter((k) => values.has(k)).map((k) => `${k}:${values.get(k)}`).join(';');
  const darkBlock = block(options.kit.dark);
  const style = `:root{${block(options.kit.light)}}${darkBlock ? `@media (prefers-color-scheme:dark){:root{${darkBlock}}}` : ''}${rules}`;
  // hast-util-to-html writes a <style>'s text unescaped, as HTML wants; an XML parser would read `<` or `&` in it
  // as markup. The rules are cut to plain values already, so only a kit.css custom property could bring one.
  if (/[<&]/.test(style)) throw new Error('A simulation thumbnail’s style would contain “<” or “&”: check the --sim-* values in components/kit/kit.css.');
  const summary = valueText(source.properties['ariaLabel'])?.trim();
  const title = summary ? `${options.title} — ${summary}` : options.title;
  const thumbnail: Element = {
    type: 'element',
    tagName: 'svg',
    properties: { xmlns: 'http://www.w3.org/2000/svg', ...rootProperties, width: FIGURE_SIZE.width, height: FIGURE_SIZE.height, viewBox },
    children: [
      { type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: title }] },
      { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: style }] },
      ...children,
    ],
  };
  // in the SVG space, empty elements close as `<path …/>` rather than `<path …></path>`: same document, fewer bytes
  return `${toHtml(thumbnail, { space: 'svg', closeEmptyElements: true, tightSelfClosing: true })}\n`;
}
