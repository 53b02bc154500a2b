/**
 * The overoptimization simulation: best-of-n sampling against a learned reward model
 * (src/models/goodhart). Time is the number of samples n: Play raises it one step at a time and
 * the gold reward rises, peaks and falls while the proxy keeps climbing. A thin view: the models
 * compute, this file draws and wires the controls.
 *
 * A parameter change shows the whole run at once (as the server render does), so the figure always
 * shows where it ends; Reset goes back to n = 1 so Play and Step show the curve being traced. The
 * Monte Carlo dots come first from a quick estimate computed in render, then from an 80 times
 * larger one computed in a Web Worker.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bestOfNKL, fitBestOfNScaling } from '../../src/models/goodhart/overoptimization.ts';
import type { OveroptimizationPoint } from '../../src/models/goodhart/overoptimization.ts';
import {
  bestOfNScalingPeak,
  overoptimizationCurve,
  type ScalingPeak,
} from '../../src/models/goodhart/best-of-n-curves.ts';
import type { OveroptimizationSweepPoint } from '../../src/models/goodhart/block-maxima.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { extent } from '../kit/charts/axes.tsx';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import { CurveChart, type XAxis } from './goodhart-charts.tsx';
import {
  OVEROPT_GRID,
  QUICK_SWEEPS,
  overCurveKey,
  quickOverCurve,
  type OverCurveInput,
  type OverCurveResult,
} from './overoptimization.curve.ts';
import { overoptimizationInfo, overoptimizationParams } from './overoptimization.params.ts';

type Values = ParamValues<typeof overoptimizationParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type OveroptimizationProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "overoptimization". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing from n = 1 after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** Index of the last step: n = 16,384. */
export const LAST_STEP = OVEROPT_GRID.length - 1;
const POOL = OVEROPT_GRID[LAST_STEP]!;
const REFINE_DELAY_MS = 200;

/** Speeds of Play, in steps of n per second (the kit's default speeds are made for hundreds of periods). */
export const OVEROPT_SPEEDS = [
  { value: 1, label: 'Slow (1 step/s)' },
  { value: 2, label: 'Normal (2 steps/s)' },
  { value: 5, label: 'Fast (5 steps/s)' },
] as const;

const whole = (n: number) => Math.round(n).toLocaleString('en');
const signed = (v: number, digits = 3) => (v >= 0 ? `+${fmt(v, digits)}` : `−${fmt(-v, digits)}`);

/** The closed-form curve, the law fitted to it and where that law peaks. */
export type OverBenchmarks = {
  /** Exact points at every step. */
  readonly exact: readonly OveroptimizationPoint[];
  /** Gold reward of the base policy (n = 1), −c. */
  readonly base: number;
  readonly fit: { readonly alpha: number; readonly beta: number; readonly rSquared: number };
  /** Peak of the fitted law, or null when it has none at d > 0. */
  readonly peak: ScalingPeak | null;
  /** Step at which the exact gold reward is highest. */
  readonly bestStep: number;
};

/** Returns the exact curve over the steps, Gao et al.'s law fitted to its gold gains, and the law's peak. */
export function overBenchmarks(values: Values): OverBenchmarks {
  const exact = overoptimizationCurve({
    exploitWeight: values.exploitWeight,
    exploitCost: values.exploitCost,
    candidates: OVEROPT_GRID,
  });
  const base = exact[0]!.gold;
  const fit = fitBestOfNScaling(exact.map((p) => ({ kl: p.kl, gain: p.gold - base })));
  let bestStep = 0;
  exact.forEach((p, k) => {
    if (p.gold > exact[bestStep]!.gold) bestStep = k;
  });
  return { exact, base, fit, peak: bestOfNScalingPeak(fit), bestStep };
}

/** Returns the caption: n and KL now, both rewards against the base policy, where gold stands relative to its peak, and the fitted law. */
export function overCaption(step: number, b: OverBenchmarks, mc: readonly OveroptimizationSweepPoint[]): string {
  const now = b.exact[step]!;
  const sim = mc[step]!;
  const gain = now.gold - b.base;
  const where = `Best of n = ${whole(now.candidates)} (KL ${fmt(now.kl)} nats, step ${step + 1} of ${LAST_STEP + 1})`;
  const head =
    step === 0
      ? `${where} is the base policy itself: neither reward has gained anything yet.`
      : `${where}: proxy reward ${signed(now.proxy)} and gold reward ${signed(gain)} over the base policy (simulated ${signed(sim.gold - b.base)} ± ${fmt(2 * sim.seGold, 2)}).`;
  const top = b.exact[b.bestStep]!;
  const topGain = top.gold - b.base;
  let phase: string;
  if (b.bestStep === LAST_STEP)
    phase = 'Gold is still rising at the largest n: nothing punishes the exploit enough to turn it down here.';
  else if (step < b.bestStep)
    phase = `Gold is still rising; it will peak at ${signed(topGain)} at n = ${whole(top.candidates)}.`;
  else if (step === b.bestStep)
    phase = 'This is the peak of the gold reward: more optimisation from here only feeds the exploit.';
  else
    phase = `Gold peaked at ${signed(topGain)} at n = ${whole(top.candidates)} and has lost ${fmt(topGain - gain)} since, while the proxy kept climbing.`;
  const { alpha, beta, rSquared } = b.fit;
  const law = `Gao et al.’s law d(α − βd) fitted to the whole curve: α = ${fmt(alpha)}, β = ${fmt(beta)}, R² = ${fmt(rSquared, 4)}`;
  const peak = b.peak
    ? b.peak.candidates <= POOL
      ? `, peaking at d* = α/2β = ${fmt(b.peak.d)} (KL ${fmt(b.peak.kl)} nats, n ≈ ${whole(b.peak.candidates)}).`
      : `, peaking beyond n = ${whole(POOL)}, at KL ${fmt(b.peak.kl)} nats.`
    : ', which has no peak.';
  return `${head} ${phase} ${law}${peak}`;
}

function dataOf(step: number, b: OverBenchmarks, mc: readonly OveroptimizationSweepPoint[]): SimData {
  const { alpha, beta } = b.fit;
  return {
    columns: [
      'n',
      'KL (nats)',
      'proxy gain (exact)',
      'gold gain (exact)',
      'gold gain (fitted law)',
      'proxy gain (simulated)',
      'proxy SE',
      'gold gain (simulated)',
      'gold SE',
      'samples',
    ],
    rows: b.exact.slice(0, step + 1).map((p, k) => {
      const s = mc[k]!;
      const d = Math.sqrt(p.kl);
      return [
        p.candidates,
        p.kl,
        p.proxy,
        p.gold - b.base,
        d * (alpha - beta * d),
        s.proxy,
        s.seProxy,
        s.gold - b.base,
        s.seGold,
        s.samples,
      ];
    }),
  };
}

const KL_MAX = bestOfNKL(POOL);
const KL_AXIS: XAxis = {
  transform: Math.sqrt,
  domain: [0, KL_MAX],
  ticks: [0, 0.5, 1, 2, 4, 6, 8].filter((v) => v <= KL_MAX).map((value) => ({ value, label: String(value) })),
  label: 'KL from the base policy (nats, square-root scale)',
};
// n along the top: the KL of best-of-10, -100, -1,000 and -10,000.
const N_TICKS = {
  label: 'n:',
  ticks: [1, 10, 100, 1000, 10000].map((n) => ({ value: bestOfNKL(n), label: whole(n) })),
};
// A fine grid of KL for the fitted law's curve.
const LAW_KL = Array.from({ length: 61 }, (_, i) => (KL_MAX * i * i) / 3600);

/** Renders gold and proxy reward against KL as n grows, with the fitted law, its peak, and the controls. */
export function Overoptimization(props: OveroptimizationProps) {
  const embedKey = props.embedKey ?? props.id ?? overoptimizationInfo.name;
  const [initial] = useState(() => mergeProps(overoptimizationParams, props));
  const url = useUrlState(embedKey, overoptimizationParams, initial);
  const values = url.values;
  const key = serializeParams(values, overoptimizationParams);
  const input: OverCurveInput = {
    exploitWeight: values.exploitWeight,
    exploitCost: values.exploitCost,
    seed: values.seed,
  };
  const curveKey = overCurveKey(input);

  const b = useMemo(() => overBenchmarks(values), [values.exploitWeight, values.exploitCost]);
  const quick = useMemo(() => quickOverCurve(input), [curveKey]);

  // The step is derived from the parameters: a new key shows the whole run again, synchronously in
  // render, so no frame ever shows an old step against a new curve.
  const stepRef = useRef<{ key: string; step: number }>({ key, step: LAST_STEP });
  if (stepRef.current.key !== key) stepRef.current = { key, step: LAST_STEP };
  const step = stepRef.current.step;
  const [, setTick] = useState(0);
  const setStep = useCallback((next: number) => {
    stepRef.current = { ...stepRef.current, step: Math.max(0, Math.min(LAST_STEP, next)) };
    setTick((t) => t + 1);
  }, []);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState<number>(2);
  const reducedMotion = usePrefersReducedMotion();
  const advance = useCallback(
    (k: number) => {
      const next = Math.min(LAST_STEP, stepRef.current.step + k);
      setStep(next);
      if (next >= LAST_STEP) setRunning(false);
    },
    [setStep],
  );
  useAnimationLoop(advance, { running, speed, reducedMotion });
  const togglePlay = () => {
    // Play at the end starts the run again from n = 1.
    if (!running && stepRef.current.step >= LAST_STEP) setStep(0);
    setRunning((r) => !r);
  };

  useAutoplay(props.autoplay, reducedMotion, () => {
    setStep(0);
    setRunning(true);
  }, () => setRunning(false));

  const worker = useWorkerRun<OverCurveInput, OverCurveResult>(
    () => new Worker(new URL('./overoptimization.worker.ts', import.meta.url), { type: 'module' }),
  );
  const { run } = worker;
  useEffect(() => {
    if (!url.hydrated) return undefined;
    const timer = setTimeout(() => run(input), REFINE_DELAY_MS);
    return () => clearTimeout(timer);
    // The curve key stands for the input.
  }, [curveKey, url.hydrated, run]);
  const refined = worker.result && worker.result.key === curveKey ? worker.result : null;
  const mc = refined ? refined.points : quick;
  const sweeps = refined ? refined.sweeps : QUICK_SWEEPS;

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const now = b.exact[step]!;
  const shown = b.exact.slice(0, step + 1);
  const shownMc = mc.slice(0, step + 1);
  const kls = shown.map((p) => p.kl);
  const { alpha, beta } = b.fit;
  const lawGain = LAW_KL.map((kl) => Math.sqrt(kl) * (alpha - beta * Math.sqrt(kl)));
  // Fixed y ranges for the whole run, so the axes hold still while Play traces the curve.
  const goldDomain = extent(
    [...b.exact.map((p) => p.gold - b.base), ...lawGain, ...mc.map((p) => p.gold - b.base), 0],
    true,
  );
  // The proxy starts at 0 and only rises; a simulated mean a hair below 0 at n = 1 should not add a
  // whole tick step below the axis.
  const proxyDomain: [number, number] = [0, Math.max(...b.exact.map((p) => p.proxy), ...mc.map((p) => p.proxy))];
  const markers = [
    ...(b.peak && b.peak.kl <= KL_MAX
      ? [{ x: b.peak.kl, label: `fitted peak d*, n ≈ ${whole(b.peak.candidates)}`, at: 'bottom' as const }]
      : []),
    { x: now.kl, label: `n = ${whole(now.candidates)}` },
  ];

  const status =
    worker.status === 'running' && !refined
      ? 'Refining the dots in the background…'
      : refined
        ? `Dots from ${whole(sweeps)} pools of ${whole(POOL)} samples.`
        : worker.status === 'error'
          ? `Could not refine in the background (${worker.error ?? 'unknown error'}); showing the quick estimate from ${QUICK_SWEEPS} pools.`
          : worker.status === 'cancelled'
            ? `Refinement cancelled; showing the quick estimate from ${QUICK_SWEEPS} pools.`
            : `Quick estimate from ${QUICK_SWEEPS} pools of ${whole(POOL)} samples.`;

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={togglePlay} disabled={disabled} />
        <StepButton onStep={() => advance(1)} disabled={disabled || step >= LAST_STEP} label="Step (next n)" />
        <ResetButton
          onReset={() => {
            setRunning(false);
            setStep(0);
          }}
          disabled={disabled}
        />
        <SpeedSelect
          id={`${base}-speed`}
          value={speed}
          onChange={setSpeed}
          options={OVEROPT_SPEEDS}
          disabled={disabled}
        />
      </ControlGroup>
      <ControlGroup legend="Reward model">
        {(['exploitWeight', 'exploitCost', 'seed'] as const).map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={overoptimizationParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Monte Carlo">
        <p class="sim-field" role="status" style={{ margin: 0 }}>
          {status}
        </p>
        {worker.status === 'running' && !refined ? (
          <>
            <progress value={worker.progress} max={1} aria-label="Refinement progress" />
            <button type="button" class="sim-button" onClick={worker.cancel}>
              Cancel
            </button>
          </>
        ) : !refined && (worker.status === 'cancelled' || worker.status === 'error') ? (
          <button type="button" class="sim-button" onClick={() => run(input)}>
            Refine
          </button>
        ) : null}
      </ControlGroup>
    </>
  );

  const gainNow = now.gold - b.base;
  return (
    <SimFrame
      embedKey={embedKey}
      title={overoptimizationInfo.title}
      caption={overCaption(step, b, mc)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(step, b, mc)}
      link={url.link}
      about={overoptimizationInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <CurveChart
        title="Gold reward (what was wanted)"
        x={KL_AXIS}
        topAxis={N_TICKS}
        yLabel="Gain over base policy"
        yDomain={goldDomain}
        lines={[
          { label: 'Gold, exact', x: kls, y: shown.map((p) => p.gold - b.base), color: 5 },
          { label: 'Fitted d(α − βd)', x: LAW_KL, y: lawGain, color: 2, dash: 1 },
        ]}
        points={[
          {
            label: 'Gold, simulated (± 2 SE)',
            x: kls,
            y: shownMc.map((p) => p.gold - b.base),
            se: shownMc.map((p) => p.seGold),
            color: 5,
          },
        ]}
        markers={markers}
        highlights={[{ x: now.kl, y: gainNow, color: 5 }]}
        references={[{ value: 0, label: 'base policy' }]}
        summary={`Gold reward gain against KL up to n = ${whole(now.candidates)}: ${signed(gainNow)} now; the exact curve peaks at ${signed(b.exact[b.bestStep]!.gold - b.base)} at n = ${whole(b.exact[b.bestStep]!.candidates)}; fitted law α = ${fmt(alpha)}, β = ${fmt(beta)}.`}
      />
      <CurveChart
        title="Proxy reward (what the reward model says)"
        x={KL_AXIS}
        topAxis={N_TICKS}
        yLabel="Gain over base policy"
        yDomain={proxyDomain}
        lines={[{ label: 'Proxy, exact', x: kls, y: shown.map((p) => p.proxy), color: 0 }]}
        points={[
          {
            label: 'Proxy, simulated (± 2 SE)',
            x: kls,
            y: shownMc.map((p) => p.proxy),
            se: shownMc.map((p) => p.seProxy),
            color: 0,
          },
        ]}
        markers={[{ x: now.kl, label: `n = ${whole(now.candidates)}`, at: 'bottom' }]}
        highlights={[{ x: now.kl, y: now.proxy, color: 0 }]}
        references={[{ value: 0, label: 'base policy' }]}
        summary={`Proxy reward gain against KL up to n = ${whole(now.candidates)}: ${signed(now.proxy)} now, rising at every step.`}
        note={`Dots: ${whole(sweeps)} pools of ${whole(POOL)} samples cut into blocks of n.`}
      />
    </SimFrame>
  );
}

export default Overoptimization;
