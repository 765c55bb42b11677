/**
 * Campaigns and their lifecycle: a {@link io.outdial.dialer.campaign.CampaignPlan} is a configured campaign (agents,
 * dialing mode, detection, pacing), a {@link io.outdial.dialer.campaign.Campaign} is where it stands, moving through
 * {@link io.outdial.dialer.campaign.CampaignState} (Load, Start, Stop, Unload), and
 * {@link io.outdial.dialer.campaign.Campaigns} holds them all and sends each move's notices to the campaign's agents.
 * Dialer executor only (state is volatile for metrics and admin reads). It knows no calls and no dialing mode's code.
 */
package io.outdial.dialer.campaign;
