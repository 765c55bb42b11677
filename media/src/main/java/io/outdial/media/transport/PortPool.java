package io.outdial.media.transport;

import java.util.BitSet;

/**
 * The even ports of the configured RTP range, handed out round-robin so that a port just released is the last to be
 * reused: late packets of a finished call then land on a closed port, not in the next call.
 */
final class PortPool {

    private final int first;
    private final int last;
    private final int capacity;
    private final BitSet taken;
    private int cursor;
    private int inUse;

    /** The even ports p with {@code min <= p <= max}. */
    PortPool(int min, int max) {
        this.first = min + (min & 1);
        this.last = max - (max & 1);
        this.capacity = last >= first ? (last - first) / 2 + 1 : 0;
        this.taken = new BitSet(capacity);
    }

    /** Takes the next free even port after the last one handed out, or returns -1 when every port is taken. */
    synchronized int take() {
        if (inUse == capacity) {
            return -1;
        }
        int slot = taken.nextClearBit(cursor);
        if (slot >= capacity) {
            slot = taken.nextClearBit(0);
        }
        taken.set(slot);
        inUse++;
        cursor = slot + 1 == capacity ? 0 : slot + 1;
        return first + 2 * slot;
    }

    /** Gives a port back. Releasing a port that is not taken is a bug in the caller. */
    synchronized void release(int port) {
        int slot = (port - first) / 2;
        if (port < first || port > last || (port & 1) != 0 || !taken.get(slot)) {
            throw new IllegalStateException("port " + port + " is not taken from " + this);
        }
        taken.clear(slot);
        inUse--;
    }

    synchronized int inUse() {
        return inUse;
    }

    int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "RTP ports " + first + ".." + last + " (" + capacity + " even ports)";
    }
}
