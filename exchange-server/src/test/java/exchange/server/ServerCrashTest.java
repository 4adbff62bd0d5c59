package exchange.server;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange process killed with SIGKILL in the middle of trading and started again, with real
 * brokers and a real drop-copy session connected: the brokers' engines reconnect and resend what the
 * dead process did not take, every order is answered exactly once, and the drop copy continues with
 * no gap and no duplicate.
 */
@Timeout(300)
class ServerCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PAIRS = 600;

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryOrderOnceAndCopyEveryReportOnceAcrossAKill9() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        // the resend after the restart comes as one burst: a throttle would (rightly) refuse part of it
        ShippedConfig.set(config.resolve("risk.properties"), "exchange.risk.throttle.messagesPerSecond", "100000");
        final Path data = dir.resolve("data");
        final int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(config, data, port);
        try (FixTestClient buyer = ShippedConfig.connect(port, "BROKER1", dir.resolve("clients"));
             FixTestClient seller = ShippedConfig.connect(port, "BROKER2-50", dir.resolve("clients"));
             FixTestClient copy = ShippedConfig.connect(port, "DROPCOPY", dir.resolve("clients"))) {
            assertThat(buyer.awaitLogon(WAIT)).isTrue();
            assertThat(seller.awaitLogon(WAIT)).isTrue();
            assertThat(copy.awaitLogon(WAIT)).isTrue();
            for (int i = 0; i < PAIRS; i++) {
                buyer.send(FixOrders.limit("B" + i, "AAPL", '1', "10", "190"));
                seller.send(FixOrders.limit("S" + i, "AAPL", '2', "10", "190"));
                if (i == PAIRS / 3) {
                    server.kill();
                    // orders sent while the exchange is down wait in the brokers' stores and are resent
                    // on logon (the exchange asks for them with a ResendRequest)
                }
                if (i == PAIRS / 2) {
                    server = ServerProcess.start(config, data, port);
                }
                Thread.sleep(2);
            }
            final Map<String, Message> buyerReports = reports(buyer, 2 * PAIRS);
            final Map<String, Message> sellerReports = reports(seller, 2 * PAIRS);
            assertEveryOrderAnsweredOnce(buyerReports.values(), "B");
            assertEveryOrderAnsweredOnce(sellerReports.values(), "S");

            final Set<String> brokerExecIds = new HashSet<>(buyerReports.keySet());
            brokerExecIds.addAll(sellerReports.keySet());
            final List<Long> copied = new ArrayList<>();
            final Set<String> copiedIds = new HashSet<>();
            for (int n = 0; n < brokerExecIds.size(); n++) {
                final Message c = copy.next("8", WAIT);
                assertThat(c.getString(797)).isEqualTo("Y");
                assertThat(copiedIds.add(c.getString(17))).as("copy of ExecID %s twice", c.getString(17)).isTrue();
                copied.add(Long.parseLong(c.getString(17)));
            }
            assertThat(copiedIds).isEqualTo(brokerExecIds);
            assertThat(copied).as("copies in ExecID order").isSorted();
            assertThat(copy.nothingWithin(Duration.ofMillis(500))).as("no copy beyond the reports").isTrue();
            assertThat(server.output()).anyMatch(l -> l.contains("recovered:"));
        } finally {
            assertThat(server.terminate()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
            // (Process.destroy closes the pipe of the console output: the log file has the last lines)
            assertThat(Files.readAllLines(dir.resolve("logs").resolve("exchange.log")))
                .anyMatch(l -> l.contains("exchange stopped"));
            server.close();
        }
    }

    /** Collects a broker's ExecutionReports by ExecID; a repeated ExecID fails. */
    private static Map<String, Message> reports(final FixTestClient client, final int expected) throws Exception {
        final Map<String, Message> byExecId = new HashMap<>();
        while (byExecId.size() < expected) {
            final Message m = client.next("8", WAIT);
            final Message earlier = byExecId.put(m.getString(17), m);
            assertThat(earlier).as("ExecID %s received twice", m.getString(17)).isNull();
        }
        assertThat(client.nothingWithin(Duration.ofMillis(500))).as("no report beyond two per order").isTrue();
        return byExecId;
    }

    /** Each order (ClOrdID prefix + 0..PAIRS-1) has one acknowledgement and one full fill. */
    private static void assertEveryOrderAnsweredOnce(final Iterable<Message> reports, final String prefix)
        throws FieldNotFound {
        final Map<String, String> acks = new HashMap<>();
        final Map<String, String> fills = new HashMap<>();
        for (final Message m : reports) {
            final String clOrdId = m.getString(11);
            final char execType = m.getChar(150);
            assertThat(execType).as("report %s", m).isIn('0', 'F');
            assertThat((execType == '0' ? acks : fills).put(clOrdId, m.getString(37))).as("%s twice for %s", execType, clOrdId)
                .isNull();
            if (execType == 'F') {
                assertThat(m.getString(14)).isEqualTo("10");
                assertThat(m.getChar(39)).isEqualTo('2');
            }
        }
        for (int i = 0; i < PAIRS; i++) {
            assertThat(acks).containsKey(prefix + i);
            assertThat(fills.get(prefix + i)).as("OrderID of the fill of %s", prefix + i).isEqualTo(acks.get(prefix + i));
        }
    }
}
