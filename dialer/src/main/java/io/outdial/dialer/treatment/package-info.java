/**
 * Treatments (ARCHITECTURE.md section 7): what becomes of a record once its result is final.
 * {@link io.outdial.dialer.treatment.Treatments} maps a call result to at most one
 * {@link io.outdial.dialer.treatment.Treatment} and yields a {@link io.outdial.dialer.store.TreatmentStep} (done,
 * retry at a time, next number in the chain, cancel); {@link io.outdial.dialer.treatment.CampaignTreatments} looks them
 * up by campaign. Pure: time comes in as an argument. It imports {@code store}; {@code TreatmentStep} lives in
 * {@code store}, which writes it, so the two no longer import each other.
 */
package io.outdial.dialer.treatment;
