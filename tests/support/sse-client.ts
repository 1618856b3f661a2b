import type { TestService } from './service.js';

/** A minimal SSE client over fetch: collects `data:` payloads and comment lines. */
export async function openEvents(svc: TestService, cookie: string) {
  const controller = new AbortController();
  const res = await svc.fetch('/admin/api/events', { headers: { cookie }, signal: controller.signal });
  const events: Array<Record<string, unknown>> = [];
  const comments: string[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith('data:')) events.push(JSON.parse(line.slice(5).trim()));
            else if (line.startsWith(':')) comments.push(line.slice(1).trim());
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    res,
    events,
    comments,
    async close() {
      controller.abort();
      await pump;
    },
  };
}
