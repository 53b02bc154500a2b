// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  NumberField,
  ParamControl,
  PlayPauseButton,
  ResetButton,
  SeedInput,
  SelectField,
  Slider,
  SpeedSelect,
  StepButton,
  Toggle,
} from '../../components/kit/controls.tsx';
import { nextSeed, type ParamSpec } from '../../components/kit/params.ts';

afterEach(cleanup);

function ControlledSlider(props: { initial: number; min: number; max: number; step: number; unit?: string }) {
  const [value, setValue] = useState(props.initial);
  return (
    <Slider
      id="s"
      label="Growth rate"
      value={value}
      min={props.min}
      max={props.max}
      step={props.step}
      {...(props.unit ? { unit: props.unit } : {})}
      onChange={setValue}
    />
  );
}

const slider = () => screen.getByLabelText('Growth rate') as HTMLInputElement;

describe('Slider', () => {
  test('Slider is a native range input found by its visible label, with the value and unit shown', () => {
    render(<ControlledSlider initial={0.5} min={0.1} max={1} step={0.05} unit="per period" />);
    const input = slider();
    expect(input.type).toBe('range');
    expect(input.getAttribute('aria-valuetext')).toBe('0.5 per period');
    expect(document.querySelector('output')?.textContent).toBe('0.5 per period');
  });

  test('Slider moves one step on arrow keys, ten on Page Up/Down, and to the ends on Home/End', () => {
    render(<ControlledSlider initial={0.5} min={0.1} max={1} step={0.05} />);
    fireEvent.keyDown(slider(), { key: 'ArrowRight' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.55');
    fireEvent.keyDown(slider(), { key: 'ArrowUp' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.6');
    fireEvent.keyDown(slider(), { key: 'ArrowDown' });
    fireEvent.keyDown(slider(), { key: 'ArrowLeft' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.5');
    fireEvent.keyDown(slider(), { key: 'PageDown' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.1');
    fireEvent.keyDown(slider(), { key: 'ArrowLeft' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.1');
    fireEvent.keyDown(slider(), { key: 'PageUp' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.6');
    fireEvent.keyDown(slider(), { key: 'End' });
    expect(slider().getAttribute('aria-valuetext')).toBe('1');
    fireEvent.keyDown(slider(), { key: 'Home' });
    expect(slider().getAttribute('aria-valuetext')).toBe('0.1');
  });

  test('Slider ignores other keys and snaps dragged values onto the step grid', () => {
    const onChange = vi.fn();
    render(<Slider id="s" label="Growth rate" value={0.5} min={0.1} max={1} step={0.05} onChange={onChange} />);
    fireEvent.keyDown(slider(), { key: 'a' });
    expect(onChange).not.toHaveBeenCalled();
    slider().value = '0.7300001';
    fireEvent.input(slider());
    expect(onChange).toHaveBeenCalledWith(0.75);
  });
});

describe('buttons and fields', () => {
  test('PlayPauseButton reads Play or Pause and calls onToggle on click', () => {
    const onToggle = vi.fn();
    const { rerender } = render(<PlayPauseButton running={false} onToggle={onToggle} />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(onToggle).toHaveBeenCalledTimes(1);
    rerender(<PlayPauseButton running onToggle={onToggle} />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
  });

  test('StepButton and ResetButton are buttons named Step and Reset that call their handlers', () => {
    const onStep = vi.fn();
    const onReset = vi.fn();
    render(
      <>
        <StepButton onStep={onStep} />
        <ResetButton onReset={onReset} />
      </>,
    );
    const step = screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement;
    expect(step.type).toBe('button');
    fireEvent.click(step);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onStep).toHaveBeenCalledTimes(1);
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  test('disabled controls cannot be used', () => {
    const onStep = vi.fn();
    render(<StepButton onStep={onStep} disabled />);
    const step = screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement;
    expect(step.disabled).toBe(true);
  });

  test('SpeedSelect is labelled "Speed" and reports the chosen steps per second', () => {
    const onChange = vi.fn();
    render(<SpeedSelect id="speed" value={20} onChange={onChange} />);
    const select = screen.getByLabelText('Speed') as HTMLSelectElement;
    select.value = '60';
    fireEvent.change(select);
    expect(onChange).toHaveBeenCalledWith(60);
  });

  test('NumberField commits values in range and restores the old value otherwise', () => {
    const onChange = vi.fn();
    render(
      <NumberField id="n" label="Cost" unit="per unit" value={1} min={0} max={4.5} step={0.1} onChange={onChange} />,
    );
    const input = screen.getByLabelText(/Cost/) as HTMLInputElement;
    input.value = '2.5';
    fireEvent.change(input);
    expect(onChange).toHaveBeenLastCalledWith(2.5);
    input.value = '99';
    fireEvent.change(input);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('1');
  });

  test('SelectField reports only listed values', () => {
    const onChange = vi.fn();
    const options = [
      { value: 'none', label: 'None' },
      { value: 'charge', label: 'Charge' },
    ] as const;
    render(<SelectField id="m" label="Mechanism" value="none" options={options} onChange={onChange} />);
    const select = screen.getByLabelText('Mechanism') as HTMLSelectElement;
    select.value = 'charge';
    fireEvent.change(select);
    expect(onChange).toHaveBeenCalledWith('charge');
  });

  test('Toggle is a labelled checkbox', () => {
    const onChange = vi.fn();
    render(<Toggle id="t" label="Show agents" checked={false} onChange={onChange} />);
    const box = screen.getByLabelText('Show agents') as HTMLInputElement;
    expect(box.type).toBe('checkbox');
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  test('SeedInput "New seed" moves to nextSeed(value), not to a random number', () => {
    const onChange = vi.fn();
    render(<SeedInput id="seed" value={42} onChange={onChange} />);
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe('42');
    fireEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(onChange).toHaveBeenCalledWith(nextSeed(42));
  });

  test.each<[ParamSpec, string]>([
    [{ kind: 'integer', label: 'Agents', min: 2, max: 50, step: 1, default: 8 }, 'range'],
    [{ kind: 'number', label: 'Agents', min: 0, max: 1, step: 0.1, default: 0.5 }, 'range'],
    [{ kind: 'boolean', label: 'Agents', default: true }, 'checkbox'],
    [{ kind: 'seed', label: 'Agents', default: 3 }, 'number'],
  ])('ParamControl renders a labelled native control for a %o spec', (spec, type) => {
    render(<ParamControl id="p" spec={spec} value={spec.default} onChange={() => undefined} />);
    const input = screen.getByLabelText('Agents') as HTMLInputElement;
    expect(input.type).toBe(type);
    expect(input.tabIndex).not.toBe(-1);
  });
});
