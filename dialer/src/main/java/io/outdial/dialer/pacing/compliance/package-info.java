/**
 * The abandonment rules of a campaign as pure logic: {@link io.outdial.dialer.pacing.compliance.ComplianceSettings}
 * (limit, rolling window, AMD false positives), the {@link io.outdial.dialer.pacing.compliance.AbandonmentLedger} of
 * live answers and abandoned calls per day with the slack pacing may still spend, its
 * {@link io.outdial.dialer.pacing.compliance.AbandonmentReport}, and the 72-hour no-redial
 * {@link io.outdial.dialer.pacing.compliance.AbandonedRedialFilter}. Time comes in as arguments; depends on no other
 * Outdial package.
 */
package io.outdial.dialer.pacing.compliance;
