-- The internal do-not-call list also names customers: an entry holds a phone number OR a customer id (the value of
-- the campaign's customer-id custom field, dnc.customerIdField, default customer_id), global (campaign NULL) or
-- for one campaign. A record is not dialed when its number or its customer id is listed.
ALTER TABLE do_not_call ADD COLUMN customer_id VARCHAR(64);
ALTER TABLE do_not_call ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE do_not_call ADD CONSTRAINT do_not_call_phone_or_customer
    CHECK ((phone IS NULL) <> (customer_id IS NULL));

-- Checked for every record retrieved for dialing, like do_not_call_phone.
CREATE INDEX do_not_call_customer ON do_not_call (customer_id);
