-- Several gateways on one store (issue 15, ADR 0016). A Retrieved record is leased: lease_gateway names the gateway
-- that claimed it, lease_until is when the claim lapses unless that gateway renews it. A gateway that dies stops
-- renewing; once the lease has lapsed any gateway reclaims the record: back to Ready when it was never dialed, else
-- Updated with System Error (and, when the contact had answered, its number held back by the 72-hour no-redial rule).
-- dialed_at / answered_at say how far the call of the current claim got; every claim clears them.
-- (Numbered 12 to keep clear of other branches' V8..V11; renumber freely at merge, nothing refers to the number.)
ALTER TABLE calling_record ADD COLUMN lease_gateway VARCHAR(64);
ALTER TABLE calling_record ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE calling_record ADD COLUMN dialed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE calling_record ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;

-- The reclaim sweep looks for lapsed leases of Retrieved records; renewal for a gateway's own.
CREATE INDEX calling_record_lease ON calling_record (record_status, lease_until);
CREATE INDEX calling_record_lease_gateway ON calling_record (lease_gateway, record_status);
