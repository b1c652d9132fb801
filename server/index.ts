import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app';

export interface RunningServer {
  app: App;
  /** e.g. http://localhost:4000/graphql */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Builds the app and listens on `port` (0 picks a free one). */
export async function startServer(options: AppOptions & { port: number; host?: string }): Promise<RunningServer> {
  const app = await createApp(options);
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = app.httpServer.address() as AddressInfo;
  return { app, port, url: `http://localhost:${port}/graphql`, stop: () => app.stop() };
}
