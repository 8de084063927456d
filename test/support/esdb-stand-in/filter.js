'use strict';
// Server-side $all filters of a Read request: on the event type or the stream identifier, by a list of
// prefixes (any may match) or by a regular expression (unanchored, like .NET's Regex.IsMatch; JS regex
// syntax, which agrees with .NET for the patterns clients send).
const { streams } = require('./messages');

const { FilterCase, WindowCase } = streams.ReadReq.Options.FilterOptions;
// EventStoreDB's page size for filtered reads when the client sends no max search window.
const DEFAULT_SEARCH_WINDOW = 32;

/**
 * @returns {{ matches: (record: { type: string, streamId: string }) => boolean, checkpointInterval: number } | undefined}
 *   undefined when the request has no filter (then a subscription sends no checkpoints, as on a real server)
 */
function readFilter(options) {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter();
  const onType = filter.getFilterCase() === FilterCase.EVENT_TYPE;
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const field = onType ? 'type' : 'streamId';
  const window = filter.getWindowCase() === WindowCase.MAX ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (record) =>
      (prefixes.length === 0 || prefixes.some((prefix) => record[field].startsWith(prefix))) &&
      (regex === undefined || regex.test(record[field])),
    // A checkpoint after every `multiplier × window` events considered, matching or not.
    checkpointInterval: Math.max(1, filter.getCheckpointintervalmultiplier()) * window,
  };
}

module.exports = { readFilter };
