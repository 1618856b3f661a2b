/**
 * Whether this process is shutting down. Set first thing on SIGTERM: /readyz then answers
 * 503 so a load balancer stops sending new requests while in-flight ones finish.
 */
export interface Lifecycle {
  readonly draining: boolean;
  beginDrain(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    beginDrain() {
      draining = true;
    },
  };
}
