-- Agents' SIP passwords set through the admin API (PUT /api/agents/{id}/sip-password), kept across restarts. Only
-- the digest HA1 of each algorithm for the registrar's realm is stored, never the password; a row for another realm
-- than the one configured is not used (its HA1s cannot match).
CREATE TABLE agent_sip_password (
    agent_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    realm       VARCHAR(64)  NOT NULL,
    ha1_md5     VARCHAR(32)  NOT NULL,
    ha1_sha256  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);
