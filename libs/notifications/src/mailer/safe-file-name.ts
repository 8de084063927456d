import { sha256 } from './message-id';

/**
 * A file name that stands for `name` and nothing else: the name itself when it is plain enough,
 * otherwise a readable prefix plus a hash, so two different names never share a file.
 */
export function safeFileName(name: string): string {
  if (/^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,179}$/.test(name)) return name;
  const readable = name
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 100);
  return `${readable}~${sha256(name).slice(0, 16)}`;
}
