/** The spatial-election Web Worker: answers Yee diagram jobs (spatial-election.yee.ts) with progress and cancel. */
import { serveWorker } from '../kit/serve-worker.ts';
import { runYeeJob, type YeeJob, type YeeJobResult } from './spatial-election.yee.ts';

serveWorker<YeeJob, YeeJobResult>((job, reportProgress) => runYeeJob(job, reportProgress));
