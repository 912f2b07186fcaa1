import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import { systemClock } from "../../clock/system-clock.ts";
import { createCursorCodec } from "./cursor.ts";
import { personalDataOperations } from "./personal-data.ts";
import { refreshTokenOperations } from "./refresh-tokens.ts";
import { sessionOperations } from "./sessions.ts";
import type { StoreContext } from "./store-context.ts";
import { ensureTable, tableHealth } from "./table.ts";
import { turnOperations } from "./turns.ts";
import { userOperations } from "./users.ts";

export interface DynamoSessionStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Signs page cursors; any stable secret, the same for every instance serving the API. */
  cursorSecret: string | Uint8Array;
  /** Days session data (sessions, messages, usage) is kept after its last write; unset = forever. */
  retentionDays?: number;
  clock?: Clock;
}

export interface DynamoSessionStore extends SessionStore {
  /** Creates the table with its index and TTL if missing (local and tests; AWS uses infra code). */
  ensureTable(): Promise<void>;
}

const SECONDS_PER_DAY = 86_400;

/** The SessionStore on one DynamoDB table; see ACCESS-PATTERNS.md for the layout. */
export function createDynamoSessionStore(options: DynamoSessionStoreOptions): DynamoSessionStore {
  const ctx: StoreContext = {
    doc: DynamoDBDocumentClient.from(options.client, {
      // Optional message fields (citations, usage, ...) are simply absent from the item.
      marshallOptions: { removeUndefinedValues: true },
    }),
    tableName: options.tableName,
    clock: options.clock ?? systemClock,
    retentionSeconds:
      options.retentionDays === undefined ? undefined : options.retentionDays * SECONDS_PER_DAY,
    cursors: createCursorCodec(options.cursorSecret),
  };
  const sessions = sessionOperations(ctx);
  return {
    ...sessions,
    ...turnOperations(ctx, sessions),
    ...userOperations(ctx),
    ...refreshTokenOperations(ctx),
    ...personalDataOperations(ctx),
    ensureTable: () => ensureTable(options.client, options.tableName),
    health: () => tableHealth(options.client, options.tableName),
  };
}
