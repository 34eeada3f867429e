-- Request generator and reporter for deploy/bench/bench.sh (wrk 4.x). Settings come from the environment:
--   BENCH_METHOD (GET), BENCH_PATH, BENCH_BODY (JSON, optional), BENCH_TOKEN (bearer token, optional),
--   BENCH_MAX_ID: every "%d" in the path and body becomes a random id from 1 to BENCH_MAX_ID, per request;
--   BENCH_DELAY_MS: pause of each connection between requests (light background traffic), 0 by default.
-- done() prints one machine-readable RESULT line that bench.sh parses.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
local token = os.getenv("BENCH_TOKEN")
local headers = {}
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
if body and body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
local templated = path:find("%%d") or (body and body:find("%%d"))
local fixed = nil
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

function init(args)
  -- each wrk thread has its own Lua state; seed them differently
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  if not templated then fixed = wrk.format(method, path, headers, body) end
end

function request()
  if fixed then return fixed end
  local id = tostring(math.random(1, max_id))
  local p = (path:gsub("%%d", id))
  local b = body and (body:gsub("%%d", id)) or nil
  return wrk.format(method, p, headers, b)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
