/**
 * Simulation thumbnails for link previews: a small standalone SVG cut from the simulation's
 * server-rendered static picture (the one readers without JavaScript see), so a preview shows the
 * real chart at no cost beyond one small image file.
 *
 * An SVG shown through <img> is a document of its own: it cannot see the page's stylesheet, runs
 * no scripts and loads nothing. So the thumbnail carries its own <style> — the chart colours from
 * kit.css, light and dark — and keeps only drawing elements and presentation attributes from an
 * allowlist. Text is dropped: at thumbnail scale a 13px label shrinks to about 5px, unreadable,
 * and the preview card already says what the chart is. Pure string work, so the output depends
 * on its input alone and builds stay byte-identical.
 */
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

/** Drawing elements a thumbnail keeps; anything else (text, foreignObject, script, use, image, a …) goes with its subtree. */
const ELEMENTS = new Set(['g', 'path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse', 'defs', 'clipPath', 'marker', 'linearGradient', 'radialGradient', 'stop']);
/** Elements that draw something: a thumbnail needs at least one outside <defs>. */
const SHAPES = new Set(['path', 'line', 'polyline', 'polygon', 'rect', 'circle', 'ellipse']);
/** Paint properties, allowed as presentation attributes, in style attributes and in the copied kit.css rules. */
const PAINT = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'paint-order', 'vector-effect', 'shape-rendering', 'clip-rule',
]);
/** Geometry and reference attributes (no event handlers, no href, no ARIA: the image is one picture with one title). */
const ATTRIBUTES = new Set([
  ...PAINT,
  'id', 'class', 'style', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'width', 'height', 'points',
  'transform', 'pathLength', 'clip-path', 'clipPathUnits', 'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight',
  'markerUnits', 'refX', 'refY', 'orient', 'viewBox', 'preserveAspectRatio', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits',
  'gradientTransform', 'spreadMethod',
]);

type Element = { name: string; attrs: [string, string][]; children: Element[] };

// Markup as preact-render-to-string writes it: every attribute value in double quotes, text
// escaped, every SVG element closed explicitly. Anything else makes parsing fail, and a failed
// parse means no thumbnail rather than a broken one.
const ATTRIBUTE_LIST = String.raw`((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)`;
const TAG = String.raw`<(\/?)([A-Za-z][\w:-]*)${ATTRIBUTE_LIST}\s*(\/?)>`;
const SVG_START = new RegExp(String.raw`<svg${ATTRIBUTE_LIST}\s*>`, 'g');
const ATTRIBUTE = /([^\s"'<>/=]+)(?:="([^"]*)")?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

function parseAttributes(text: string): [string, string][] {
  return [...text.matchAll(ATTRIBUTE)].map((m) => [m[1] ?? '', decode(m[2] ?? '')]);
}

/** The element whose start tag is at `start` in `html`, with its subtree, or undefined when the markup is not as expected. */
function parseElementAt(html: string, start: number): Element | undefined {
  const re = new RegExp(TAG, 'g');
  re.lastIndex = start;
  const stack: Element[] = [];
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (stack.length === 0 && m.index !== start) return undefined;
    const [, closing, name = '', attrText = '', selfClosing] = m;
    if (closing) {
      const top = stack.pop();
      if (!top || top.name !== name) return undefined;
      if (stack.length === 0) return top;
      continue;
    }
    const element: Element = { name, attrs: parseAttributes(attrText), children: [] };
    stack.at(-1)?.children.push(element);
    if (!selfClosing) stack.push(element);
    else if (stack.length === 0) return element;
  }
  return undefined;
}

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
    .filter(([p, v]) => p && v && PAINT.has(p) && !hasOutsideReference(v) && !/[\\<>@{}]|expression|!important/i.test(v))
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

function cleanAttributes(attrs: readonly [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, raw] of attrs) {
    // a style attribute is cut declaration by declaration below; any other value must not point outside
    if (!ATTRIBUTES.has(name) || (name !== 'style' && hasOutsideReference(raw))) continue;
    let value = raw;
    if (name === 'style') value = paintDeclarations(raw);
    else if (name === 'class') value = raw.split(/\s+/).filter((c) => /^[\w-]+$/.test(c)).join(' ');
    else if (name === 'id' && !/^[\w-]+$/.test(raw)) continue;
    if (value !== '' || name !== 'style') out.push([name, value]);
  }
  return out;
}

/** The element with only allowlisted descendants and attributes; empty groups disappear. */
function clean(element: Element): Element | undefined {
  if (!ELEMENTS.has(element.name)) return undefined;
  const children = element.children.map(clean).filter((c): c is Element => c !== undefined);
  if (element.name === 'g' && children.length === 0) return undefined;
  return { name: element.name, attrs: cleanAttributes(element.attrs), children };
}

function serialize(element: Element): string {
  const attrs = element.attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (element.children.length === 0) return `<${element.name}${attrs}/>`;
  return `<${element.name}${attrs}>${element.children.map(serialize).join('')}</${element.name}>`;
}

function draws(element: Element): boolean {
  return element.name !== 'defs' && element.name !== 'clipPath' && element.name !== 'marker' && (SHAPES.has(element.name) || element.children.some(draws));
}

function classesOf(element: Element, out = new Set<string>()): Set<string> {
  for (const [k, v] of element.attrs) if (k === 'class') for (const c of v.split(' ')) if (c) out.add(c);
  for (const c of element.children) classesOf(c, out);
  return out;
}

function namesOf(element: Element, out = new Set<string>()): Set<string> {
  out.add(element.name);
  for (const c of element.children) namesOf(c, out);
  return out;
}

/** Strips comments, then calls `visit` for each rule with its single selectors, declarations and enclosing @media. */
function eachRule(css: string, visit: (media: string, selector: string, body: string) => void, media = ''): void {
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
      eachRule(text.slice(open + 1, i - 1), visit, prelude);
      at = i;
      continue;
    }
    const close = text.indexOf('}', open);
    if (close === -1) return;
    for (const selector of prelude.split(',')) visit(media, selector.trim().replace(/\s+/g, ' '), text.slice(open + 1, close));
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
 * in it, whose element names are kept drawing elements, and whose subject is not the root (the
 * root's page layout rules — width: 100% and the like — mean nothing in an image), cut to paint.
 */
function applicableRules(kit: KitStyles, root: Element): string[] {
  const rootClasses = new Set(classesOf({ ...root, children: [] }));
  const inner = new Set(root.children.flatMap((c) => [...classesOf(c)]));
  const names = new Set(root.children.flatMap((c) => [...namesOf(c)]));
  const out: string[] = [];
  for (const [selector, body] of kit.rules) {
    if (!SIMPLE_SELECTOR.test(selector)) continue;
    const steps = selector.split(' ').map((s) => ({ name: /^[a-zA-Z]*/.exec(s)?.[0] ?? '', classes: s.match(/\.[\w-]+/g)?.map((c) => c.slice(1)) ?? [] }));
    const ok = steps.every((s, i) => {
      const last = i === steps.length - 1;
      if (s.name !== '' && !(ELEMENTS.has(s.name) && names.has(s.name))) return false;
      return s.classes.every((c) => inner.has(c) || (!last && rootClasses.has(c)));
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
function mainChart(html: string): Element | undefined {
  const starts: { at: number; role: string }[] = [];
  for (const m of html.matchAll(SVG_START)) {
    const attrs = new Map(parseAttributes(m[1] ?? ''));
    // role="group" marks a chart readers work with (drag, click): a picture tells more at this size
    if ((attrs.get('class') ?? '').split(/\s+/).includes('sim-chart-svg')) starts.push({ at: m.index, role: attrs.get('role') ?? '' });
  }
  const chosen = starts.find((s) => s.role === 'img') ?? starts[0];
  return chosen ? parseElementAt(html, chosen.at) : undefined;
}

/**
 * The thumbnail of the simulation whose server render is `html`: a standalone SVG of its main
 * chart, FIGURE_SIZE big, or undefined when the render has no SVG chart (a table or canvas only)
 * or the chart is not markup this function understands. Its <title> is `title` followed by the
 * chart's own accessible name, so the file also makes sense opened on its own.
 */
export function chartThumbnail(html: string, options: { title: string; kit: KitStyles }): string | undefined {
  const source = mainChart(html);
  if (!source) return undefined;
  const viewBox = new Map(source.attrs).get('viewBox') ?? '';
  if (!/^-?[\d.]+(?:[\s,]+-?[\d.]+){3}$/.test(viewBox.trim())) return undefined;
  const children = source.children.map(clean).filter((c): c is Element => c !== undefined);
  const root: Element = { name: 'svg', attrs: cleanAttributes(source.attrs.filter(([k]) => k === 'class')), children };
  if (!children.some(draws)) return undefined;
  const body = children.map(serialize).join('');
  const rules = applicableRules(options.kit, root).join('');
  const used = customProperties(options.kit, body + rules);
  const block = (values: ReadonlyMap<string, string>) => used.filter((k) => values.has(k)).map((k) => `${k}:${values.get(k)}`).join(';');
  const darkBlock = block(options.kit.dark);
  const style = `:root{${block(options.kit.light)}}${darkBlock ? `@media (prefers-color-scheme:dark){:root{${darkBlock}}}` : ''}${rules}`;
  const rootAttrs = root.attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const summary = new Map(source.attrs).get('aria-label')?.trim();
  const title = summary ? `${options.title} — ${summary}` : options.title;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${rootAttrs} width="${FIGURE_SIZE.width}" height="${FIGURE_SIZE.height}" viewBox="${escapeAttribute(viewBox.trim())}">` +
    `<title>${escapeText(title)}</title><style>${escapeText(style)}</style>${body}</svg>\n`
  );
}

