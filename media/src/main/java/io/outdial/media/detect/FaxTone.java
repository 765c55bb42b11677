package io.outdial.media.detect;

/** Which answer tone a fax or modem sent. */
public enum FaxTone {
    /** Steady 2100 Hz (ITU-T T.30 CED, V.25 ANS). */
    CED,
    /** 2100 Hz amplitude-modulated at 15 Hz (ITU-T V.8 ANSam). */
    ANSAM
}
