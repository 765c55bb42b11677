/**
 * The vocabulary of calling-list records: {@link io.outdial.dialer.record.CallResult} (an attempt's outcome, with the
 * reference system's numeric codes), {@link io.outdial.dialer.record.RecordStatus} (Ready, Retrieved, Updated, ...,
 * with its transitions), {@link io.outdial.dialer.record.RecordType}, and the mapping of failed contact legs to
 * results ({@link io.outdial.dialer.record.FailureResults}). Values only: it depends on no other dialer package, so
 * every layer may use it.
 */
package io.outdial.dialer.record;
