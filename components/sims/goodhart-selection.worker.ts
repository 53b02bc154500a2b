/** The Web Worker that refines the goodhart-selection Monte Carlo curve (see goodhart-selection.curve.ts). */
import { serveWorker } from '../kit/serve-worker.ts';
import { refineSelectionCurve } from './goodhart-selection.curve.ts';

serveWorker(refineSelectionCurve);
