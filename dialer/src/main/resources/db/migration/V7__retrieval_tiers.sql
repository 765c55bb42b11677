-- Retrieval asks in three tiers (CallingListStore.TIERS): the top of the list, callbacks, then the bulk by schedule
-- and id. With these, each tier walks an index in its own order and stops after a few rows, instead of reading every
-- Ready record of the campaign on each retrieval.
CREATE INDEX calling_record_tier ON calling_record (campaign, record_status, list_top, dial_sched_time NULLS FIRST,
    record_id);
CREATE INDEX calling_record_type ON calling_record (campaign, record_status, record_type);
