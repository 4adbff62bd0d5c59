package exchange.fix;

import exchange.fix.testing.FixOrders;
import exchange.fix.testing.FixTestClient;
import exchange.fix.testing.TestVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class OrderEntryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private TestVenue venue;
    private FixTestClient broker1;
    private FixTestClient broker2;

    @BeforeEach
    void start() throws Exception {
        venue = new TestVenue(dir);
        broker1 = venue.connect("FIX.4.4", "BROKER1");
        broker2 = venue.connect("FIX.4.4", "BROKER2");
        assertThat(broker1.awaitLogon(WAIT)).isTrue();
        assertThat(broker2.awaitLogon(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        broker1.close();
        broker2.close();
        venue.close();
    }

    @Test
    void shouldAcknowledgeAnOrderAndFillItAgainstAnotherBroker() throws Exception {
        broker1.send(FixOrders.limit("B1", "AAA", '1', "100", "101.25"));
        final Message ack = broker1.next("8", WAIT);
        assertThat(ack.getChar(150)).isEqualTo('0');
        assertThat(ack.getChar(39)).isEqualTo('0');
        assertThat(ack.getString(11)).isEqualTo("B1");
        assertThat(ack.getString(151)).isEqualTo("100");
        assertThat(ack.getString(14)).isEqualTo("0");
        assertThat(ack.getString(44)).isEqualTo("101.25");

        broker2.send(FixOrders.limit("S1", "AAA", '2', "30", "101"));
        final Message sellAck = broker2.next("8", WAIT);
        assertThat(sellAck.getChar(150)).isEqualTo('0');
        final Message sellFill = broker2.next("8", WAIT);
        assertThat(sellFill.getChar(150)).isEqualTo('F');
        assertThat(sellFill.getChar(39)).isEqualTo('2');
        assertThat(sellFill.getString(32)).isEqualTo("30");
        assertThat(sellFill.getString(31)).isEqualTo("101.25");
        assertThat(sellFill.getString(6)).isEqualTo("101.25");
        assertThat(sellFill.getChar(851)).isEqualTo('2');

        final Message buyFill = broker1.next("8", WAIT);
        assertThat(buyFill.getChar(150)).isEqualTo('F');
        assertThat(buyFill.getChar(39)).isEqualTo('1');
        assertThat(buyFill.getString(14)).isEqualTo("30");
        assertThat(buyFill.getString(151)).isEqualTo("70");
        assertThat(buyFill.getString(11)).isEqualTo("B1");
        assertThat(buyFill.getChar(851)).isEqualTo('1');
        assertThat(buyFill.isSetField(880)).as("TrdMatchID is not in the FIX 4.4 ExecutionReport").isFalse();
        assertThat(buyFill.getString(17)).isNotEqualTo(sellFill.getString(17));
        assertThat(buyFill.getString(37)).isEqualTo(ack.getString(37));
    }
}
