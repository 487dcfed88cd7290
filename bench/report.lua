-- wrk script for the Kurs benchmark: counts the answers that are not 2xx (wrk's own count
-- leaves out 3xx, and a redirect to the login page is a failure here) and prints the run's
-- figures as one line of JSON after "BENCH ", read by bench/wrk.py. Latencies in microseconds.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first_non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_non2xx == 0 then
      first_non2xx = status
    end
  end
end

function done(summary, latency, requests)
  local non2xx_total, first = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + (thread:get("non2xx") or 0)
    local status = thread:get("first_non2xx") or 0
    if first == 0 and status ~= 0 then
      first = status
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "non2xx": %d, "first_non2xx": %d, "connect_errors": %d, '
      .. '"read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    non2xx_total, first, errors.connect, errors.read, errors.write, errors.timeout
  ))
end
