/**
 * The externality-market simulation: a supply-and-demand diagram with the private and the social
 * cost curves, the market and optimal quantities, the deadweight-loss triangle shaded, and a tax
 * slider (src/models/commons/externality-market.ts). Nothing runs in time: the figure is the
 * closed form, drawn in render, so the server render is the full figure.
 */
import { useState } from 'preact/hooks';
import {
  externalityOptimalQuantity,
  externalityOutcome,
  externalityWelfare,
  marginalExternalDamage,
  pigouvianTax,
  type ExternalityMarket as Market,
  type ExternalityOutcome,
} from '../../src/models/commons/externality-market.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { BarChart } from '../kit/charts/BarChart.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  plotBox,
  seriesColor,
  seriesDash,
  spreadLabels,
  type ChartSize,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { externalityMarketFixed, externalityMarketInfo, externalityMarketParams } from './externality-market.params.ts';

type Values = ParamValues<typeof externalityMarketParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type ExternalityMarketProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "externality-market". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Accepted for a uniform embed interface; nothing here runs in time, so it does nothing. */
  readonly autoplay?: boolean;
};

/** Returns the market the values describe. */
export function externalityMarketOf(values: Values): Market {
  return { ...externalityMarketFixed, damage: values.damage, damageSlope: values.damageSlope };
}

/** The closed-form numbers the figure and caption show. */
export type ExternalityScene = {
  readonly market: Market;
  readonly tax: number;
  readonly outcome: ExternalityOutcome;
  readonly untaxed: ExternalityOutcome;
  readonly optimum: number;
  readonly optimalWelfare: number;
  readonly pigouvianTax: number;
};

/** Returns the market's outcome under the values' tax, the untaxed outcome, the optimum and the Pigouvian tax. */
export function externalityScene(values: Values): ExternalityScene {
  const market = externalityMarketOf(values);
  const optimum = externalityOptimalQuantity(market);
  return {
    market,
    tax: values.tax,
    outcome: externalityOutcome(market, values.tax),
    untaxed: externalityOutcome(market, 0),
    optimum,
    optimalWelfare: externalityWelfare(market, optimum),
    pigouvianTax: pigouvianTax(market),
  };
}

// Taxes closer to t* than this count as equal to it (the slider's grid may not hold t* exactly).
const EQUAL_TAX = 1e-9;

/** Returns the caption: quantities, prices and the deadweight loss, and how the tax compares with the marginal damage at the optimum. */
export function externalityCaption(scene: ExternalityScene): string {
  const { outcome: o, tax, optimum, pigouvianTax: tStar, market } = scene;
  const damageText =
    (market.damageSlope ?? 0) > 0
      ? `damage ${fmt(market.damage)} + ${fmt(market.damageSlope ?? 0)}Q per unit`
      : `damage ${fmt(market.damage)} per unit`;
  const prices =
    tax > 0 ? `buyers pay ${fmt(o.consumerPrice)}, sellers keep ${fmt(o.producerPrice)}` : `at a price of ${fmt(o.consumerPrice)}`;
  const head = `${tax > 0 ? `With a tax of ${fmt(tax)} per unit` : 'Without a tax'} the market trades ${fmt(o.quantity)} units (${prices}); with ${damageText}, the optimum is ${fmt(optimum)} units, where demand meets the marginal social cost. Deadweight loss: ${fmt(o.deadweightLoss)}${o.deadweightLoss > 0 ? ' (the shaded triangle)' : ''}.`;
  let verdict: string;
  if (Math.abs(tax - tStar) <= EQUAL_TAX * Math.max(1, tStar)) {
    verdict = `The tax equals the marginal damage at the optimum, t* = ${fmt(tStar)}: it is the Pigouvian tax, and the market now trades the optimum (Pigou 1920).`;
  } else if (tax === 0) {
    verdict = `Untaxed, the market ignores the damage and overproduces by ${fmt(o.quantity - optimum)} units; a tax equal to the marginal damage at the optimum, t* = ${fmt(tStar)}, would restore the optimum (Pigou 1920).`;
  } else if (tax < tStar) {
    verdict = `The tax is below the marginal damage at the optimum (t* = ${fmt(tStar)}), so the market still overproduces; the loss is down from ${fmt(scene.untaxed.deadweightLoss)} untaxed.`;
  } else {
    verdict = `The tax exceeds the marginal damage at the optimum (t* = ${fmt(tStar)}), so the market now underproduces.`;
  }
  return `${head} ${verdict}`;
}

function dataOf(scene: ExternalityScene): SimData {
  const { market, tax } = scene;
  const rows: (string | number)[][] = [];
  for (let q = 0; q <= 60; q += 5) {
    const mpc = market.costIntercept + market.costSlope * q;
    rows.push([q, market.demandIntercept - market.demandSlope * q, mpc, mpc + marginalExternalDamage(market, q), mpc + tax]);
  }
  return { columns: ['quantity', 'demand price', 'marginal private cost', 'marginal social cost', 'private cost + tax'], rows };
}

const SIZE: ChartSize = { width: 600, height: 300 };
const Q_MAX = 60;
const P_MAX = 120;

// A halo in the panel colour keeps point labels readable where they cross a line.
const HALO = { paintOrder: 'stroke', stroke: 'var(--sim-panel)', strokeWidth: '4px', strokeLinejoin: 'round' } as const;

type Curve = { label: string; short: string; color: number; dash: number; at: (q: number) => number };

/** The supply-and-demand diagram: demand, private and social cost, taxed supply, the two quantities and the shaded loss. */
function MarketChart(props: { scene: ExternalityScene; id: string }) {
  const { market, tax, outcome, optimum } = props.scene;
  const box = plotBox(SIZE);
  const xs = linearScale([0, Q_MAX], [box.x0, box.x1]);
  const ys = linearScale([0, P_MAX], [box.y1, box.y0]);
  const demand = (q: number) => market.demandIntercept - market.demandSlope * q;
  const mpc = (q: number) => market.costIntercept + market.costSlope * q;
  const msc = (q: number) => mpc(q) + marginalExternalDamage(market, q);
  const curves: Curve[] = [
    { label: 'Demand (marginal benefit)', short: 'demand', color: 0, dash: 0, at: demand },
    { label: 'Marginal private cost (supply)', short: 'MPC', color: 1, dash: 1, at: mpc },
    { label: 'Marginal social cost', short: 'MSC', color: 3, dash: 3, at: msc },
  ];
  if (tax > 0) curves.push({ label: 'Private cost + tax', short: 'MPC + t', color: 2, dash: 2, at: (q) => mpc(q) + tax });
  // Each curve is named at the right edge where it leaves the plot, the names pushed apart.
  const ends = curves.map((c) => ys(Math.min(P_MAX, c.at(Q_MAX))));
  const labelYs = spreadLabels(ends, 14, box.y0, box.y1);
  const f = (v: number) => v.toFixed(1);
  // Lines are straight (or clipped straight), so a fine polyline is exact enough and simple.
  const pathOf = (at: (q: number) => number) => {
    const pts: string[] = [];
    for (let k = 0; k <= 60; k++) {
      const q = (k / 60) * Q_MAX;
      pts.push(`${k === 0 ? 'M' : 'L'}${f(xs(q))},${f(ys(at(q)))}`);
    }
    return pts.join('');
  };
  const Q = outcome.quantity;
  const loss = [
    [optimum, demand(optimum)],
    [optimum, msc(optimum)],
    [Q, msc(Q)],
    [Q, demand(Q)],
  ]
    .map(([q, p]) => `${f(xs(q!))},${f(ys(p!))}`)
    .join(' ');
  const clip = `${props.id}-clip`;
  const marker = (q: number, p: number, label: string, below: boolean, color: number) => (
    <g>
      <line class="sim-reference" x1={f(xs(q))} x2={f(xs(q))} y1={f(ys(p))} y2={box.y1} />
      <circle cx={f(xs(q))} cy={f(ys(p))} r="5" fill={seriesColor(color)} stroke="var(--sim-panel)" stroke-width="1.5" />
      <text class="sim-reference-label" style={HALO} x={f(xs(q) + 7)} y={f(ys(p) + (below ? 16 : -8))}>
        {label}
      </text>
    </g>
  );
  return (
    <div class="sim-chart">
      <ChartTitle title="Supply, demand and the external cost" />
      <ChartSvg
        size={SIZE}
        summary={`Demand, marginal private cost and marginal social cost against quantity; the market trades ${fmt(Q)} units, the optimum is ${fmt(optimum)}, and the deadweight loss of ${fmt(outcome.deadweightLoss)} is shaded between them.`}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={box.x0} y={box.y0} width={box.x1 - box.x0} height={box.y1 - box.y0} />
          </clipPath>
        </defs>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Price, cost per unit" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Quantity Q" />
        <g clip-path={`url(#${clip})`}>
          {outcome.deadweightLoss > 1e-9 ? (
            <polygon points={loss} fill={seriesColor(1)} fill-opacity="0.28" stroke="none" />
          ) : null}
          {curves.map((c) => (
            <path key={c.label} class="sim-line" d={pathOf(c.at)} stroke={seriesColor(c.color)} stroke-dasharray={seriesDash(c.dash)} />
          ))}
        </g>
        {marker(optimum, demand(optimum), `optimum Q* = ${fmt(optimum)}`, false, 2)}
        {Math.abs(Q - optimum) > 1e-9 ? marker(Q, demand(Q), `market Q = ${fmt(Q)}`, true, 0) : null}
        {curves.map((c, k) => (
          <text key={c.label} class="sim-reference-label" x={box.x1 + 6} y={f(labelYs[k]!)} dy="0.32em">
            {c.short}
          </text>
        ))}
      </ChartSvg>
      <ul class="sim-legend">
        {curves.map((c) => (
          <li key={c.label}>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(c.color)} stroke-width="2.5" stroke-dasharray={seriesDash(c.dash)} />
            </svg>
            {c.label}
          </li>
        ))}
        <li>
          <svg width="24" height="10" aria-hidden="true">
            <rect x="0" y="0" width="24" height="10" fill={seriesColor(1)} fill-opacity="0.28" />
          </svg>
          Deadweight loss
        </li>
      </ul>
    </div>
  );
}

const PARAM_NAMES = Object.keys(externalityMarketParams) as (keyof Values & string)[];

/** Renders the market diagram, the welfare accounts and the controls. */
export function ExternalityMarket(props: ExternalityMarketProps) {
  const embedKey = props.embedKey ?? props.id ?? externalityMarketInfo.name;
  const [initial] = useState(() => mergeProps(externalityMarketParams, props));
  const url = useUrlState(embedKey, externalityMarketParams, initial);
  const scene = externalityScene(url.values);
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const o = scene.outcome;
  const atPigou = Math.abs(url.values.tax - scene.pigouvianTax) <= EQUAL_TAX * Math.max(1, scene.pigouvianTax);

  const controls = (
    <>
      <ControlGroup legend="Market">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={externalityMarketParams[name]}
            value={url.values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Policy">
        <StepButton
          label={`Set the Pigouvian tax t* = ${fmt(scene.pigouvianTax)}`}
          onStep={() => url.set('tax', scene.pigouvianTax)}
          disabled={disabled || atPigou}
        />
        <StepButton label="Remove the tax" onStep={() => url.set('tax', 0)} disabled={disabled || url.values.tax === 0} />
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={externalityMarketInfo.title}
      caption={externalityCaption(scene)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(scene)}
      link={url.link}
      about={externalityMarketInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <MarketChart scene={scene} id={base} />
      <BarChart
        title="Welfare accounts at the market quantity"
        bars={[
          { label: 'Buyers', value: o.consumerSurplus },
          { label: 'Sellers', value: o.producerSurplus },
          { label: 'Tax revenue', value: o.taxRevenue },
          { label: 'Damage', value: -o.externalDamage },
          { label: 'Welfare', value: o.welfare },
        ]}
        references={[{ value: scene.optimalWelfare, label: `optimum ${fmt(scene.optimalWelfare)}` }]}
        xLabel="Who gains (damage counts against)"
        yLabel="Surplus"
        summary={`Consumer surplus ${fmt(o.consumerSurplus)}, producer surplus ${fmt(o.producerSurplus)}, tax revenue ${fmt(o.taxRevenue)}, external damage ${fmt(o.externalDamage)}: welfare ${fmt(o.welfare)} against ${fmt(scene.optimalWelfare)} at the optimum.`}
      />
    </SimFrame>
  );
}

export default ExternalityMarket;
