-- Campaign state shared by the gateways on one store (issue 15, ADR 0016): a supervisor's Load, Start, Stop or Unload
-- on any gateway is written here; every gateway polls the table and applies a newer version written by another.
-- version only grows, so a gateway applies each change once, in order. Shut-downs and autoLoad/autoStart are not
-- written: they are one gateway's own business.
-- (Numbered 13 to keep clear of other branches' migrations; renumber freely at merge.)
CREATE TABLE campaign_control (
    campaign   VARCHAR(64) PRIMARY KEY,
    state      VARCHAR(16) NOT NULL,
    version    BIGINT      NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
