package exchange.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An asynchronous appender for busy logs (the FIX message log): callers put each event on a lock-free
 * queue and go on; one writer thread takes whatever has gathered, hands it to the attached appenders
 * and then flushes them once, so that a file appender set to {@code <immediateFlush>false</immediateFlush>}
 * writes a batch of lines in one system call.
 *
 * <p>Why not Logback's {@code AsyncAppender}: its worker waits on a blocking queue, so whenever it has
 * caught up (most of the time) the next caller must wake it, a system call and a context switch on the
 * caller's thread, for every line or two; and its file appender writes each line by itself. Here the
 * writer looks at the queue again after {@link #setIdleMs(int) idleMs} when it found it empty, and
 * nobody wakes it. A line reaches the file within about that long (a millisecond by default): what a
 * crash can lose is what Logback's queue could lose too.
 *
 * <p>It never blocks a caller: when the queue is full the event is dropped and counted, and the
 * count is reported (as a warning on Logback's status) once the writer has room again.
 *
 * <pre>{@code
 * <appender name="async-fix" class="exchange.server.logging.BatchingAsyncAppender">
 *   <queueSize>65536</queueSize>
 *   <appender-ref ref="fix-messages"/>   <!-- a file appender with immediateFlush false -->
 * </appender>
 * }</pre>
 */
public final class BatchingAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {
    /** Events the writer hands on between two flushes, at most. */
    private static final int BATCH_LIMIT = 4_096;

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final AtomicLong dropped = new AtomicLong();
    private int queueSize = 65_536;
    private int idleMs = 1;
    private boolean includeCallerData;
    private ManyToOneConcurrentArrayQueue<ILoggingEvent> queue;
    private Thread writer;
    private volatile boolean running;

    /** @param queueSize events that may wait for the writer (default 65,536); more are dropped */
    public void setQueueSize(final int queueSize) {
        this.queueSize = queueSize;
    }

    /** @return events that may wait for the writer */
    public int getQueueSize() {
        return queueSize;
    }

    /** @param idleMs how long the writer sleeps when it finds nothing to write (default 1 ms) */
    public void setIdleMs(final int idleMs) {
        this.idleMs = idleMs;
    }

    /** @return how long the writer sleeps when it finds nothing to write */
    public int getIdleMs() {
        return idleMs;
    }

    /** @param includeCallerData true to capture the caller's class and line (costly; default false) */
    public void setIncludeCallerData(final boolean includeCallerData) {
        this.includeCallerData = includeCallerData;
    }

    /** @return whether the caller's class and line are captured */
    public boolean isIncludeCallerData() {
        return includeCallerData;
    }

    /** @return events dropped because the queue was full, since start */
    public long droppedEvents() {
        return dropped.get();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 2) {
            addError("queueSize must be at least 2, not " + queueSize);
            return;
        }
        if (idleMs < 1) {
            addError("idleMs must be at least 1, not " + idleMs);
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addWarn("no appender attached to " + getName() + ": its events go nowhere");
        }
        queue = new ManyToOneConcurrentArrayQueue<>(queueSize);
        running = true;
        writer = new Thread(this::writeLoop, "log-writer-" + getName());
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    protected void append(final ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        if (includeCallerData) {
            event.getCallerData();
        }
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        final List<ILoggingEvent> batch = new ArrayList<>(BATCH_LIMIT);
        final long idleNs = TimeUnit.MILLISECONDS.toNanos(idleMs);
        long droppedReported = 0;
        while (running) {
            try {
                if (writeBatch(batch) == 0) {
                    LockSupport.parkNanos(idleNs);
                }
            } catch (final RuntimeException e) {
                // an appender that throws loses its batch, not the writer: the log goes on
                batch.clear();
                addError(getName() + ": writing a batch failed", e);
            }
            final long droppedNow = dropped.get();
            if (droppedNow != droppedReported) {
                addWarn((droppedNow - droppedReported) + " events dropped by " + getName() + ": its queue of "
                    + queueSize + " was full");
                droppedReported = droppedNow;
            }
        }
        while (writeBatch(batch) > 0) {
            // what was queued before stop
        }
    }

    private int writeBatch(final List<ILoggingEvent> batch) {
        queue.drainTo(batch, BATCH_LIMIT);
        final int n = batch.size();
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            appenders.appendLoopOnAppenders(batch.get(i));
        }
        batch.clear();
        flushAppenders();
        return n;
    }

    /** The attached appenders all run on the writer thread, so flushing here races with nothing. */
    private void flushAppenders() {
        for (final Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream && !stream.isImmediateFlush()) {
                final OutputStream out = stream.getOutputStream();
                if (out != null) {
                    try {
                        out.flush();
                    } catch (final IOException e) {
                        addError("flushing " + stream.getName(), e);
                    }
                }
            }
        }
    }

    /** Writes what is queued, then stops the writer and the attached appenders. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn(getName() + ": the writer did not finish within 10 s; " + queue.size() + " events not written");
        }
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(final Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(final String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(final Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(final Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(final String name) {
        return appenders.detachAppender(name);
    }
}
