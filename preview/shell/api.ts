/** Talking to the preview server: the session, its view stream, and commands sent in order. */
import type { Command } from '../protocol';
import type { ShellView } from '../server/preview-session';

const SESSION_KEY = 'cloudmall-preview-session';
const IDENTITY_KEY = 'cloudmall-preview-identity';

export async function createSession(url?: string): Promise<string> {
  const identity = localStorage.getItem(IDENTITY_KEY) ?? undefined;
  const response = await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity, url }) });
  if (!response.ok) throw new Error(`could not start a session: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  sessionStorage.setItem(SESSION_KEY, id);
  return id;
}

export function rememberedSession(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

export function rememberIdentity(openid: string): void {
  localStorage.setItem(IDENTITY_KEY, openid);
}

/** Follows the session's views; `onGone` when the server does not know the session (restarted). */
export function followSession(id: string, onView: (view: ShellView) => void, onGone: () => void): EventSource {
  const source = new EventSource(`/api/sessions/${id}/events`);
  let received = false;
  source.onmessage = (event: MessageEvent<string>) => {
    received = true;
    onView(JSON.parse(event.data) as ShellView);
  };
  // EventSource reconnects by itself; it gives up (CLOSED) when the server no longer knows the session.
  source.onerror = () => {
    if (!received || source.readyState === EventSource.CLOSED) {
      source.close();
      onGone();
    }
  };
  return source;
}

export type CommandSender = (command: Command) => Promise<void>;

/** Commands go one after another, in the order the shopper made them. */
export function commandSender(id: string, onError: (message: string) => void): CommandSender {
  let queue: Promise<void> = Promise.resolve();
  return (command) => {
    queue = queue.then(async () => {
      const response = await fetch(`/api/sessions/${id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
      if (!response.ok) onError(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
    });
    return queue;
  };
}
