package io.outdial.dialer.stats;

import java.time.Instant;

/**
 * One point of the supervisor's charts: the gateway's figures at {@code at}.
 *
 * @param callsInProgress  campaign calls from dial to hang-up
 * @param dialed           contacts dialed since start (all campaigns)
 * @param finished         call results written since start
 * @param answered         of those, Answer (33)
 * @param dialsPerMinute   contacts dialed over the last minute
 * @param answerRate       answered / finished since start (0 before the first result)
 * @param abandonmentToday abandoned / live answered today, all campaigns (the compliance ledger's counts)
 * @param busyFactor       mean busy factor of the paced campaigns, or null when none is paced
 */
public record StatsSample(Instant at, int callsInProgress, double dialed, double finished, double answered,
                          double dialsPerMinute, double answerRate, double abandonmentToday, Double busyFactor) { }
