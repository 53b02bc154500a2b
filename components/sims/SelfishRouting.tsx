/**
 * The selfish-routing simulation: traffic from s to t on Pigou's network, Braess's network or a
 * small street grid, drawn twice, as the Wardrop equilibrium and as the system optimum, with the
 * routes' latencies, the price of anarchy against Roughgarden's bound, marginal-cost tolls, and the
 * Frank–Wolfe iterations that lead to the equilibrium. Nothing runs in time here: every figure is
 * solved in render (a few milliseconds), so the server render is the full figure.
 */
import { useMemo, useState } from 'preact/hooks';
import { line } from 'd3-shape';
import { edgeLatency, simplePaths, totalLatency, type Latency, type RoutingNetwork } from '../../src/models/routing/network.ts';
import { priceOfAnarchy, roughgardenBound, systemOptimum, wardropEquilibrium, type RoutingResult } from '../../src/models/routing/wardrop.ts';
import { braessNetwork, gridNetwork, pigouNetwork } from '../../src/models/routing/presets.ts';
import { marginalCostTolls, withTolls } from '../../src/models/routing/tolls.ts';
import { withLatencyDegree } from '../../src/models/routing/latency-degree.ts';
import { frankWolfe, type FrankWolfeIterate } from '../../src/models/routing/frank-wolfe.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { NetworkDiagram, type NetworkNode } from '../kit/charts/NetworkDiagram.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  ReferenceLines,
  plotBox,
  seriesColor,
  type ChartSize,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  ROUTING_CURVE_DEMANDS,
  ROUTING_MAX_ITERATIONS,
  selfishRoutingAbout,
  selfishRoutingInfo,
  selfishRoutingParams,
  type RoutingNetworkName,
} from './selfish-routing.params.ts';

type Values = ParamValues<typeof selfishRoutingParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type SelfishRoutingProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "selfish-routing". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Accepted for a uniform embed interface; nothing here runs in time, so it does nothing. */
  readonly autoplay?: boolean;
};

/** A network with its node layout (x, y in [0, 1]) and the names readers see. */
export type RoutingLayout = {
  readonly name: string;
  readonly network: RoutingNetwork;
  readonly from: string;
  readonly to: string;
  readonly nodes: readonly NetworkNode[];
};

const GRID_NAMES = ['s', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 't'];

/** Returns the network the values describe, with the degree applied, and where to draw its nodes. */
export function routingLayout(values: Pick<Values, 'network' | 'demand' | 'degree' | 'shortcut' | 'seed'>): RoutingLayout {
  const { degree, demand: rate } = values;
  if (values.network === 'braess') {
    const preset = braessNetwork({ withLink: values.shortcut, rate });
    return {
      name: `Braess’s network ${values.shortcut ? 'with' : 'without'} the free link`,
      network: withLatencyDegree(preset.network, degree),
      from: 's',
      to: 't',
      nodes: [
        { id: 's', label: 's', x: 0, y: 0.5 },
        { id: 'a', label: 'a', x: 0.5, y: 0 },
        { id: 'b', label: 'b', x: 0.5, y: 1 },
        { id: 't', label: 't', x: 1, y: 0.5 },
      ],
    };
  }
  if (values.network === 'grid') {
    const preset = gridNetwork({ rows: 3, cols: 3, seed: values.seed, rate });
    const nodes: NetworkNode[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) nodes.push({ id: `r${r}c${c}`, label: GRID_NAMES[3 * r + c]!, x: c / 2, y: r / 2 });
    return { name: 'The street grid', network: withLatencyDegree(preset.network, degree), from: 'r0c0', to: 'r2c2', nodes };
  }
  const preset = pigouNetwork(degree, rate);
  return {
    name: 'Pigou’s network',
    network: preset.network,
    from: 's',
    to: 't',
    nodes: [
      { id: 's', label: 's', x: 0, y: 0.5 },
      { id: 't', label: 't', x: 1, y: 0.5 },
    ],
  };
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** Returns a latency function as text: "x", "x²", "2x + 1", "1", "0". */
export function latencyText(latency: Latency): string {
  const d = latency.degree ?? 1;
  if (latency.a === 0) return fmt(latency.b);
  const power = d === 1 ? '' : Number.isInteger(d) && d < 10 ? SUPERSCRIPT[d]! : `^${fmt(d)}`;
  const term = `${latency.a === 1 ? '' : fmt(latency.a)}x${power}`;
  return latency.b > 0 ? `${term} + ${fmt(latency.b)}` : term;
}

/** One route from s to t with its flow and latency in the two solutions. */
export type RouteRow = {
  readonly name: string;
  readonly equilibriumFlow: number;
  readonly equilibriumLatency: number;
  readonly optimumFlow: number;
  readonly optimumLatency: number;
};

/** Everything the figure shows, computed from the values (and the Frank–Wolfe iteration being shown, or null for the solution). */
export type RoutingScene = {
  readonly layout: RoutingLayout;
  readonly demand: number;
  readonly degree: number;
  /** The tolls charged (all 0 when tolls are off). */
  readonly tolls: readonly number[];
  /** Edge flows shown as the (tolled) equilibrium: the solution or a Frank–Wolfe iterate. */
  readonly equilibriumFlows: readonly number[];
  /** Total latency of those flows (tolls excluded). */
  readonly equilibriumCost: number;
  /** Total latency at the untolled Wardrop equilibrium. */
  readonly selfishCost: number;
  readonly optimum: RoutingResult;
  readonly routes: readonly RouteRow[];
  /** Untolled equilibrium cost over optimal cost. */
  readonly priceOfAnarchy: number;
  readonly bound: number;
  /** Braess only: the untolled equilibrium cost per driver with the link toggled the other way. */
  readonly otherShortcutCost: number | null;
  /** The Frank–Wolfe iterate shown, or null when the solution is shown. */
  readonly iterate: { readonly index: number; readonly value: FrankWolfeIterate } | null;
};

function routeName(layout: RoutingLayout, edges: readonly number[]): string {
  const label = (id: string) => layout.nodes.find((n) => n.id === id)?.label ?? id;
  const e = layout.network.edges;
  const names = [label(e[edges[0]!]!.from), ...edges.map((i) => label(e[i]!.to))];
  const text = names.join('→');
  // Parallel roads (Pigou's) share their nodes, so they are told apart by their latency.
  const twins = e.filter((x) => x.from === e[edges[0]!]!.from && x.to === e[edges[0]!]!.to).length;
  return edges.length === 1 && twins > 1 ? `${text} (ℓ = ${latencyText(e[edges[0]!]!.latency)})` : text;
}

function pathLatency(net: RoutingNetwork, edges: readonly number[], flows: readonly number[]): number {
  return edges.reduce((s, i) => s + edgeLatency(net.edges[i]!.latency, flows[i]!), 0);
}

/**
 * Returns route flows read off edge flows by one greedy pass over the routes in their listed
 * order, each taking the least flow left on its roads. Edge flows are what the solvers pin down;
 * path flows are not unique where routes share roads, so one fixed rule for both columns makes
 * equal edge flows (the tolled equilibrium and the optimum) show equal route flows. A single pass
 * empties an acyclic flow, and at an equilibrium every road with flow is on a shortest route, so
 * every route it uses is shortest.
 */
export function routeFlows(paths: readonly (readonly number[])[], flows: readonly number[], rate: number): number[] {
  const left = flows.slice();
  return paths.map((edges) => {
    let f = Infinity;
    for (const e of edges) f = Math.min(f, left[e]!);
    if (!(f > 1e-9 * rate)) return 0;
    for (const e of edges) left[e] = left[e]! - f;
    return f;
  });
}

/** Returns the figure's content for `values`, showing Frank–Wolfe iterate `iteration` instead of the equilibrium when it is a number. */
export function routingScene(values: Values, iteration: number | null = null): RoutingScene {
  const layout = routingLayout(values);
  const net = layout.network;
  const demand = { from: layout.from, to: layout.to, rate: values.demand };
  const selfish = wardropEquilibrium(net, demand);
  const optimum = systemOptimum(net, demand);
  const tolls = values.tolls ? marginalCostTolls(net, demand) : net.edges.map(() => 0);
  const played = values.tolls ? withTolls(net, tolls) : net;
  const solved = values.tolls ? wardropEquilibrium(played, demand) : selfish;
  let iterate: RoutingScene['iterate'] = null;
  if (iteration !== null) {
    const k = Math.max(0, Math.min(ROUTING_MAX_ITERATIONS, Math.trunc(iteration)));
    iterate = { index: k, value: frankWolfe(played, demand, { iterations: k }).at(-1)! };
  }
  const equilibriumFlows = iterate ? iterate.value.flows : solved.flows;
  const paths = simplePaths(net, layout.from, layout.to);
  const eqRoute = routeFlows(paths, equilibriumFlows, values.demand);
  const optRoute = routeFlows(paths, optimum.flows, values.demand);
  const routes = paths.map((edges, k) => ({
    name: routeName(layout, edges),
    equilibriumFlow: eqRoute[k]!,
    equilibriumLatency: pathLatency(net, edges, equilibriumFlows),
    optimumFlow: optRoute[k]!,
    optimumLatency: pathLatency(net, edges, optimum.flows),
  }));
  let otherShortcutCost: number | null = null;
  if (values.network === 'braess') {
    const other = routingLayout({ ...values, shortcut: !values.shortcut });
    otherShortcutCost = wardropEquilibrium(other.network, demand).cost / values.demand;
  }
  return {
    layout,
    demand: values.demand,
    degree: values.degree,
    tolls,
    equilibriumFlows,
    equilibriumCost: totalLatency(net, equilibriumFlows),
    selfishCost: selfish.cost,
    optimum,
    routes,
    priceOfAnarchy: optimum.cost > 0 ? selfish.cost / optimum.cost : 1,
    bound: roughgardenBound(values.degree),
    otherShortcutCost,
    iterate,
  };
}

/** Returns the price of anarchy at each demand of ROUTING_CURVE_DEMANDS for the values' network (tolls aside). */
export function priceOfAnarchyCurve(values: Values): number[] {
  return ROUTING_CURVE_DEMANDS.map((rate) => {
    const layout = routingLayout({ ...values, demand: rate });
    return priceOfAnarchy(layout.network, { from: layout.from, to: layout.to, rate });
  });
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Returns the caption: what the equilibrium and the optimum cost, the price of anarchy against the bound, and the Braess, toll or iteration story in words. */
export function routingCaption(scene: RoutingScene, values: Values): string {
  const { demand, degree, optimum } = scene;
  const head = `${scene.layout.name}, demand ${fmt(demand)}, latency degree ${degree}`;
  const perDriver = (cost: number) => fmt(cost / demand);
  const parts: string[] = [];
  if (scene.iterate) {
    const it = scene.iterate;
    parts.push(
      `${head}: Frank–Wolfe iteration ${it.index} toward the ${values.tolls ? 'tolled ' : ''}equilibrium has total latency ${fmt(it.value.cost)} (${perDriver(it.value.cost)} per driver) and a relative gap of ${fmt(it.value.gap, 2)}; the solved ${values.tolls ? 'tolled equilibrium' : 'equilibrium'} costs ${fmt(values.tolls ? optimum.cost : scene.selfishCost)}.`,
    );
  } else {
    parts.push(
      `${head}: at the Wardrop equilibrium every driver’s trip takes ${perDriver(scene.selfishCost)} (total latency ${fmt(scene.selfishCost)}); the system optimum costs ${fmt(optimum.cost)} in total (${perDriver(optimum.cost)} per driver on average).`,
    );
  }
  const poa = scene.priceOfAnarchy;
  const bound = scene.bound;
  const boundText = `Roughgarden’s bound ${fmt(bound)} for degree ${degree}`;
  let versus: string;
  if (!near(poa, bound)) versus = `below ${boundText}`;
  else if (values.network === 'pigou' && degree === 1) versus = `Pigou’s 4/3, which is ${boundText}: no network with linear latencies does worse (Pigou 1920; Roughgarden & Tardos 2002)`;
  else if (degree === 1) versus = `equal to ${boundText}: no network with linear latencies does worse (Roughgarden & Tardos 2002)`;
  else versus = `equal to ${boundText}: no network with latencies of this degree does worse (Roughgarden 2003)`;
  parts.push(`The price of anarchy is ${fmt(poa)}, ${versus}.`);
  if (scene.otherShortcutCost !== null) {
    const withCost = values.shortcut ? scene.selfishCost / demand : scene.otherShortcutCost;
    const withoutCost = values.shortcut ? scene.otherShortcutCost : scene.selfishCost / demand;
    const effect =
      withCost > withoutCost + 1e-9
        ? 'opening the free link makes every trip slower'
        : withCost < withoutCost - 1e-9
          ? 'here the free link shortens trips'
          : 'here the free link changes nothing';
    parts.push(
      `Each driver takes ${fmt(withoutCost)} without the free link and ${fmt(withCost)} with it: ${effect}${near(withoutCost, 1.5) && near(withCost, 2) ? ' (Braess 1968: 1.5 → 2)' : ''}.`,
    );
  }
  if (values.tolls) {
    const charged = scene.tolls.filter((t) => t > 1e-9).length;
    parts.push(
      `Marginal-cost tolls on ${charged} ${charged === 1 ? 'road' : 'roads'} make selfish drivers route as the planner would: total latency ${fmt(values.tolls && !scene.iterate ? scene.equilibriumCost : optimum.cost)}, the optimum.`,
    );
  }
  return parts.join(' ');
}

function dataOf(scene: RoutingScene): SimData {
  const { layout, tolls, equilibriumFlows, optimum } = scene;
  const label = (id: string) => layout.nodes.find((n) => n.id === id)?.label ?? id;
  return {
    columns: ['road', 'latency', 'toll', 'equilibrium flow', 'equilibrium latency', 'optimum flow', 'optimum latency'],
    rows: layout.network.edges.map((e, i) => [
      `${label(e.from)}→${label(e.to)}`,
      latencyText(e.latency),
      tolls[i]!,
      equilibriumFlows[i]!,
      edgeLatency(e.latency, equilibriumFlows[i]!),
      optimum.flows[i]!,
      edgeLatency(e.latency, optimum.flows[i]!),
    ]),
  };
}

const DIAGRAM_SIZES: Readonly<Record<RoutingNetworkName, ChartSize>> = {
  pigou: { width: 420, height: 150 },
  braess: { width: 420, height: 250 },
  grid: { width: 420, height: 270 },
};

// The grid has too many roads to print tolls on the drawing; the data table lists them.
function edgeLabel(latency: Latency, toll: number, flow: number, withToll: boolean): string {
  const fn = latencyText(latency);
  return `${withToll && toll > 1e-9 ? `${fn} + toll ${fmt(toll, 2)}` : fn} (${fmt(flow, 2)})`;
}

function RoutingDiagram(props: {
  scene: RoutingScene;
  network: RoutingNetworkName;
  flows: readonly number[];
  tolls: readonly number[];
  title: string;
  summary: string;
}) {
  const { layout } = props.scene;
  const withToll = props.network !== 'grid';
  return (
    <NetworkDiagram
      title={props.title}
      nodes={layout.nodes}
      edges={layout.network.edges.map((e, i) => ({
        from: e.from,
        to: e.to,
        flow: props.flows[i]!,
        label: edgeLabel(e.latency, props.tolls[i]!, props.flows[i]!, withToll),
      }))}
      maxFlow={props.scene.demand}
      size={DIAGRAM_SIZES[props.network]}
      summary={props.summary}
    />
  );
}

function RoutesTable(props: { id: string; scene: RoutingScene; tolled: boolean }) {
  const { scene } = props;
  const cell = (v: number) => fmt(v, 3);
  const eqName = scene.iterate ? `Iteration ${scene.iterate.index}` : props.tolled ? 'Tolled equilibrium' : 'Equilibrium';
  return (
    <div class="sim-chart">
      <p class="sim-chart-title" id={`${props.id}-title`}>
        Routes from s to t
      </p>
      <div class="sim-table-wrap" tabIndex={0}>
        <table class="sim-table">
          <caption>Flow and trip time (latency) on each route; where routes share roads, route flows are one split of the road flows.</caption>
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">{eqName} flow</th>
              <th scope="col">{eqName} latency</th>
              <th scope="col">Optimum flow</th>
              <th scope="col">Optimum latency</th>
            </tr>
          </thead>
          <tbody>
            {scene.routes.map((r) => (
              <tr key={r.name}>
                <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {r.name}
                </th>
                <td>{cell(r.equilibriumFlow)}</td>
                <td>{cell(r.equilibriumLatency)}</td>
                <td>{cell(r.optimumFlow)}</td>
                <td>{cell(r.optimumLatency)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Total latency</th>
              <td colSpan={2}>{cell(scene.equilibriumCost)}</td>
              <td colSpan={2}>{cell(scene.optimum.cost)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

const CURVE_SIZE: ChartSize = { width: 600, height: 250 };

/** The price of anarchy against demand, with the bound for the degree and a dot at the current demand. */
function PoaChart(props: { demands: readonly number[]; values: readonly number[]; bound: number; degree: number; current: { x: number; y: number } }) {
  const box = plotBox(CURVE_SIZE);
  const top = Math.max(props.bound, ...props.values.filter(Number.isFinite)) * 1.04;
  const xs = linearScale([0, 3], [box.x0, box.x1]);
  const ys = linearScale([1, top], [box.y1, box.y0]).nice();
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => xs(props.demands[i]!))
    .y((v) => ys(v))
    .digits(1);
  const { x, y } = props.current;
  return (
    <div class="sim-chart">
      <ChartTitle title={`Price of anarchy as demand varies (dot: demand ${fmt(x)})`} />
      <ChartSvg
        size={CURVE_SIZE}
        summary={`Price of anarchy from demand 0.1 to 3, peaking at ${fmt(Math.max(...props.values))}; Roughgarden’s bound for degree ${props.degree} is ${fmt(props.bound)}; at demand ${fmt(x)} it is ${fmt(y)}.`}
      >
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Equilibrium ÷ optimum" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Traffic demand" />
        <ReferenceLines lines={[{ value: props.bound, label: `bound ${fmt(props.bound)}` }]} scale={ys} {...box} />
        <path class="sim-line" d={path(props.values as number[]) ?? ''} stroke={seriesColor(0)} />
        <circle cx={xs(x).toFixed(1)} cy={ys(y).toFixed(1)} r="5" fill={seriesColor(1)} stroke="var(--sim-panel)" stroke-width="1.5" />
      </ChartSvg>
    </div>
  );
}

const PARAM_NAMES = Object.keys(selfishRoutingParams) as (keyof Values & string)[];

/** Renders the two routings side by side, the routes table, the price-of-anarchy curve and the controls. */
export function SelfishRouting(props: SelfishRoutingProps) {
  const embedKey = props.embedKey ?? props.id ?? selfishRoutingInfo.name;
  const [initial] = useState(() => mergeProps(selfishRoutingParams, props));
  const url = useUrlState(embedKey, selfishRoutingParams, initial);
  const values = url.values;
  const key = serializeParams(values, selfishRoutingParams);
  // The iteration shown belongs to one setting: a new setting shows the solution again.
  const [stepping, setStepping] = useState<{ key: string; iteration: number } | null>(null);
  const iteration = stepping && stepping.key === key ? stepping.iteration : null;

  const scene = routingScene(values, iteration);
  const curveKey = `${values.network}|${values.degree}|${values.shortcut}|${values.network === 'grid' ? values.seed : ''}`;
  const curve = useMemo(() => priceOfAnarchyCurve(values), [curveKey]);
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const network = values.network as RoutingNetworkName;

  const shown = PARAM_NAMES.filter(
    (name) => (name !== 'shortcut' || network === 'braess') && (name !== 'seed' || network === 'grid'),
  );
  const controls = (
    <>
      <ControlGroup legend="Network">
        {shown.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={selfishRoutingParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Solver">
        <StepButton
          label={iteration === null ? 'Show iteration 0' : 'Next iteration'}
          onStep={() => setStepping({ key, iteration: iteration === null ? 0 : Math.min(ROUTING_MAX_ITERATIONS, iteration + 1) })}
          disabled={disabled || iteration === ROUTING_MAX_ITERATIONS}
        />
        <StepButton
          label="Previous iteration"
          onStep={() => setStepping({ key, iteration: Math.max(0, (iteration ?? 1) - 1) })}
          disabled={disabled || iteration === null || iteration === 0}
        />
        <StepButton label="Show the solution" onStep={() => setStepping(null)} disabled={disabled || iteration === null} />
      </ControlGroup>
    </>
  );

  const eqTitle = scene.iterate
    ? `Frank–Wolfe iteration ${scene.iterate.index}`
    : values.tolls
      ? 'Equilibrium with tolls'
      : 'Wardrop equilibrium';
  const flowsText = (flows: readonly number[]) =>
    scene.layout.network.edges
      .map((e, i) => `${scene.layout.nodes.find((n) => n.id === e.from)?.label}→${scene.layout.nodes.find((n) => n.id === e.to)?.label} ${fmt(flows[i]!, 2)}`)
      .join(', ');

  return (
    <SimFrame
      embedKey={embedKey}
      title={selfishRoutingInfo.title}
      caption={routingCaption(scene, values)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(scene)}
      link={url.link}
      about={selfishRoutingAbout(network)}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <RoutingDiagram
        scene={scene}
        network={network}
        flows={scene.equilibriumFlows}
        tolls={scene.tolls}
        title={`${eqTitle}: total latency ${fmt(scene.equilibriumCost)}`}
        summary={`${eqTitle} on ${scene.layout.name}; edge labels give latency and flow. Flows: ${flowsText(scene.equilibriumFlows)}.`}
      />
      <RoutingDiagram
        scene={scene}
        network={network}
        flows={scene.optimum.flows}
        tolls={scene.layout.network.edges.map(() => 0)}
        title={`System optimum: total latency ${fmt(scene.optimum.cost)}`}
        summary={`System optimum on ${scene.layout.name}; edge labels give latency and flow. Flows: ${flowsText(scene.optimum.flows)}.`}
      />
      <RoutesTable id={`${base}-routes`} scene={scene} tolled={values.tolls} />
      <PoaChart
        demands={ROUTING_CURVE_DEMANDS}
        values={curve}
        bound={scene.bound}
        degree={values.degree}
        current={{ x: values.demand, y: scene.priceOfAnarchy }}
      />
    </SimFrame>
  );
}

export default SelfishRouting;
