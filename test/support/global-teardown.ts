import type { EmbeddedDatabase } from '../../db/embedded';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __EMBEDDED_TEST_DB__?: EmbeddedDatabase }).__EMBEDDED_TEST_DB__?.stop();
}
