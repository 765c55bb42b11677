/**
 * What pacing learns online from a campaign's own calls: the live-answer probability
 * ({@link io.outdial.dialer.pacing.estimate.AnswerRateEstimator}), empirical duration distributions of ring, talk and
 * wrap-up times ({@link io.outdial.dialer.pacing.estimate.DurationEstimator}), and from them
 * {@link io.outdial.dialer.pacing.estimate.CampaignEstimates}' forecasts of a ringing call answering live and a busy
 * agent coming free. Pure and single-threaded; depends on no other Outdial package.
 */
package io.outdial.dialer.pacing.estimate;
