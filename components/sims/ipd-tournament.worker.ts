/**
 * The ipd-tournament's Web Worker: plays large round robins off the page's main thread, with
 * progress and cancel (the kit's worker protocol).
 */
import { serveWorker } from '../kit/serve-worker.ts';
import { runIpdRoundRobin, type IpdRunInput, type IpdRunOutput } from './ipd-tournament.run.ts';

serveWorker<IpdRunInput, IpdRunOutput>(runIpdRoundRobin);
