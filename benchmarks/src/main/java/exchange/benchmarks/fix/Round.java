package exchange.benchmarks.fix;

import org.HdrHistogram.Histogram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One session's share of a round of orders (a burst or a fixed rate): which orders, what is expected
 * back, and what came back. Made by the load's thread before the round starts and published through
 * {@link LoadSession}'s volatile field; afterwards written only by the session's receiving thread, and
 * read by the load's thread once {@link #done} says the session finished.
 */
final class Round {
    /** The longest latency the histograms hold; longer ones are recorded as this. */
    static final long LONGEST_NS = TimeUnit.SECONDS.toNanos(60);

    /** First order index of the round (ClOrdID), inclusive. */
    final long first;
    /** Last order index, exclusive. */
    final long end;
    /** ExecutionReports each order is owed: 2 from the exchange (ack and fill), 1 from the bare acceptor. */
    final int reportsPerOrder;
    /** True for a burst: each acknowledgement sends the session's next order. */
    final boolean sendOnAck;
    /** Fixed rate: when the round's order 0 was due, and the gap between orders of all sessions. */
    final long startNs;
    final long intervalNs;
    /** Fixed rate: this session's place among {@link #slots} sessions taking turns. */
    final int slot;
    final int slots;
    /** Fixed rate: due time of each order to its acknowledgement, ns; {@code null} for a burst. */
    final Histogram latency;
    final CountDownLatch done;
    private final AtomicBoolean ended = new AtomicBoolean();

    long acks;
    long fills;
    long cancels;
    long otherReports;
    /** ExecutionReports received, written by the receiving thread only; read for progress. */
    volatile long reports;
    long doneNs;
    volatile String failure;

    Round(final long first, final long end, final int reportsPerOrder, final boolean sendOnAck, final long startNs,
          final long intervalNs, final int slot, final int slots, final CountDownLatch done) {
        this.first = first;
        this.end = end;
        this.reportsPerOrder = reportsPerOrder;
        this.sendOnAck = sendOnAck;
        this.startNs = startNs;
        this.intervalNs = intervalNs;
        this.slot = slot;
        this.slots = slots;
        this.latency = sendOnAck ? null : new Histogram(LONGEST_NS, 3);
        this.done = done;
    }

    long orders() {
        return end - first;
    }

    long expectedReports() {
        return orders() * reportsPerOrder;
    }

    /** @return when order {@code index} of this session was due, fixed rate only */
    long dueNs(final long index) {
        return startNs + ((index - first) * slots + slot) * intervalNs;
    }

    /**
     * @return what is wrong with the reports received once all came, or {@code null}: each order
     *         acknowledged once, and filled (pairs) or cancelled (new-cancel) once when owed two reports
     */
    String unexpected(final OrderFlow flow) {
        final long second = reportsPerOrder == 1 ? 0 : orders();
        final boolean right = acks == orders() && otherReports == 0
            && (flow == OrderFlow.PAIRS ? fills == second && cancels == 0 : cancels == second && fills == 0);
        return right ? null : "unexpected reports: " + acks + " acks, " + fills + " fills, " + cancels + " cancels, "
            + otherReports + " others for " + orders() + " orders";
    }

    /** The session received everything it was owed. Receiving thread. */
    void complete(final long nowNs) {
        doneNs = nowNs;
        if (ended.compareAndSet(false, true)) {
            done.countDown();
        }
    }

    /** Ends the round for this session with a reason, which the load's thread reports. Any thread. */
    void fail(final String reason) {
        if (ended.compareAndSet(false, true)) {
            failure = reason;
            done.countDown();
        }
    }
}
