package io.outdial.dialer.call;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the tests of {@link CampaignCall} share: the trunk a contact is dialed through, the two dial requests, and an
 * observer writing down the call's milestones.
 */
final class CampaignCallFixtures {
    /** The test trunk: 127.0.0.1:5070 over UDP, caller id 100 "Outdial". */
    static final TrunkConfig TRUNK = new TrunkConfig("127.0.0.1", 5070, Transport.UDP, null, "100", "Outdial");

    private CampaignCallFixtures() {
    }

    /** The contact's number through {@link #TRUNK}, rung for 30 s. */
    static DialRequest contact(String number) {
        return DialRequest.contactViaTrunk(TRUNK, number, Duration.ofSeconds(30));
    }

    /** An agent's phone over UDP, rung for 20 s, showing the contact's number and the campaign. */
    static DialRequest agentPhone(String phone, String contactNumber, String campaign) {
        return DialRequest.agentPhone(phone, Transport.UDP, contactNumber, campaign, Duration.ofSeconds(20));
    }

    /**
     * Writes the name of each milestone it is told (contactAnswered, agentRinging, connected, finished) into the
     * test's list, in order, and gives the test the outcome. A test that wants more overrides the others.
     */
    static class MilestoneLog implements CampaignCall.Observer {
        private final List<String> milestones;
        private final Consumer<CallOutcome> outcome;

        MilestoneLog(List<String> milestones, Consumer<CallOutcome> outcome) {
            this.milestones = milestones;
            this.outcome = outcome;
        }

        /** Writes a milestone down. */
        final void note(String milestone) {
            milestones.add(milestone);
        }

        @Override
        public void contactAnswered(CampaignCall c) {
            note("contactAnswered");
        }

        @Override
        public void agentRinging(CampaignCall c) {
            note("agentRinging");
        }

        @Override
        public void connected(CampaignCall c) {
            note("connected");
        }

        @Override
        public void finished(CampaignCall c, CallOutcome o) {
            note("finished");
            outcome.accept(o);
        }
    }
}
