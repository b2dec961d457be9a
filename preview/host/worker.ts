/**
 * A page host: one mini-program run in this worker thread (see session.ts), answering the main
 * thread's requests (protocol.ts) and pushing a snapshot whenever the page or window changes.
 */
import { parentPort } from 'worker_threads';
import type { HostMethods, HostRequestMessage, HostResponseMessage } from '../protocol';
import { installEnvironment } from './environment';

installEnvironment();
// After the environment: the session loads simulate and the mini-program's modules.
const { Session } = require('./session') as typeof import('./session');

const port = parentPort;
if (!port) throw new Error('preview/host/worker.ts runs in a worker thread');
const send = (message: HostResponseMessage) => port.postMessage(message);
const session = new Session((snapshot) => send({ push: 'snapshot', snapshot }));

type Handlers = { [M in keyof HostMethods]: (params: Parameters<HostMethods[M]>[0]) => ReturnType<HostMethods[M]> | Promise<ReturnType<HostMethods[M]>> };

const handlers: Handlers = {
  start: (request) => session.start(request),
  open: (request) => session.open(request),
  command: (command) => session.command(command),
  snapshot: () => session.snapshot(),
  css: (pageKey) => session.css(pageKey),
};

port.on('message', (message: HostRequestMessage) => {
  const handler = handlers[message.method] as (params: unknown) => unknown;
  Promise.resolve()
    .then(() => handler(message.params))
    .then(
      (result) => send({ id: message.id, ok: true, result }),
      (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
});
