package io.outdial.dialer.config;

/**
 * How a campaign hands contacts to agents. The configuration accepts every mode so that a file written for a
 * later version still parses; a campaign whose mode is not {@link #isSupported() supported} yet is refused when
 * the campaign is loaded, with a message naming the campaign, not when the file is read.
 */
public enum DialingMode {
    /** The agent asks for a record, reads it, then dials. */
    PREVIEW,
    /** Records are pushed to Ready agents to preview, accept or reject. */
    PUSH_PREVIEW,
    /** Like push preview, delivered straight to the agent's desktop. */
    DIRECT_PUSH_PREVIEW,
    /** One call per Ready agent, dialed as soon as the agent is free. */
    PROGRESSIVE,
    /** Several calls per agent, paced to keep abandonment under the limit. */
    PREDICTIVE,
    /** The agent is called first and waits, hearing call-waiting music, while records are dialed until one answers. */
    ASSURED_CONNECTION;

    public boolean isSupported() {
        return this == PROGRESSIVE || this == PREVIEW || this == PREDICTIVE || this == PUSH_PREVIEW
                || this == DIRECT_PUSH_PREVIEW || this == ASSURED_CONNECTION;
    }

    /** The spelling used in the YAML file and on the wire ({@code push_preview}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
