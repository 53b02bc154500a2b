// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { getSimulation, simulations } from '../../components/registry.ts';
import { sims } from '../../components/sims/index.ts';
import { schemaFromParams, specProblems } from '../../components/kit/params-schema.ts';
import { defaultsOf, type ParamSpecs } from '../../components/kit/params.ts';

// Tests run from the project root (npm run test:unit).
const root = `${process.cwd()}/`;

describe('registry', () => {
  test('every registered simulation has a component in sims/index.ts and vice versa', () => {
    expect(simulations.map((s) => s.name).sort()).toEqual(Object.keys(sims).sort());
  });

  test('getSimulation(name) finds commons-harvest and returns undefined for unknown names', () => {
    expect(getSimulation('commons-harvest')?.title).toBe('Harvesting a shared fishery');
    expect(getSimulation('nope')).toBeUndefined();
  });

  test.each(simulations.map((s) => [s.name, s] as const))(
    '%s: sound spec, existing model and tests, a known citation key',
    (_name, sim) => {
      expect(specProblems(sim.params)).toEqual([]);
      expect(existsSync(`${root}${sim.model}`)).toBe(true);
      expect(existsSync(`${root}${sim.tests}`)).toBe(true);
      const refs = parse(readFileSync(`${root}content/references.yaml`, 'utf8')) as { key: string }[];
      expect(refs.map((r) => r.key)).toContain(sim.reproduces.citation);
      expect(sim.description).not.toMatch(/\n/);
      expect(sim.propsSchema.safeParse(defaultsOf(sim.params)).success).toBe(true);
    },
  );
});

describe('commons-harvest props schema', () => {
  const schema = getSimulation('commons-harvest')!.propsSchema;

  test('the schema accepts parameters, id, embedKey and autoplay', () => {
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ agents: 20, mechanism: 'charge', seed: 7, id: 'tax-demo', autoplay: true }).success).toBe(
      true,
    );
    expect(schema.safeParse({ embedKey: 'commons-harvest' }).success).toBe(true);
  });

  test.each([
    [{ agentz: 3 }, /agentz|Unrecognized/i],
    [{ agents: 51 }, /at most 50/],
    [{ agents: 2.5 }, /whole number/],
    [{ agents: '8' }, /expected a whole number/],
    [{ growth: Number.POSITIVE_INFINITY }, /growth|number/i],
    [{ mechanism: 'ban' }, /expected one of "none", "charge", "quota"/],
    [{ seed: -1 }, /at least 0/],
    [{ id: 'Bad Key' }, /lower-case/],
    [{ id: 'a', embedKey: 'b' }, /either id or embedKey/],
    [{ autoplay: 'yes' }, /true or false/],
  ])('the schema rejects %o', (props, message) => {
    const result = schema.safeParse(props);
    expect(result.success).toBe(false);
    expect((result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toMatch(message);
  });
});

describe('specProblems', () => {
  test('specProblems reports bad names, ranges, steps, defaults and options', () => {
    const bad = {
      'bad-name': { kind: 'number', label: 'x', min: 0, max: 1, step: 0.1, default: 0.5 },
      id: { kind: 'boolean', label: 'Reserved', default: true },
      flat: { kind: 'number', label: 'Flat', min: 1, max: 1, step: 0, default: 1 },
      whole: { kind: 'integer', label: 'Whole', min: 0, max: 10, step: 0.5, default: 11 },
      pick: {
        kind: 'select',
        label: 'Pick',
        options: [
          { value: 'a b', label: 'A' },
          { value: 'a b', label: 'B' },
        ],
        default: 'c',
      },
    } satisfies ParamSpecs;
    const problems = specProblems(bad).join('\n');
    expect(problems).toMatch(/"bad-name": names are letters and digits/);
    expect(problems).toMatch(/"id": the name is reserved/);
    expect(problems).toMatch(/"flat": needs finite min < max/);
    expect(problems).toMatch(/"flat": needs a step > 0/);
    expect(problems).toMatch(/"whole": an integer parameter needs whole min, max and step/);
    expect(problems).toMatch(/"whole": the default 11 is not a valid value/);
    expect(problems).toMatch(/"pick": option values must be unique/);
    expect(problems).toMatch(/"pick": option value "a b" may use only/);
    expect(problems).toMatch(/"pick": the default "c" is not a valid value/);
  });

  test('schemaFromParams builds a strict schema from any sound spec', () => {
    const schema = schemaFromParams({ on: { kind: 'boolean', label: 'On', default: false } });
    expect(schema.safeParse({ on: true }).success).toBe(true);
    expect(schema.safeParse({ off: true }).success).toBe(false);
  });
});
