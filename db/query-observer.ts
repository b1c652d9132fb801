import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/** Called once for every SQL statement the ORM sends (tests count them; nothing else should need it). */
export type QueryObserver = (sql: string, params: readonly unknown[]) => void;

/** MikroORM's default logger plus a hook that sees every statement, whether query logging is on or not. */
export class ObservingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly observer?: QueryObserver,
  ) {
    super(options);
  }

  override logQuery(context: { query: string; params?: readonly unknown[] } & LogContext): void {
    // Failed statements are logged a second time with level 'error'; count each statement once.
    if (context.level !== 'error') this.observer?.(context.query, context.params ?? []);
    super.logQuery(context);
  }
}
