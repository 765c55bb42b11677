-- A record whose interaction preview was rejected or not answered in time goes back to the TOP of its calling list:
-- it is the next one retrieved from its campaign (push preview, direct push preview, progressive preview). The
-- flag is cleared when the record is retrieved again.
ALTER TABLE calling_record ADD COLUMN list_top BOOLEAN DEFAULT FALSE NOT NULL;
