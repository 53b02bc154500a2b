/**
 * The simulation kit's browser-safe public surface. Build-time helpers (params-schema.ts, with
 * zod) and the worker side (serve-worker.ts) are imported from their own files.
 */
export * from './params.ts';
export * from './url-state.ts';
export * from './hooks.ts';
export * from './format.ts';
export * from './controls.tsx';
export * from './csv.ts';
export * from './worker.ts';
export * from './SimFrame.tsx';
export * from './charts/axes.tsx';
export * from './charts/linear-scale.ts';
export * from './charts/LineChart.tsx';
export * from './charts/BarChart.tsx';
export * from './charts/ScatterPlot.tsx';
export * from './charts/Heatmap.tsx';
export * from './charts/NetworkDiagram.tsx';
