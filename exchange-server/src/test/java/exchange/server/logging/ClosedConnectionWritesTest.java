package exchange.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteToClosedSessionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Only QuickFIX/J's error for a write to a closed connection is dropped, and the shipped logging drops it. */
class ClosedConnectionWritesTest {
    @TempDir
    Path logs;

    @Test
    void shouldDropOnlyQuickFixJsClosedConnectionWriteErrors() {
        final LoggerContext context = new LoggerContext();
        final ClosedConnectionWrites filter = new ClosedConnectionWrites();
        final WriteToClosedSessionException closed = new WriteToClosedSessionException(new DefaultWriteRequest("8=FIX.4.4"));
        assertThat(filter.decide(null, context.getLogger("quickfix.mina.acceptor.AcceptorIoHandler"), Level.ERROR,
            "Socket (x)", null, closed)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("quickfix.mina.initiator.InitiatorIoHandler"), Level.ERROR,
            "Socket (x)", null, closed)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("quickfix.mina.acceptor.AcceptorIoHandler"), Level.ERROR,
            "Socket (x)", null, new IOException("Connection reset by peer"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("exchange.fix.FixGateway"), Level.ERROR, "x", null, closed))
            .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("quickfix.mina.acceptor.AcceptorIoHandler"), Level.ERROR,
            "no throwable", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldBeInTheShippedLoggingConfigurations() throws Exception {
        for (final Path file : List.of(Path.of("..", "config", "logback.xml"), Path.of("..", "config", "conformance", "logback.xml"),
            Path.of("src", "main", "resources", "client-logback.xml"))) {
            final LoggerContext context = new LoggerContext();
            context.putProperty("exchange.log.dir", logs.toString());
            final JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(file.toFile());
            try {
                assertThat(context.getTurboFilterList()).as(file.toString())
                    .anySatisfy(f -> assertThat(f).isInstanceOf(ClosedConnectionWrites.class));
            } finally {
                context.stop();
            }
        }
    }
}
