// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { LineChart } from '../../components/kit/charts/LineChart.tsx';
import { BarChart } from '../../components/kit/charts/BarChart.tsx';
import { ScatterPlot } from '../../components/kit/charts/ScatterPlot.tsx';
import { Heatmap } from '../../components/kit/charts/Heatmap.tsx';
import { NetworkDiagram, edgeWidth } from '../../components/kit/charts/NetworkDiagram.tsx';
import { spreadLabels } from '../../components/kit/charts/axes.tsx';
import { linearScale, niceDomain, tickStep, ticks } from '../../components/kit/charts/linear-scale.ts';

afterEach(cleanup);

const svgOf = (container: Element) => container.querySelector('svg[role="img"]')!;

describe('linear-scale', () => {
  test('linearScale maps the domain onto the range, reversed ranges included', () => {
    const s = linearScale([0, 10], [100, 0]);
    expect(s(0)).toBe(100);
    expect(s(2.5)).toBe(75);
    expect(s(10)).toBe(0);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  test('ticks(lo, hi, count) gives round steps free of float dust', () => {
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0, 300, 6)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(ticks(-0.35, 0.35, 5)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(ticks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
    expect(ticks(4, 4, 5)).toEqual([4]);
  });

  test('tickStep is 1, 2 or 5 times a power of ten', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (lo, span, count) => {
          const step = tickStep(lo, lo + span, count);
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
        },
      ),
    );
  });

  test('niceDomain widens to whole steps and tickFormat shows the decimals the step needs', () => {
    expect(niceDomain(0.13, 9.7, 5)).toEqual([0, 10]);
    const s = linearScale([0, 0.9], [0, 1]).nice();
    expect(s.domain).toEqual([0, 1]);
    expect(s.ticks().map(s.tickFormat())).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });
});

describe('charts', () => {
  test('LineChart draws one path per series, axes with ticks, a legend and labelled reference lines', () => {
    const { container } = render(
      <LineChart
        x={[0, 1, 2, 3]}
        series={[
          { label: 'Welfare', values: [1, 2, 3, 4] },
          { label: 'Rent', values: [2, Number.NaN, 1, 0] },
        ]}
        references={[{ value: 8, label: 'optimum 8' }]}
        xLabel="Period"
        yLabel="Rent"
        summary="Welfare rises from 1 to 4."
      />,
    );
    const svg = svgOf(container);
    expect(svg.getAttribute('aria-label')).toBe('Welfare rises from 1 to 4.');
    const paths = [...svg.querySelectorAll('path.sim-line')];
    expect(paths).toHaveLength(2);
    expect(paths[0]!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    // The NaN leaves a gap: the second path starts again with a move.
    expect((paths[1]!.getAttribute('d')!.match(/M/g) ?? []).length).toBe(2);
    expect(svg.querySelector('.sim-reference-label')?.textContent).toBe('optimum 8');
    expect([...svg.querySelectorAll('.sim-axis-label')].map((t) => t.textContent)).toEqual(['Rent', 'Period']);
    expect([...container.querySelectorAll('.sim-legend li')].map((li) => li.textContent)).toEqual(['Welfare', 'Rent']);
  });

  test('BarChart draws one bar per value with heights proportional to the values', () => {
    const { container } = render(
      <BarChart
        bars={[
          { label: '1', value: 1 },
          { label: '2', value: 3 },
        ]}
        xLabel="Agent"
        yLabel="Effort"
        summary="Two agents."
      />,
    );
    const rects = [...svgOf(container).querySelectorAll('.sim-bars rect')];
    expect(rects).toHaveLength(2);
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[1]! / h[0]!).toBeCloseTo(3, 1);
  });

  test('ScatterPlot draws finite points only, coloured by group', () => {
    const { container } = render(
      <ScatterPlot
        points={[
          { x: 1, y: 2 },
          { x: 2, y: 3, group: 1 },
          { x: Number.NaN, y: 1 },
        ]}
        groups={['a', 'b']}
        xLabel="x"
        yLabel="y"
        summary="Points."
      />,
    );
    const dots = [...svgOf(container).querySelectorAll('circle')];
    expect(dots).toHaveLength(2);
    expect(dots[1]!.getAttribute('fill')).toBe('var(--sim-series-2)');
  });

  test('Heatmap uses SVG cells for a small grid and a canvas for a dense one', () => {
    const small = render(
      <Heatmap
        values={[
          [0, 1],
          [2, 3],
        ]}
        xLabel="x"
        yLabel="y"
        summary="Small."
      />,
    );
    expect(small.container.querySelectorAll('svg rect')).toHaveLength(4);
    expect(small.container.querySelector('canvas')).toBeNull();
    small.unmount();
    const grid = Array.from({ length: 60 }, (_, r) => Array.from({ length: 60 }, (_, c) => r * c));
    const dense = render(<Heatmap values={grid} xLabel="x" yLabel="y" summary="Dense." />);
    expect(dense.container.querySelector('canvas')).not.toBeNull();
    expect(dense.container.querySelectorAll('svg rect')).toHaveLength(0);
    expect(svgOf(dense.container).getAttribute('aria-label')).toBe('Dense.');
  });

  test('NetworkDiagram draws labelled directed edges with widths proportional to flow, parallel edges apart', () => {
    const { container } = render(
      <NetworkDiagram
        nodes={[
          { id: 's', label: 's', x: 0, y: 0.5 },
          { id: 't', label: 't', x: 1, y: 0.5 },
        ]}
        edges={[
          { from: 's', to: 't', flow: 0.5, label: 'x' },
          { from: 's', to: 't', flow: 1, label: '1' },
        ]}
        summary="Pigou's network."
      />,
    );
    const edges = [...container.querySelectorAll('.sim-edge')];
    expect(edges).toHaveLength(2);
    const widths = edges.map((e) => Number(e.querySelector('path')!.getAttribute('stroke-width')));
    expect(widths).toEqual([edgeWidth(0.5, 1), edgeWidth(1, 1)]);
    // Proportional: twice the flow, twice the width.
    expect(widths[1]! / widths[0]!).toBeCloseTo(2, 9);
    const ds = edges.map((e) => e.querySelector('path')!.getAttribute('d'));
    expect(ds[0]).not.toBe(ds[1]);
    expect(edges.map((e) => e.querySelector('polygon'))).not.toContain(null);
    expect(edges.map((e) => e.querySelector('text')?.textContent)).toEqual(['x', '1']);
  });

  test('edgeWidth(flow, max) is proportional to flow with a floor of 1, and an idle edge is drawn dashed', () => {
    expect(edgeWidth(3, 4)).toBe(9);
    expect(edgeWidth(0, 4)).toBe(1);
    expect(edgeWidth(Number.NaN, 4)).toBe(1);
    const { container } = render(
      <NetworkDiagram
        nodes={[
          { id: 'a', label: 'A', x: 0, y: 0 },
          { id: 'b', label: 'B', x: 1, y: 1 },
        ]}
        edges={[{ from: 'a', to: 'b', flow: 0 }]}
        summary="Idle."
      />,
    );
    expect(container.querySelector('.sim-edge')?.classList.contains('sim-edge-idle')).toBe(true);
  });

  test('spreadLabels keeps labels at least the gap apart, in input order', () => {
    expect(spreadLabels([50, 52, 10], 13, 0, 200)).toEqual([50, 63, 10]);
    expect(spreadLabels([199, 198], 13, 0, 200)).toEqual([200, 187]);
  });
});
