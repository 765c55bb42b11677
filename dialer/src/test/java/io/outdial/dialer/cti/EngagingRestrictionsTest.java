package io.outdial.dialer.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engaging phase's restricted actions, as the agent help pages list them. */
class EngagingRestrictionsTest {

    @Test
    void everyActionOfTheHelpPageIsRestricted() {
        assertEquals(Optional.of("Reschedule"), EngagingRestrictions.actionOf(
                new CtiCommand.ScheduleCallback("r", "i", "2030-01-01T10:00", null, null, null)));
        assertEquals(Optional.of("SetCallResult"), EngagingRestrictions.actionOf(
                new CtiCommand.SetCallResult("r", "i", "ANSWER")));
        assertEquals(Optional.of("Release"), EngagingRestrictions.actionOf(new CtiCommand.ReleaseCall("r", "i")));
        assertEquals(Optional.of("Transfer"), EngagingRestrictions.actionOf(new CtiCommand.Transfer("r", "i", "x", null)));
        assertEquals(Optional.of("Consult"), EngagingRestrictions.actionOf(new CtiCommand.Consult("r", "i", "x", null)));
        assertEquals(Optional.of("Conference"), EngagingRestrictions.actionOf(
                new CtiCommand.Conference("r", "i", "x", null)));
        assertEquals(Optional.of("Recall"), EngagingRestrictions.actionOf(new CtiCommand.Recall("r", "i")));
        assertEquals(Optional.of("Logout"), EngagingRestrictions.actionOf(new CtiCommand.Logout("r")));
        assertEquals(Optional.of("Hold"), EngagingRestrictions.actionOf(new CtiCommand.Hold("r", "i")));
        assertEquals(Optional.of("MakeCall"), EngagingRestrictions.actionOf(new CtiCommand.GetRecord("r", "c")));
        assertEquals(Optional.of("MakeCall"), EngagingRestrictions.actionOf(new CtiCommand.Call("r", "i")));
    }

    @Test
    void stateAndCampaignQueriesStayAllowed() {
        assertTrue(EngagingRestrictions.actionOf(new CtiCommand.NotReady("r", null)).isEmpty());
        assertTrue(EngagingRestrictions.actionOf(new CtiCommand.GetMyCampaigns("r")).isEmpty());
        assertTrue(EngagingRestrictions.message("Hold").startsWith("Hold is not available during the engaging phase"));
    }
}
