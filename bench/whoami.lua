-- wrk script of the measures benchmark: the trivial endpoint behind the same authentication.
-- Usage: wrk ... -s bench/whoami.lua URL -- TOKEN
function init(args)
    wrk.headers["Authorization"] = "Bearer " .. args[1]
end
