/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createEngineService } from './engine-service.ts';

// Browser side: the same service the server runs in worker_threads.
Comlink.expose(createEngineService());
