package exchange.sequencer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Keeps what a logger writes while open, for a test to count and read (Logback's list appender). */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(final Class<?> owner) {
        this.logger = (Logger) LoggerFactory.getLogger(owner);
        appender.start();
        logger.addAppender(appender);
    }

    /** @return a capture of the logger of a class, open until closed */
    public static LogCapture of(final Class<?> owner) {
        return new LogCapture(owner);
    }

    /** @return the events at a level so far, oldest first */
    public List<ILoggingEvent> at(final Level level) {
        synchronized (appender) { // AppenderBase appends under the appender's lock
            return appender.list.stream().filter(e -> e.getLevel() == level).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
