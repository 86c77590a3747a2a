-- wrk script: each request takes the next path from the file named by
-- the environment variable LOAD_PATHS (one path per line), round robin
-- per thread, so many different articles and queries are asked for.
local paths = {}
local i = 0

function init(args)
  local file = assert(io.open(os.getenv("LOAD_PATHS"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
