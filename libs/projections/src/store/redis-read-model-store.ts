import type { Redis } from 'ioredis';
import { compareIds } from './in-memory-read-model-store';
import {
  CheckpointConflictError,
  type ListOptions,
  type Page,
  type ReadModelGeneration,
  type ReadModelSnapshot,
  type ReadModelStore,
  type WriteBatch,
} from './read-model-store';
import {
  applyBatchScript,
  checkpointScript,
  createGenerationScript,
  deleteKeysScript,
  getManyScript,
  getScript,
  listScript,
  promoteScript,
  readKeyScript,
  scanGenerationScript,
} from './redis-scripts';

export interface RedisReadModelStoreOptions {
  /** A client without its own `keyPrefix` option: the store builds every key itself. */
  redis: Redis;
  /** Prepended to every key as is, e.g. `holds:read-models:`. */
  keyPrefix: string;
}

type Reply = string | number | null | Reply[];
type ScriptCall = (...args: (string | number)[]) => Promise<Reply>;

const scripts = {
  readModelGet: getScript,
  readModelGetMany: getManyScript,
  readModelList: listScript,
  readModelCheckpoint: checkpointScript,
  readModelApplyBatch: applyBatchScript,
  readModelCreateGeneration: createGenerationScript,
  readModelPromote: promoteScript,
  readModelDeleteKeys: deleteKeysScript,
  readModelScanGeneration: scanGenerationScript,
  readModelReadKey: readKeyScript,
} as const;
type ScriptName = keyof typeof scripts;

/**
 * Read models in Redis (production). Key layout under the prefix:
 * - `generation`: id of the generation readers see ('0' when unset); `generation-seq`, `building`: rebuild bookkeeping
 * - `g<gen>:checkpoint`: position of the last event applied, decimal
 * - `g<gen>:doc:<collection>`: hash, document id → JSON
 * - `g<gen>:ix:<collection>:<index>`: set of document ids (the lists)
 */
export class RedisReadModelStore implements ReadModelStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(
    options: RedisReadModelStoreOptions,
    /** Set on the store of a generation being rebuilt; '' follows the current generation. */
    private readonly pinnedGeneration = '',
  ) {
    if (options.redis.options.keyPrefix) {
      throw new Error('RedisReadModelStore builds its own keys: pass a client without keyPrefix and set keyPrefix here');
    }
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
    for (const [name, lua] of Object.entries(scripts)) {
      if (!(name in this.redis)) this.redis.defineCommand(name, { numberOfKeys: 0, lua });
    }
  }

  private call(name: ScriptName, ...args: (string | number)[]): Promise<Reply> {
    const script = (this.redis as unknown as Record<ScriptName, ScriptCall>)[name];
    return script.call(this.redis, this.prefix, this.pinnedGeneration, ...args);
  }

  async getCheckpoint(): Promise<bigint | null> {
    const value = await this.call('readModelCheckpoint');
    return typeof value === 'string' ? BigInt(value) : null;
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    const json = await this.call('readModelGet', collection, id);
    return typeof json === 'string' ? (JSON.parse(json) as T) : undefined;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    const values = (await this.call('readModelGetMany', collection, ...ids)) as (string | null)[];
    return values.map((json) => (typeof json === 'string' ? (JSON.parse(json) as T) : undefined));
  }

  async list<T>(collection: string, options: ListOptions = {}): Promise<Page<T>> {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = options.limit === undefined ? -1 : Math.max(0, options.limit);
    const [total, ...docs] = (await this.call('readModelList', collection, options.index ?? '', offset, limit)) as [number, ...(string | null)[]];
    const items = docs.filter((json): json is string => typeof json === 'string').map((json) => JSON.parse(json) as T);
    return { items, total, offset, limit: limit === -1 ? items.length : limit };
  }

  async applyBatch(batch: WriteBatch): Promise<void> {
    const args: (string | number)[] = [
      batch.expectedCheckpoint === null ? '' : batch.expectedCheckpoint.toString(),
      batch.checkpoint.toString(),
      batch.writes.length,
    ];
    for (const write of batch.writes) {
      args.push(write.collection, write.id, write.doc === null ? '' : JSON.stringify(write.doc));
      args.push(write.addIndexes.length, ...write.addIndexes, write.removeIndexes.length, ...write.removeIndexes);
    }
    const reply = await this.call('readModelApplyBatch', ...args);
    if (Array.isArray(reply)) {
      const actual = reply[1];
      throw new CheckpointConflictError(batch.expectedCheckpoint, typeof actual === 'string' && actual !== '' ? BigInt(actual) : null);
    }
  }

  async snapshot(): Promise<ReadModelSnapshot> {
    const suffixes: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = (await this.call('readModelScanGeneration', cursor)) as [string, string[]];
      suffixes.push(...found);
      cursor = next;
    } while (cursor !== '0');

    const documents: ReadModelSnapshot['documents'] = {};
    const indexes: ReadModelSnapshot['indexes'] = {};
    for (const suffix of suffixes.sort(compareIds)) {
      if (suffix.startsWith('doc:')) {
        const fields = (await this.call('readModelReadKey', suffix)) as string[];
        const entries: [string, unknown][] = [];
        for (let i = 0; i < fields.length; i += 2) entries.push([fields[i], JSON.parse(fields[i + 1])]);
        documents[suffix.slice('doc:'.length)] = Object.fromEntries(entries.sort(([a], [b]) => compareIds(a, b)));
      } else if (suffix.startsWith('ix:')) {
        const rest = suffix.slice('ix:'.length);
        const colon = rest.indexOf(':');
        const [collection, index] = [rest.slice(0, colon), rest.slice(colon + 1)];
        const members = (await this.call('readModelReadKey', suffix)) as string[];
        (indexes[collection] ??= {})[index] = members.sort(compareIds);
      }
    }
    return { checkpoint: await this.getCheckpoint(), documents, indexes };
  }

  async createGeneration(): Promise<ReadModelGeneration> {
    const [generation, stale] = (await this.call('readModelCreateGeneration')) as [string, string];
    if (stale !== '') await this.deleteGeneration(stale);
    const options = { redis: this.redis, keyPrefix: this.prefix };
    return {
      store: new RedisReadModelStore(options, generation),
      promote: async () => {
        const previous = (await this.call('readModelPromote', generation)) as string;
        await this.deleteGeneration(previous);
      },
      discard: () => this.deleteGeneration(generation),
    };
  }

  private async deleteGeneration(generation: string): Promise<void> {
    const pattern = `${escapeGlob(`${this.prefix}g${generation}:`)}*`;
    let cursor = '0';
    do {
      cursor = (await this.call('readModelDeleteKeys', pattern, cursor)) as string;
    } while (cursor !== '0');
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
