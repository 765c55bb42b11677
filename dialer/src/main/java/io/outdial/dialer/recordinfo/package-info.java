/**
 * Record Information, the calling-list fields agents see and edit: a campaign's
 * {@link io.outdial.dialer.recordinfo.RecordFields} (each a {@link io.outdial.dialer.recordinfo.RecordField} of a
 * {@link io.outdial.dialer.recordinfo.FieldType}) and the pure check of an edit.
 * {@code desk.RecordDesk} persists edits and serves the contact history.
 */
package io.outdial.dialer.recordinfo;
