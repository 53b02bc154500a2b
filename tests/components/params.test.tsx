// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  MAX_SEED,
  defaultsOf,
  mergeProps,
  nextSeed,
  parseParams,
  serializeParams,
  splitState,
  type ParamSpecs,
  type ParamValues,
} from '../../components/kit/params.ts';
import { formatNumber, snapToStep } from '../../components/kit/format.ts';

const spec = {
  agents: { kind: 'integer', label: 'Agents', min: 2, max: 50, step: 1, default: 8 },
  rate: { kind: 'number', label: 'Rate', min: -1, max: 2.5, step: 0.05, default: 0.5, unit: 'per year' },
  on: { kind: 'boolean', label: 'Switch', default: false },
  rule: {
    kind: 'select',
    label: 'Rule',
    options: [
      { value: 'none', label: 'None' },
      { value: 'a-b.c_d', label: 'Odd characters' },
      { value: 'charge', label: 'Charge' },
    ],
    default: 'none',
  },
  seed: { kind: 'seed', default: 1 },
} as const satisfies ParamSpecs;

type Values = ParamValues<typeof spec>;
const defaults: Values = { agents: 8, rate: 0.5, on: false, rule: 'none', seed: 1 };

describe('defaultsOf and mergeProps', () => {
  test('defaultsOf(spec) returns every default', () => {
    expect(defaultsOf(spec)).toEqual(defaults);
  });

  test('mergeProps(spec, props) takes valid props and keeps defaults for missing, mistyped or out-of-range ones', () => {
    expect(mergeProps(spec, { agents: 12, rule: 'charge', on: true })).toEqual({
      ...defaults,
      agents: 12,
      rule: 'charge',
      on: true,
    });
    expect(mergeProps(spec, { agents: 99, rate: Number.NaN, on: 'yes', rule: 'ban', seed: -4, other: 3 })).toEqual(
      defaults,
    );
    expect(mergeProps(spec, { agents: 2.5, seed: MAX_SEED + 1 })).toEqual(defaults);
  });
});

describe('parseParams with hostile input', () => {
  test.each([
    ['agents', 'NaN'],
    ['agents', ''],
    ['agents', 'abc'],
    ['agents', '-3'],
    ['agents', '51'],
    ['agents', '2.5'],
    ['agents', '0x10'],
    ['agents', ' 9'],
    ['agents', '1e1'],
    ['rate', '1e309'],
    ['rate', '-1e309'],
    ['rate', 'Infinity'],
    ['rate', 'NaN'],
    ['rate', '3'],
    ['rate', '-1.5'],
    ['rate', '0.5.1'],
    ['rate', '.'],
    ['on', 'yes'],
    ['on', ''],
    ['rule', 'ban'],
    ['rule', '%E0%A4%A'],
    ['rule', 'NONE'],
    ['seed', '-1'],
    ['seed', '4294967296'],
    ['seed', '1.5'],
    ['agents', 'x'.repeat(10_000)],
  ])('parseParams({ %s: %j }) falls back to the default and reports a problem', (name, raw) => {
    const { values, problems } = parseParams({ [name]: raw }, spec);
    expect(values).toEqual(defaults);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/expected .*; using /);
  });

  test('parseParams names the parameter, what it expected and what it used', () => {
    const { problems } = parseParams({ agents: 'abc' }, spec);
    expect(problems).toEqual(['Agents: expected a whole number from 2 to 50, got "abc"; using 8']);
  });

  test('parseParams reports a 10 kB value by its length, not by echoing it', () => {
    const { problems } = parseParams({ rate: '9'.repeat(10_000) }, spec);
    expect(problems[0]).toBe('Rate: expected a number from -1 to 2.5, got a value of 10000 characters; using 0.5');
  });

  test('parseParams ignores unknown keys (even __proto__) with a problem and keeps the known ones', () => {
    const raw = JSON.parse('{"__proto__": "1", "agents": "12", "zzz": "3"}') as Record<string, string>;
    const { values, problems } = parseParams(raw, spec);
    expect(values).toEqual({ ...defaults, agents: 12 });
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toMatch(/unknown setting "zzz"/);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  test('parseParams accepts boundary values and the spellings true/false and 1/0', () => {
    const { values, problems } = parseParams(
      { agents: '50', rate: '-1', on: 'true', rule: 'a-b.c_d', seed: String(MAX_SEED) },
      spec,
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({ agents: 50, rate: -1, on: true, rule: 'a-b.c_d', seed: MAX_SEED });
    expect(parseParams({ on: '0' }, spec).values.on).toBe(false);
  });

  test('parseParams falls back to the given base, not the spec default', () => {
    const base = { ...defaults, agents: 20 };
    const { values, problems } = parseParams({ agents: 'oops' }, spec, base);
    expect(values.agents).toBe(20);
    expect(problems[0]).toMatch(/using 20$/);
  });

  test('property: parseParams never throws and always returns valid values for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('agents', 'rate', 'on', 'rule', 'seed', 'x', 'constructor'),
          fc.string({ maxLength: 60 }),
        ),
        (raw) => {
          const { values } = parseParams(raw, spec);
          expect(Number.isInteger(values.agents) && values.agents >= 2 && values.agents <= 50).toBe(true);
          expect(Number.isFinite(values.rate) && values.rate >= -1 && values.rate <= 2.5).toBe(true);
          expect(typeof values.on).toBe('boolean');
          expect(['none', 'a-b.c_d', 'charge']).toContain(values.rule);
          expect(Number.isInteger(values.seed) && values.seed >= 0 && values.seed <= MAX_SEED).toBe(true);
        },
      ),
    );
  });
});

describe('serializeParams', () => {
  test('serializeParams lists only values that differ from the defaults, in spec order', () => {
    expect(serializeParams(defaults, spec)).toBe('');
    expect(serializeParams({ ...defaults, seed: 7, agents: 3, on: true }, spec)).toBe('agents:3,on:1,seed:7');
  });

  test('serializeParams compares with a given base', () => {
    const base = { ...defaults, agents: 3 };
    expect(serializeParams({ ...defaults, agents: 3 }, spec, base)).toBe('');
    expect(serializeParams(defaults, spec, base)).toBe('agents:8');
  });

  const valuesArb = fc.record({
    agents: fc.integer({ min: 2, max: 50 }),
    // + 0 turns -0 into 0: the text form has one zero, and a setting of -0 means nothing else.
    rate: fc.double({ min: -1, max: 2.5, noNaN: true }).map((v) => v + 0),
    on: fc.boolean(),
    rule: fc.constantFrom('none' as const, 'a-b.c_d' as const, 'charge' as const),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
  });

  test('property: parseParams(splitState(serializeParams(v))) gives v back with no problems', () => {
    fc.assert(
      fc.property(valuesArb, (values) => {
        const text = serializeParams(values, spec);
        const split = splitState(text);
        const parsed = parseParams(split.raw, spec);
        expect(split.problems).toEqual([]);
        expect(parsed.problems).toEqual([]);
        expect(parsed.values).toEqual(values);
      }),
    );
  });
});

describe('splitState', () => {
  test('splitState splits name:value pairs, later duplicates winning, and reports malformed parts', () => {
    const { raw, problems } = splitState('a:1,b:2:3,,:x,junk,a:4');
    expect({ ...raw }).toEqual({ a: '4', b: '2:3' });
    expect(problems).toEqual(['":x" is not of the form name:value', '"junk" is not of the form name:value']);
  });

  test('splitState refuses state longer than 1000 characters', () => {
    const { raw, problems } = splitState(`agents:3,${'x'.repeat(2000)}`);
    expect(Object.keys(raw)).toEqual([]);
    expect(problems[0]).toMatch(/2009 characters long/);
  });
});

describe('nextSeed, snapToStep, formatNumber', () => {
  test('nextSeed(seed) is deterministic, a 32-bit unsigned integer and moves on', () => {
    expect(nextSeed(1)).toBe(nextSeed(1));
    const seen = new Set<number>();
    let s = 1;
    for (let k = 0; k < 1000; k++) {
      s = nextSeed(s);
      expect(Number.isInteger(s) && s >= 0 && s <= MAX_SEED).toBe(true);
      seen.add(s);
    }
    expect(seen.size).toBe(1000);
  });

  test('snapToStep(value, min, max, step) lands on the grid without float dust and clamps', () => {
    expect(snapToStep(0.1 + 0.2, 0, 1, 0.1)).toBe(0.3);
    expect(snapToStep(0.5 + 0.05, 0.1, 1, 0.05)).toBe(0.55);
    expect(snapToStep(7, 2, 5, 1)).toBe(5);
    expect(snapToStep(-3, 2, 5, 1)).toBe(2);
    expect(snapToStep(3.4, 2, 50, 1)).toBe(3);
  });

  test('formatNumber(value) keeps three significant digits without trailing zeros', () => {
    expect(formatNumber(7.1111)).toBe('7.11');
    expect(formatNumber(4)).toBe('4');
    expect(formatNumber(0.88888)).toBe('0.889');
    expect(formatNumber(12345.6)).toBe('12346');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });
});
