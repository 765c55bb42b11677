/**
 * Treatments (ARCHITECTURE.md section 7): what becomes of a record once its result is final.
 * {@link io.outdial.dialer.treatment.Treatments} maps a call result to at most one
 * {@link io.outdial.dialer.treatment.Treatment} and yields a {@link io.outdial.dialer.treatment.TreatmentStep} (done,
 * retry at a time, next number in the chain, cancel); {@link io.outdial.dialer.treatment.CampaignTreatments} looks them
 * up by campaign. Pure: time comes in as an argument. Today it and {@code store} import each other
 * ({@code CallingRecord} one way, {@code TreatmentStep} the other), a two-package cycle.
 */
package io.outdial.dialer.treatment;
