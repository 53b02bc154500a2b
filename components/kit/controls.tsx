/**
 * Controls built from native elements, each with a visible label (and unit), all keyboard
 * operable; the focus outline comes from kit.css (:focus-visible).
 */
import type { ComponentChildren, JSX } from 'preact';
import { formatNumber, snapToStep } from './format.ts';
import { MAX_SEED, labelOf, nextSeed, type ParamSpec } from './params.ts';

type Disableable = { readonly disabled?: boolean | undefined };

/** A button that reads "Play" or "Pause"; `onToggle` flips the running state. */
export function PlayPauseButton(props: { running: boolean; onToggle: () => void } & Disableable) {
  return (
    <button type="button" class="sim-button sim-play" onClick={props.onToggle} disabled={props.disabled}>
      <span aria-hidden="true">{props.running ? '❚❚' : '▶'}</span> {props.running ? 'Pause' : 'Play'}
    </button>
  );
}

/** A button that advances the model by one step. */
export function StepButton(props: { onStep: () => void; label?: string } & Disableable) {
  return (
    <button type="button" class="sim-button" onClick={props.onStep} disabled={props.disabled}>
      {props.label ?? 'Step'}
    </button>
  );
}

/** A button that restarts the run from its first state. */
export function ResetButton(props: { onReset: () => void } & Disableable) {
  return (
    <button type="button" class="sim-button" onClick={props.onReset} disabled={props.disabled}>
      Reset
    </button>
  );
}

/** Speeds offered by `SpeedSelect` by default, in model steps per second. */
export const DEFAULT_SPEEDS: readonly { readonly value: number; readonly label: string }[] = [
  { value: 5, label: 'Slow (5 steps/s)' },
  { value: 20, label: 'Normal (20 steps/s)' },
  { value: 60, label: 'Fast (60 steps/s)' },
  { value: 240, label: 'Fastest (240 steps/s)' },
];

/** A labelled select of play speeds, in steps per second. */
export function SpeedSelect(
  props: {
    id: string;
    value: number;
    onChange: (speed: number) => void;
    options?: typeof DEFAULT_SPEEDS;
  } & Disableable,
) {
  const options = props.options ?? DEFAULT_SPEEDS;
  return (
    <div class="sim-field">
      <label for={props.id}>Speed</label>
      <select
        id={props.id}
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// Keys of the WAI-ARIA slider pattern, as steps to move (Home/End are handled apart).
const SLIDER_KEYS: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: 10,
  PageDown: -10,
};

/** Props of `Slider`. */
export type SliderProps = {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit?: string;
  readonly onChange: (value: number) => void;
  readonly format?: (value: number) => string;
} & Disableable;

/**
 * A native range input with its label and a linked `<output>` showing value and unit. Keys follow
 * the WAI-ARIA slider pattern (arrows one step, Page Up/Down ten, Home/End the ends); they are
 * handled here too, so every browser moves by the same amounts.
 */
export function Slider(props: SliderProps) {
  const { id, min, max, step, unit } = props;
  const format = props.format ?? formatNumber;
  const text = `${format(props.value)}${unit ? ` ${unit}` : ''}`;
  const commit = (value: number) => {
    const next = snapToStep(value, min, max, step);
    if (next !== props.value) props.onChange(next);
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const move = SLIDER_KEYS[e.key];
    let target: number | undefined;
    if (move !== undefined) target = props.value + move * step;
    else if (e.key === 'Home') target = min;
    else if (e.key === 'End') target = max;
    if (target === undefined) return;
    e.preventDefault();
    commit(target);
  };
  return (
    <div class="sim-field sim-slider">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={props.value}
        aria-valuetext={text}
        disabled={props.disabled}
        onInput={(e) => commit(Number(e.currentTarget.value))}
        onKeyDown={onKeyDown}
      />
      <output for={id} aria-hidden="true">
        {text}
      </output>
    </div>
  );
}

/** A native number input with label and unit; a value outside [min, max] or not a number is not committed. */
export function NumberField(
  props: {
    id: string;
    label: string;
    value: number;
    min: number;
    max: number;
    step: number;
    unit?: string;
    onChange: (value: number) => void;
  } & Disableable,
) {
  return (
    <div class="sim-field">
      <label for={props.id}>
        {props.label}
        {props.unit ? <span class="sim-unit"> ({props.unit})</span> : null}
      </label>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const value = Number(text);
          if (text.trim() !== '' && Number.isFinite(value) && value >= props.min && value <= props.max)
            props.onChange(value);
          else e.currentTarget.value = String(props.value);
        }}
      />
    </div>
  );
}

/** A labelled native select. */
export function SelectField<V extends string>(
  props: {
    id: string;
    label: string;
    value: V;
    options: readonly { readonly value: V; readonly label: string }[];
    onChange: (value: V) => void;
  } & Disableable,
) {
  return (
    <div class="sim-field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const chosen = props.options.find((o) => o.value === e.currentTarget.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function Toggle(
  props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void } & Disableable,
) {
  return (
    <div class="sim-field sim-toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** A seed: a number input plus a "New seed" button that moves to `nextSeed(value)` (deterministic, no Math.random). */
export function SeedInput(
  props: { id: string; label?: string; value: number; onChange: (seed: number) => void } & Disableable,
) {
  return (
    <div class="sim-field sim-seed">
      <NumberField
        id={props.id}
        label={props.label ?? 'Seed'}
        value={props.value}
        min={0}
        max={MAX_SEED}
        step={1}
        disabled={props.disabled}
        onChange={(v) => props.onChange(Math.trunc(v))}
      />
      <button
        type="button"
        class="sim-button"
        disabled={props.disabled}
        onClick={() => props.onChange(nextSeed(props.value))}
      >
        New seed
      </button>
    </div>
  );
}

/** The control a parameter spec calls for (slider, select, checkbox or seed), labelled from the spec. */
export function ParamControl(
  props: {
    id: string;
    spec: ParamSpec;
    value: number | string | boolean;
    onChange: (value: number | string | boolean) => void;
  } & Disableable,
) {
  const { spec: p, id, value, onChange, disabled } = props;
  const common = { id, disabled };
  switch (p.kind) {
    case 'number':
    case 'integer':
      return (
        <Slider
          {...common}
          label={p.label}
          value={Number(value)}
          min={p.min}
          max={p.max}
          step={p.step}
          {...(p.unit ? { unit: p.unit } : {})}
          onChange={onChange}
        />
      );
    case 'boolean':
      return <Toggle {...common} label={p.label} checked={value === true} onChange={onChange} />;
    case 'select':
      return <SelectField {...common} label={p.label} value={String(value)} options={p.options} onChange={onChange} />;
    case 'seed':
      return <SeedInput {...common} label={labelOf(p)} value={Number(value)} onChange={onChange} />;
  }
}

/** A group of controls with an accessible name (a visible legend). */
export function ControlGroup(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="sim-group">
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
