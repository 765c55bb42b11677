package io.outdial.dialer.config;

/** How a campaign hands contacts to agents: the one type the dialer chooses a mode's behaviour by. */
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

    /** The spelling used in the YAML file and on the wire ({@code push_preview}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How the desktop shows the mode: "Progressive", "Push Preview", ... */
    public String label() {
        StringBuilder b = new StringBuilder();
        for (String word : name().split("_")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    /** Push preview and direct push preview: the gateway pushes records to the agent's desktop to preview. */
    public boolean pushesPreviews() {
        return this == PUSH_PREVIEW || this == DIRECT_PUSH_PREVIEW;
    }

    /** "Manual" for preview (the agent pulls records); "Automatic" for the modes that push calls to agents. */
    public String deliveryLabel() {
        return this == PREVIEW ? "Manual" : "Automatic";
    }
}
