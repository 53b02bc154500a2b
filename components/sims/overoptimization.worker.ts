/** The Web Worker that refines the overoptimization Monte Carlo curve (see overoptimization.curve.ts). */
import { serveWorker } from '../kit/serve-worker.ts';
import { refineOverCurve } from './overoptimization.curve.ts';

serveWorker(refineOverCurve);
