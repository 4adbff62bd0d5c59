package exchange.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that comes back after a busy day asks for everything it missed: more messages than its
 * session's MaxScheduledWriteRequests, over a link slower than the exchange can send. It gets them all,
 * the resend waiting for the link, rather than being cut off as a slow consumer every time it asks.
 */
@Timeout(120)
class SlowResendTest {
    private static final int ORDERS = 1_500;
    private static final int MAX_SCHEDULED = 300;

    @TempDir
    Path dir;

    @Test
    void shouldResendMoreThanMaxScheduledWriteRequestsToABrokerThatReadsSlowly() throws Exception {
        final Path config = ShippedConfig.copyTo(dir.resolve("config"));
        final Path sessions = config.resolve("fix-sessions.cfg");
        // a small socket buffer at the exchange's end stands for a slow link: writes wait in MINA's queue
        Files.writeString(sessions, Files.readString(sessions).replace("MaxScheduledWriteRequests=50000",
            "MaxScheduledWriteRequests=" + MAX_SCHEDULED + "\nSocketSendBufferSize=8192"));
        ShippedConfig.set(config.resolve("risk.properties"), "exchange.risk.throttle.messagesPerSecond", "100000");
        try (ExchangeServer server = ExchangeServer.start(config, ShippedConfig.isolated(dir));
             RawFixConnection broker = new RawFixConnection(server.fixPort(), "BROKER1", 4096)) {
            assertThat(broker.logon("broker1", "broker1-demo")).containsEntry(35, "A");
            // IOC orders that do not trade: each earns an acknowledgement and a cancel, read as they come
            int reports = 0;
            for (int i = 0; i < ORDERS; i++) {
                broker.send(broker.message("D", "11=S" + i, "21=1", "55=AAPL", "54=1", "60=20260101-00:00:00",
                    "38=1", "40=2", "44=180", "59=3"));
                while (reports < 2 * i) {
                    assertThat(broker.next("8", 10_000)).as("report %d", reports).isNotNull();
                    reports++;
                }
            }
            while (reports < 2 * ORDERS) {
                assertThat(broker.next("8", 10_000)).as("report %d", reports).isNotNull();
                reports++;
            }
            // everything again, read a byte at a time (RawFixConnection reads unbuffered)
            broker.send(broker.message("2", "7=1", "16=0"));
            int resent = 0;
            for (Map<Integer, String> m = broker.next(10_000); m != null && !"5".equals(m.get(35)); m = broker.next(10_000)) {
                if ("8".equals(m.get(35)) && "Y".equals(m.get(43))) {
                    resent++;
                    if (resent == 2 * ORDERS) {
                        break;
                    }
                }
            }
            assertThat(resent).as("reports resent before the connection ended or went quiet").isEqualTo(2 * ORDERS);
            // still logged on: an order is answered
            broker.send(broker.message("D", "11=LAST", "21=1", "55=AAPL", "54=1", "60=20260101-00:00:00",
                "38=1", "40=2", "44=180", "59=0"));
            assertThat(broker.next("8", 10_000)).containsEntry(11, "LAST").containsEntry(150, "0");
        }
    }
}
