-- wrk script: POSTs `/gtm help` as a slash command to /slack/events, signing every request with Slack's v0 scheme
-- (HMAC-SHA256 over "v0:" .. timestamp .. ":" .. body) like Slack does: https://docs.slack.dev/authentication/verifying-requests-from-slack
-- Env: SLACK_SIGNING_SECRET (default "bench-secret"), BENCH_RATE (total req/s across connections; unset = as fast as possible),
--      BENCH_CONNECTIONS (the -c value, to spread BENCH_RATE), BENCH_COMMAND (`help` (default) or `quote`: a
--      `/gtm quote Customer: …` capture, unique per request, each one stored before its 200).
local bit = require("bit")
local band, bor, bxor, bnot, rshift, lshift, ror = bit.band, bit.bor, bit.bxor, bit.bnot, bit.rshift, bit.lshift, bit.ror
local tobit = bit.tobit

local K = {
  0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,
  0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
  0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,
  0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
  0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,
  0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2 }

local function sha256(msg)
  local len = #msg
  msg = msg .. "\128" .. string.rep("\0", (55 - len) % 64)
  local bits = len * 8
  local tail = {}
  for i = 7, 0, -1 do tail[#tail + 1] = string.char(math.floor(bits / 2 ^ (8 * i)) % 256) end
  msg = msg .. table.concat(tail)
  local H = { 0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19 }
  for i = 1, #msg, 64 do
    local w = {}
    for j = 0, 15 do
      local a, b, c, d = msg:byte(i + j * 4, i + j * 4 + 3)
      w[j] = tobit(lshift(a, 24) + lshift(b, 16) + lshift(c, 8) + d)
    end
    for j = 16, 63 do
      local s0 = bxor(ror(w[j-15], 7), ror(w[j-15], 18), rshift(w[j-15], 3))
      local s1 = bxor(ror(w[j-2], 17), ror(w[j-2], 19), rshift(w[j-2], 10))
      w[j] = tobit(w[j-16] + s0 + w[j-7] + s1)
    end
    local a, b, c, d, e, f, g, h = H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8]
    for j = 0, 63 do
      local S1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
      local ch = bxor(band(e, f), band(bnot(e), g))
      local t1 = tobit(h + S1 + ch + K[j + 1] + w[j])
      local S0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
      local maj = bxor(band(a, b), band(a, c), band(b, c))
      local t2 = tobit(S0 + maj)
      h, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + t2)
    end
    H[1], H[2], H[3], H[4] = tobit(H[1] + a), tobit(H[2] + b), tobit(H[3] + c), tobit(H[4] + d)
    H[5], H[6], H[7], H[8] = tobit(H[5] + e), tobit(H[6] + f), tobit(H[7] + g), tobit(H[8] + h)
  end
  local out = {}
  for i = 1, 8 do
    local v = H[i]
    out[i] = string.char(band(rshift(v, 24), 255), band(rshift(v, 16), 255), band(rshift(v, 8), 255), band(v, 255))
  end
  return table.concat(out)
end

local function hmac_sha256(key, msg)
  if #key > 64 then key = sha256(key) end
  key = key .. string.rep("\0", 64 - #key)
  local ipad, opad = {}, {}
  for i = 1, 64 do
    local k = key:byte(i)
    ipad[i] = string.char(bxor(k, 0x36))
    opad[i] = string.char(bxor(k, 0x5c))
  end
  return sha256(table.concat(opad) .. sha256(table.concat(ipad) .. msg))
end

local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end

local secret = os.getenv("SLACK_SIGNING_SECRET") or "bench-secret"
local rate = tonumber(os.getenv("BENCH_RATE") or "")
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1")
local command = os.getenv("BENCH_COMMAND") or "help"
local counter = 0
thread_id = 0 -- set per thread by setup()
local thread_seq = 0

function setup(thread)
  thread_seq = thread_seq + 1
  thread:set("thread_id", thread_seq)
end

function init(args)
  -- Self-check against the docs' worked example before measuring anything.
  local ts = "1531420618"
  local body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
  local sig = "v0=" .. hex(hmac_sha256("8f742231b10e8888abcd99yyyzzz85a5", "v0:" .. ts .. ":" .. body))
  assert(sig == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "HMAC self-check failed: " .. sig)
end

function request()
  counter = counter + 1
  local ts = tostring(os.time())
  local text = "help"
  if command == "quote" then
    -- Unique per request (thread, counter, clock) so every capture is a new row; customers and words vary like real quotes.
    text = "quote%20Customer" .. (counter % 2000) .. "%3A%20the%20export%20breaks%20every%20Monday%20and%20we%20retype%20orders%20by%20hand%20" ..
      thread_id .. "-" .. counter .. "-" .. ts
  end
  local body = "token=x&team_id=TBENCH&team_domain=bench&channel_id=CBENCH" .. (counter % 50) ..
    "&channel_name=bench&user_id=UBENCH" .. (counter % 200) .. "&user_name=bench&command=%2Fgtm&text=" .. text ..
    "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fnone&trigger_id=1.2.3&api_app_id=ABENCH"
  local sig = "v0=" .. hex(hmac_sha256(secret, "v0:" .. ts .. ":" .. body))
  return wrk.format("POST", "/slack/events", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Slack-Request-Timestamp"] = ts,
    ["X-Slack-Signature"] = sig,
  }, body)
end

if rate then
  function delay() return connections * 1000 / rate end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
