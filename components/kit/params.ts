/**
 * A tiny declarative parameter spec, shared by a simulation's controls, its URL state and the
 * build-time props schema (params-schema.ts). Browser code: no zod here.
 */

/** A real-valued parameter shown as a slider. */
export type NumberParam = {
  readonly kind: 'number';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly unit?: string;
};

/** A whole-number parameter shown as a slider. */
export type IntegerParam = {
  readonly kind: 'integer';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly unit?: string;
};

/** An on/off parameter shown as a checkbox. */
export type BooleanParam = { readonly kind: 'boolean'; readonly label: string; readonly default: boolean };

/** One choice of a select parameter; `value` is what the URL and props carry. */
export type SelectOption = { readonly value: string; readonly label: string };

/** A choice among named options, shown as a select. */
export type SelectParam = {
  readonly kind: 'select';
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly default: string;
};

/** A random seed: an integer in [0, 2³² − 1]. */
export type SeedParam = { readonly kind: 'seed'; readonly label?: string; readonly default: number };

/** One parameter's declaration. */
export type ParamSpec = NumberParam | IntegerParam | BooleanParam | SelectParam | SeedParam;

/** A simulation's parameters by name (names are identifiers: letters and digits). */
export type ParamSpecs = { readonly [name: string]: ParamSpec };

/** The value type a parameter takes: boolean, one of the select's values, or a number. */
export type ParamValue<P extends ParamSpec> = P extends BooleanParam
  ? boolean
  : P extends { readonly kind: 'select'; readonly options: readonly (infer O)[] }
    ? O extends { readonly value: infer V }
      ? V
      : string
    : number;

/** A full set of values for a spec. */
export type ParamValues<S extends ParamSpecs> = { -readonly [K in keyof S]: ParamValue<S[K]> };

/** The largest seed, 2³² − 1. */
export const MAX_SEED = 0xffffffff;
/** Longest raw value accepted for one parameter; anything longer is garbage, not a setting. */
export const MAX_VALUE_LENGTH = 40;

type AnyValue = number | boolean | string;
type AnyValues = Record<string, AnyValue>;

/** Returns every parameter's default value. */
export function defaultsOf<S extends ParamSpecs>(spec: S): ParamValues<S> {
  const out: AnyValues = {};
  for (const [name, p] of Object.entries(spec)) out[name] = p.default;
  return out as ParamValues<S>;
}

/** Returns the label shown for a parameter ("Seed" for a seed without one). */
export function labelOf(p: ParamSpec): string {
  return p.kind === 'seed' ? (p.label ?? 'Seed') : p.label;
}

// Decimal numbers only: no hex, no "Infinity", no whitespace; an exponent is allowed but the
// result must still be finite (1e309 is not).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const WHOLE = /^[+-]?\d+$/;

/** Returns `value` when it is a valid value for `p` (type and range), else undefined. */
export function validValue(p: ParamSpec, value: unknown): AnyValue | undefined {
  switch (p.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= p.min && value <= p.max
        ? value
        : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= p.min && value <= p.max
        ? value
        : undefined;
    case 'seed':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED
        ? value
        : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'select':
      return typeof value === 'string' && p.options.some((o) => o.value === value) ? value : undefined;
  }
}

/** Returns what a parameter expects, in words, for problem messages. */
export function expectation(p: ParamSpec): string {
  switch (p.kind) {
    case 'number':
      return `a number from ${p.min} to ${p.max}`;
    case 'integer':
      return `a whole number from ${p.min} to ${p.max}`;
    case 'seed':
      return `a whole number from 0 to ${MAX_SEED}`;
    case 'boolean':
      return '1 or 0';
    case 'select':
      return `one of ${p.options.map((o) => o.value).join(', ')}`;
  }
}

function decodeSelect(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Returns the value a raw string encodes for `p`, or undefined when it is not a valid value. */
export function parseValue(p: ParamSpec, raw: string): AnyValue | undefined {
  if (raw.length === 0 || raw.length > MAX_VALUE_LENGTH) return undefined;
  switch (p.kind) {
    case 'number':
      return DECIMAL.test(raw) ? validValue(p, Number(raw)) : undefined;
    case 'integer':
    case 'seed':
      return WHOLE.test(raw) ? validValue(p, Number(raw)) : undefined;
    case 'boolean':
      return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
    case 'select': {
      const decoded = decodeSelect(raw);
      return decoded === undefined ? undefined : validValue(p, decoded);
    }
  }
}

function shown(raw: string): string {
  return JSON.stringify(raw.length > 20 ? `${raw.slice(0, 20)}…` : raw);
}

function formatValue(value: AnyValue): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/**
 * Returns the values that `raw` (name → string, e.g. from the URL) encodes, with every missing,
 * unknown or invalid entry falling back to `base` (default: the spec's defaults) and a readable
 * problem for each bad one; never throws.
 */
export function parseParams<S extends ParamSpecs>(
  raw: Readonly<Record<string, string>>,
  spec: S,
  base: ParamValues<S> = defaultsOf(spec),
): { values: ParamValues<S>; problems: string[] } {
  const values: AnyValues = { ...(base as AnyValues) };
  const problems: string[] = [];
  for (const name of Object.keys(raw)) {
    const text = raw[name];
    if (typeof text !== 'string') continue;
    const p = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!p) {
      problems.push(`unknown setting ${shown(name)} ignored`);
      continue;
    }
    const value = parseValue(p, text);
    if (value === undefined) {
      const fallback = formatValue((base as AnyValues)[name] ?? p.default);
      const why = text.length > MAX_VALUE_LENGTH ? `a value of ${text.length} characters` : shown(text);
      problems.push(`${labelOf(p)}: expected ${expectation(p)}, got ${why}; using ${fallback}`);
    } else {
      values[name] = value;
    }
  }
  return { values: values as ParamValues<S>, problems };
}

/**
 * Returns the compact text form of `values` ("agents:12,mechanism:charge"), listing only those
 * that differ from `base` (default: the spec's defaults), in spec order; "" when none differ.
 */
export function serializeParams<S extends ParamSpecs>(
  values: ParamValues<S>,
  spec: S,
  base: ParamValues<S> = defaultsOf(spec),
): string {
  const parts: string[] = [];
  for (const [name, p] of Object.entries(spec)) {
    const value = (values as AnyValues)[name];
    if (value === undefined || value === (base as AnyValues)[name]) continue;
    // Select values are author-chosen strings, so escape them; numbers and 1/0 are already safe.
    const text = p.kind === 'select' ? encodeURIComponent(String(value)) : formatValue(value);
    parts.push(`${name}:${text}`);
  }
  return parts.join(',');
}

/** Longest embed state accepted from a URL, in characters. */
export const MAX_STATE_LENGTH = 1000;

/** Splits "name:value,name:value" into a name → raw value map (later duplicates win), with problems for malformed parts; never throws. */
export function splitState(text: string): { raw: Record<string, string>; problems: string[] } {
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const problems: string[] = [];
  if (text.length > MAX_STATE_LENGTH) {
    return {
      raw,
      problems: [`the settings are ${text.length} characters long (at most ${MAX_STATE_LENGTH}); ignored`],
    };
  }
  for (const part of text.split(',')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    if (colon <= 0) {
      problems.push(`${shown(part)} is not of the form name:value`);
      continue;
    }
    raw[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return { raw, problems };
}

/**
 * Returns full values from component props: each prop that is a valid value for its parameter
 * replaces the default; anything else (missing, wrong type, out of range) keeps the default.
 */
export function mergeProps<S extends ParamSpecs>(spec: S, props: Readonly<Record<string, unknown>>): ParamValues<S> {
  const values: AnyValues = {};
  for (const [name, p] of Object.entries(spec)) {
    const given = Object.hasOwn(props, name) ? validValue(p, props[name]) : undefined;
    values[name] = given ?? p.default;
  }
  return values as ParamValues<S>;
}

/** Returns the next seed after `seed`: a deterministic 32-bit hash, so "New seed" is reproducible. */
export function nextSeed(seed: number): number {
  let h = (Math.trunc(seed) + 0x6d2b79f5) >>> 0;
  h = Math.imul(h ^ (h >>> 15), h | 1);
  h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
  return (h ^ (h >>> 14)) >>> 0;
}
