/**
 * Lua scripts of the Redis read-model store. Every script resolves the current generation itself, so one call
 * reads or writes one complete generation even while a rebuild swaps generations (Redis runs a script atomically).
 *
 * ARGV[1] is the key prefix, ARGV[2] a pinned generation ('' = the current one; ignored by the generation
 * bookkeeping scripts). Keys are built inside the
 * scripts, which a single Redis server allows (not Redis Cluster).
 */

const generationOf = `
local prefix = ARGV[1]
local generation = ARGV[2]
if generation == '' then
  generation = redis.call('GET', prefix .. 'generation') or '0'
end
local base = prefix .. 'g' .. generation .. ':'
local function docKey(collection) return base .. 'doc:' .. collection end
local function indexKey(collection, index) return base .. 'ix:' .. collection .. ':' .. index end
local function hmgetAll(key, ids)
  local out = {}
  for i = 1, #ids, 500 do
    local chunk = {}
    for j = i, math.min(i + 499, #ids) do chunk[#chunk + 1] = ids[j] end
    local values = redis.call('HMGET', key, unpack(chunk))
    for j = 1, #values do out[#out + 1] = values[j] end
  end
  return out
end
`;

/** ARGV[3] collection, ARGV[4] id → JSON or nil */
export const getScript = `${generationOf}
return redis.call('HGET', docKey(ARGV[3]), ARGV[4])`;

/** ARGV[3] collection, ARGV[4..] ids → JSON or false, in order */
export const getManyScript = `${generationOf}
local ids = {}
for i = 4, #ARGV do ids[#ids + 1] = ARGV[i] end
return hmgetAll(docKey(ARGV[3]), ids)`;

/** ARGV[3] collection, ARGV[4] index ('' = whole collection), ARGV[5] offset, ARGV[6] limit (-1 = all) → {total, JSON...} ordered by id */
export const listScript = `${generationOf}
local ids
if ARGV[4] == '' then
  ids = redis.call('HKEYS', docKey(ARGV[3]))
else
  ids = redis.call('SMEMBERS', indexKey(ARGV[3], ARGV[4]))
end
table.sort(ids)
local offset = tonumber(ARGV[5])
local limit = tonumber(ARGV[6])
local last = #ids
if limit >= 0 then last = math.min(last, offset + limit) end
local slice = {}
for i = offset + 1, last do slice[#slice + 1] = ids[i] end
local out = { #ids }
local docs = hmgetAll(docKey(ARGV[3]), slice)
for i = 1, #docs do out[#out + 1] = docs[i] end
return out`;

/** → checkpoint as a decimal string, or nil */
export const checkpointScript = `${generationOf}
return redis.call('GET', base .. 'checkpoint')`;

/**
 * ARGV[3] expected checkpoint ('' = none), ARGV[4] new checkpoint, ARGV[5] number of writes, then per write:
 * collection, id, JSON ('' = delete), number of indexes to add, those indexes, number to remove, those indexes.
 * → 'OK', or {'conflict', actual} having written nothing.
 */
export const applyBatchScript = `${generationOf}
local checkpointKey = base .. 'checkpoint'
local actual = redis.call('GET', checkpointKey) or ''
if actual ~= ARGV[3] then return { 'conflict', actual } end
local i = 6
for _ = 1, tonumber(ARGV[5]) do
  local collection, id, json = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if json == '' then
    redis.call('HDEL', docKey(collection), id)
  else
    redis.call('HSET', docKey(collection), id, json)
  end
  i = i + 3
  for _ = 1, tonumber(ARGV[i]) do
    redis.call('SADD', indexKey(collection, ARGV[i + 1]), id)
    i = i + 1
  end
  i = i + 1
  for _ = 1, tonumber(ARGV[i]) do
    redis.call('SREM', indexKey(collection, ARGV[i + 1]), id)
    i = i + 1
  end
  i = i + 1
end
redis.call('SET', checkpointKey, ARGV[4])
return 'OK'`;

/** → {new generation, the generation a previous unfinished rebuild left behind (or '')} */
export const createGenerationScript = `
local prefix = ARGV[1]
local current = redis.call('GET', prefix .. 'generation') or '0'
local stale = redis.call('GET', prefix .. 'building') or ''
if stale == current then stale = '' end
local generation = tostring(redis.call('INCR', prefix .. 'generation-seq'))
redis.call('SET', prefix .. 'building', generation)
return { generation, stale }`;

/** ARGV[3] generation to show → the generation it replaced */
export const promoteScript = `
local prefix = ARGV[1]
local previous = redis.call('GET', prefix .. 'generation') or '0'
redis.call('SET', prefix .. 'generation', ARGV[3])
if redis.call('GET', prefix .. 'building') == ARGV[3] then redis.call('DEL', prefix .. 'building') end
return previous`;

/** ARGV[3] glob of the generation's keys, ARGV[4] SCAN cursor → next cursor; unlinks one SCAN step of keys */
export const deleteKeysScript = `
local result = redis.call('SCAN', ARGV[4], 'MATCH', ARGV[3], 'COUNT', 1000)
for i = 1, #result[2], 500 do
  local chunk = {}
  for j = i, math.min(i + 499, #result[2]) do chunk[#chunk + 1] = result[2][j] end
  redis.call('UNLINK', unpack(chunk))
end
return result[1]`;

/** ARGV[3] SCAN cursor → {next cursor, key suffixes after 'g<gen>:'} of the generation's document and index keys */
export const scanGenerationScript = `${generationOf}
local pattern = string.gsub(base, '[%*%?%[%]\\\\]', '\\\\%0') .. '*'
local result = redis.call('SCAN', ARGV[3], 'MATCH', pattern, 'COUNT', 1000)
local suffixes = {}
for i = 1, #result[2] do suffixes[#suffixes + 1] = string.sub(result[2][i], #base + 1) end
return { result[1], suffixes }`;

/** ARGV[3] key suffix → the hash's fields and values, or the set's members */
export const readKeyScript = `${generationOf}
local key = base .. ARGV[3]
if redis.call('TYPE', key).ok == 'hash' then return redis.call('HGETALL', key) end
return redis.call('SMEMBERS', key)`;
