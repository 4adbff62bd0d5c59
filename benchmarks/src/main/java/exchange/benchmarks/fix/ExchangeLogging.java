package exchange.benchmarks.fix;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Iterator;

/**
 * Logging as the exchange logs in production, for {@code bin/bench fix}: the configuration folder's
 * {@code logback.xml} (FIX messages and session events through an asynchronous appender into
 * {@code fix-messages.log}, the rest into {@code exchange.log}), with its log folder in the run's folder
 * and nothing below WARN on the console, so that the benchmark's own output stays readable. Both the
 * exchange and the bare QuickFIX/J acceptor log through it; the load generator logs nothing.
 */
final class ExchangeLogging {
    private ExchangeLogging() {
    }

    /**
     * Replaces the process's logging configuration.
     *
     * @param logbackXml the exchange's logback.xml
     * @param logDir     where its files go ({@code exchange.log.dir})
     */
    static void apply(final Path logbackXml, final Path logDir) {
        final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("exchange.log.dir", logDir.toString());
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(logbackXml.toFile());
        } catch (final JoranException e) {
            throw new IllegalArgumentException("cannot read " + logbackXml + ": " + e.getMessage(), e);
        }
        final ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (final Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            final Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ch.qos.logback.core.ConsoleAppender) {
                final ThresholdFilter warnings = new ThresholdFilter();
                warnings.setLevel(Level.WARN.levelStr);
                warnings.setContext(context);
                warnings.start();
                appender.addFilter(warnings);
            }
        }
    }
}
