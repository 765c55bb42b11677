package io.outdial.dialer.context;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.config.AudioSettings;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.media.MediaEngine;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.Transport;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The services the dialer's parts share.
 *
 * @param dialer           the serial executor owning agents, campaigns and pacing (the dialer's actor)
 * @param workers          the pool call executors run on
 * @param database         the bounded pool every store call runs on (never an event loop, never a SIP thread)
 * @param trunks           the trunks and each campaign's route out (trunk, caller ids); no contact is dialed while
 *                         its campaign's trunk does not allow calls (registration)
 * @param ringTimeout      how long a contact may ring
 * @param agentRingTimeout how long an agent's phone may ring
 * @param agentTransport   transport towards agents' phones
 * @param media            RTP endpoints, detectors and players
 * @param audio            the recordings calls play (hold music, safe-harbour message)
 * @param treatments       what follows a record's final result, per campaign
 * @param records          where every dialing mode gets its records: retrieval plus the pre-dial (do-not-call)
 *                         check
 * @param work             how agents work each campaign's records (Record Information fields, callbacks, Mark Done)
 * @param ids              the one source of interaction ids, whose prefix names the owning mode
 */
public record DialerContext(CallExecutor dialer, Executor workers, Executor database, Scheduler scheduler,
                            CallingListStore store, SipUserAgent userAgent, DialerMetrics metrics,
                            io.outdial.dialer.trunk.Trunks trunks,
                            Duration ringTimeout, Duration agentRingTimeout, Transport agentTransport,
                            MediaEngine media, AudioSettings audio,
                            CampaignTreatments treatments, RecordSource records, RecordWork work,
                            InteractionIds ids) {
}
