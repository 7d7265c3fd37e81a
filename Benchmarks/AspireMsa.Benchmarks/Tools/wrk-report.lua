-- wrk script for the benchmark suite: cycles GET requests over the paths listed in $WRK_PATHS (one per line), paces each
-- connection with $WRK_DELAY_MS of think time when set (a fixed offered load), and prints one machine-readable line.

local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if #line > 0 then
    paths[#paths + 1] = line
  end
end

local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0") or 0
local next_path = 0

function init(args)
  -- Each thread starts at a different product, so connections do not move through the list in lock step.
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

-- wrk decides once, at load, whether a script paces requests: define delay() only when a pace was asked for.
if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_REPORT {"requests":%d,"durationUs":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
