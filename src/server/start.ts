/**
 * Starting the app's HTTP server on a host and port (port 0: any free one), and stopping it —
 * open connections closed, so a stopped server holds nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A running server. */
export interface RunningServer {
  /** `http://HOST:PORT/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens with `handler`; rejects when the port cannot be had. */
export function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { readonly port: number; readonly host: string },
): Promise<RunningServer> {
  const server = createServer((req, res) => void handler(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
