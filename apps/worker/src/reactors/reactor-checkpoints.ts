import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/** Where a reactor (mail sender, slot releaser) remembers the last event it handled, so a restart resumes there. */
export interface ReactorCheckpoints {
  get(name: string): Promise<bigint | null>;
  set(name: string, position: bigint): Promise<void>;
}

export class FileReactorCheckpoints implements ReactorCheckpoints {
  constructor(private readonly directory: string) {}

  async get(name: string): Promise<bigint | null> {
    try {
      return BigInt((await readFile(join(this.directory, `${name}.checkpoint`), 'utf8')).trim());
    } catch {
      return null;
    }
  }

  async set(name: string, position: bigint): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = join(this.directory, `${name}.checkpoint`);
    // Write then rename: a crash leaves the old checkpoint or the new one, never half of one.
    await writeFile(`${file}.tmp`, position.toString());
    await rename(`${file}.tmp`, file);
  }
}

export class RedisReactorCheckpoints implements ReactorCheckpoints {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(name: string): Promise<bigint | null> {
    const value = await this.redis.get(`${this.prefix}reactor-checkpoint:${name}`);
    return value === null ? null : BigInt(value);
  }

  async set(name: string, position: bigint): Promise<void> {
    await this.redis.set(`${this.prefix}reactor-checkpoint:${name}`, position.toString());
  }
}
