-- wrk script of the measures benchmark: each request checks a random person of the generated list
-- on matter XZSP. The numbers go in the body only, never in the URL.
-- Usage: wrk ... -s bench/measure-check.lua URL -- NUMBERS_FILE TOKEN
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
end

local numbers = {}

function init(args)
    for line in io.lines(args[1]) do
        numbers[#numbers + 1] = line
    end
    math.randomseed(os.time() * 1000 + id)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. args[2]
end

function request()
    local number = numbers[math.random(#numbers)]
    return wrk.format(nil, nil, nil, '{"idNumber":"' .. number .. '","matterCode":"XZSP"}')
end
