/**
 * Record Information, the calling-list fields agents see and edit: a campaign's
 * {@link io.outdial.dialer.recordinfo.RecordFields} (each a {@link io.outdial.dialer.recordinfo.RecordField} of a
 * {@link io.outdial.dialer.recordinfo.FieldType}) and the pure check of an edit, and
 * {@link io.outdial.dialer.recordinfo.RecordDesk}, which persists edits and serves the contact history. The desk is
 * called on the dialer executor, runs store work on the database pool and replies back on the dialer executor.
 */
package io.outdial.dialer.recordinfo;
