-- What each gateway on a shared store last reported of itself (issue 15): the supervisor view of any gateway shows
-- every gateway's agents and calls. Each gateway writes only its own row, every few seconds (LiveStats.INTERVAL);
-- a row not refreshed for a while is a gateway that stopped or died, shown as such, never deleted by another.
-- agents: a JSON list of {"id","state"} of the agents logged in there.
CREATE TABLE gateway_presence (
    gateway_id        VARCHAR(64) PRIMARY KEY,
    seen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    calls_in_progress INTEGER NOT NULL,
    agents            VARCHAR(1000000) NOT NULL
);
