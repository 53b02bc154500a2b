/** The condorcet-paradox Web Worker: computes batches of impartial-culture trials (condorcet-paradox.batch.ts) with progress and cancel. */
import { serveWorker } from '../kit/serve-worker.ts';
import { runParadoxJob, type ParadoxJob, type ParadoxJobResult } from './condorcet-paradox.batch.ts';

serveWorker<ParadoxJob, ParadoxJobResult>((job, reportProgress) => runParadoxJob(job, reportProgress));
