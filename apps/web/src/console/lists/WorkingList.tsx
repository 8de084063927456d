import type { ComponentChildren } from 'preact';
import { Loading, type Loaded } from '../../shared/ui';
import { useConsole } from '../console-context';

/** A working list as a table: loading or its problem, a sentence when it is empty, else one row per item. */
export function WorkingList<T>({
  loaded,
  empty,
  caption,
  columns,
  row,
}: {
  loaded: Loaded<T[]>;
  empty: string;
  caption(total: number): string;
  columns: string[];
  row(item: T): ComponentChildren;
}) {
  const { text } = useConsole();
  if (!loaded.data) return <Loading loaded={loaded} text={text} />;
  if (loaded.data.length === 0) return <p>{empty}</p>;
  return (
    <table class="responsive">
      <caption>{caption(loaded.data.length)}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{loaded.data.map((item) => row(item))}</tbody>
    </table>
  );
}
