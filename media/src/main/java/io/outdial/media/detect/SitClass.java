package io.outdial.media.detect;

/**
 * What a special information tone says about a call, from its first two segments (ARCHITECTURE.md section 5);
 * {@link #UNKNOWN} is a three-segment SIT within the ITU-T E.180 ranges that fits none of the four codes.
 */
public enum SitClass {
    /** NC: 985.2 Hz / 380 ms, 1428.5 Hz / 380 ms. */
    NO_CIRCUIT,
    /** IC: 913.8 Hz / 274 ms, 1370.6 Hz / 274 ms. */
    OPERATOR_INTERCEPT,
    /** VC: 985.2 Hz / 380 ms, 1370.6 Hz / 274 ms. */
    VACANT_CODE,
    /** RO: 913.8 Hz / 274 ms, 1428.5 Hz / 380 ms. */
    REORDER,
    /** A SIT whose segments fit none of the codes above (another code, or frequencies off the nominal ones). */
    UNKNOWN
}
