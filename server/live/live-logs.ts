import type { MikroORM } from '@mikro-orm/postgresql';
import {
  CHANGE_EVENT_CHANNEL,
  latestChangeId,
  readChangesAfter,
  recordDueNotices,
  type ChangePayload,
} from '../../schema/change/change-log';
import { NOTICE_HORIZON_DAYS } from '../../schema/change/change-event.service';
import { STATUS_EVENT_CHANNEL } from '../../schema/live/scene-status-outbox.repository';
import { WATCH_ALERT_CHANNEL, WatchAreaRepository, type WatchAlertPayload } from '../../schema/watch-area/watch-area.repository';
import { EventLogHub } from './event-log.hub';
import { startPgListener, type PgListener } from './pg-listener';
import { StatusEventHub } from './status-event.hub';

/** How often each instance looks whether a day has come for a notice (agreements ending, commitments due). */
const NOTICE_CHECK_MS = 60_000;
/** The calendar the days of notices are counted in. */
const NOTICE_TIME_ZONE = 'Europe/Stockholm';

/**
 * The statements the live logs run in the background (their reads of the outboxes, the notice
 * check), whatever request is running: what tests and benchmarks leave out when they count the
 * statements of a request.
 */
export const LIVE_LOG_BACKGROUND_STATEMENT = /scene_status_event|from change_event e where|from watch_area_alert a join|record_due_notices/;

/** One instance's live logs: status events, changes and watch-area alerts, with their wake-ups and the notices of days that come. */
export interface LiveLogs {
  status: StatusEventHub;
  changes: EventLogHub<ChangePayload>;
  watchAlerts: EventLogHub<WatchAlertPayload>;
  listener: PgListener;
  /** Reads every log again (a writer committed). Never rejects. */
  wake(): Promise<void>;
  /** Writes the notices of `today` (YYYY-MM-DD; default: today in Stockholm) and reads them in; how many were written. */
  recordNotices(today?: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the hubs, one LISTEN connection for all three channels (a notification only says "read
 * again"), and the notice check: at start and every minute (not after each write: that would put a scan of
 * every agreement and commitment, and the outboxes' lock, on every mutation). Every
 * instance checks; the database writes each notice once (db/migrations/change-log.ts).
 */
export async function startLiveLogs(orm: MikroORM, databaseUrl: string): Promise<LiveLogs> {
  const status = new StatusEventHub(orm);
  const changes = new EventLogHub<ChangePayload>(orm, {
    name: 'change log',
    readAfter: readChangesAfter,
    latestId: latestChangeId,
  });
  const watchAlerts = new EventLogHub<WatchAlertPayload>(orm, {
    name: 'watch-area alerts',
    readAfter: (em, after, limit) => WatchAreaRepository.readAlertsAfter(em, after, limit),
    latestId: (em) => WatchAreaRepository.latestAlertId(em),
  });
  await Promise.all([status.start(), changes.start(), watchAlerts.start()]);
  const hubs = { [STATUS_EVENT_CHANNEL]: status, [CHANGE_EVENT_CHANNEL]: changes, [WATCH_ALERT_CHANNEL]: watchAlerts };
  const listener = startPgListener(databaseUrl, Object.keys(hubs), (channel) => {
    const woken = channel ? [hubs[channel as keyof typeof hubs]] : Object.values(hubs);
    for (const hub of woken) void hub?.wake();
  });

  let noticeRun: Promise<number> | null = null;
  let stopped = false;
  const recordNotices = async (today = dayIn(NOTICE_TIME_ZONE)): Promise<number> => {
    const written = await recordDueNotices(orm.em.fork(), today, NOTICE_HORIZON_DAYS);
    if (written > 0) await Promise.all([changes.wake(), watchAlerts.wake()]);
    return written;
  };
  /** One check at a time; a failure is logged and the next check tries again. */
  const checkNotices = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    noticeRun ??= recordNotices()
      .catch((error: unknown) => {
        if (!stopped) console.error('[notices] recording due notices failed; trying again at the next check', error);
        return 0;
      })
      .finally(() => (noticeRun = null));
    return noticeRun;
  };
  await checkNotices();
  const timer = setInterval(() => void checkNotices(), NOTICE_CHECK_MS);
  timer.unref();

  return {
    status,
    changes,
    watchAlerts,
    listener,
    async wake() {
      await Promise.all([status.wake(), changes.wake(), watchAlerts.wake()]);
    },
    recordNotices,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await noticeRun;
      await Promise.all([status.stop(), changes.stop(), watchAlerts.stop()]);
      await listener.stop();
    },
  };
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
function dayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
