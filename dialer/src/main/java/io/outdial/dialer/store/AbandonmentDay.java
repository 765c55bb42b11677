package io.outdial.dialer.store;

import java.time.LocalDate;

/** A campaign's stored abandonment counts for one calendar day. */
public record AbandonmentDay(LocalDate day, long liveAnswered, long abandoned, long machines) { }
