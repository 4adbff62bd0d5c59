package exchange.marketdata;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataConfigTest {
    @Test
    void shouldRunOnOneMachineWithTheDefaults() throws Exception {
        final MarketDataConfig config = MarketDataConfig.from(new Properties());

        assertThat(config.session().name()).isEqualTo("EXCHANGE01");
        assertThat(config.groupAddress()).isEqualTo(new InetSocketAddress("239.192.0.1", 30001));
        assertThat(config.interfaceName()).isEqualTo("lo");
        assertThat(config.networkInterface().isLoopback()).isTrue();
        assertThat(config.ttl()).isEqualTo(1);
        assertThat(config.loopback()).isTrue();
        assertThat(config.maxPacketBytes()).isEqualTo(1400);
        assertThat(config.heartbeatIntervalNs()).isEqualTo(1_000_000_000L);
        assertThat(config.rerequestAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 30002));
        assertThat(config.maxMessagesPerRequest()).isEqualTo(1000);
        assertThat(config.storeDir()).isEqualTo(Path.of("data/market-data"));
    }

    @Test
    void shouldTakePropertiesOverDefaultsAndOverridesOverProperties() {
        final Properties properties = new Properties();
        properties.setProperty(MarketDataConfig.PORT, "40000");
        properties.setProperty(MarketDataConfig.TTL, "4");

        final MarketDataConfig config = MarketDataConfig.from(properties).with(MarketDataConfig.TTL, "8");

        assertThat(config.port()).isEqualTo(40000);
        assertThat(config.ttl()).isEqualTo(8);
        assertThat(config.describe())
            .contains("exchange.md.port = 40000\n")
            .contains("exchange.md.ttl = 8\n")
            .contains("exchange.md.group = 239.192.0.1 (default)");
    }

    @Test
    void shouldReportEveryInvalidSettingAtOnce() {
        final Properties properties = new Properties();
        properties.setProperty(MarketDataConfig.GROUP, "10.1.2.3");
        properties.setProperty(MarketDataConfig.PORT, "70000");
        properties.setProperty(MarketDataConfig.SESSION, "MUCH-TOO-LONG");
        properties.setProperty(MarketDataConfig.INTERFACE, "no-such-nic0");
        properties.setProperty(MarketDataConfig.REORDER_CAPACITY, "1000");
        properties.setProperty(MarketDataConfig.LOOPBACK, "yes");
        properties.setProperty(MarketDataConfig.REREQUEST_ADDRESS, "localhost");

        assertThatThrownBy(() -> MarketDataConfig.from(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("exchange.md.group = '10.1.2.3' is not an IPv4 multicast address")
            .hasMessageContaining("exchange.md.port = '70000'")
            .hasMessageContaining("exchange.md.session")
            .hasMessageContaining("no such network interface")
            .hasMessageContaining("not a power of two")
            .hasMessageContaining("exchange.md.loopback")
            .hasMessageContaining("exchange.md.rerequest.address");
    }

    /**
     * A subscriber holds each message across a gap in a slot of 512 bytes, all in one array: 2^22
     * messages would be 2 GiB, past what a Java array holds (the subscriber failed to start with a
     * NegativeArraySizeException; 2^23 and 2^24 overflowed to an empty buffer that failed at the first
     * gap). The configuration refuses them up front, as it does every other impossible setting.
     */
    @Test
    void shouldRefuseAReorderCapacityTheSubscriberCannotHold() {
        final Properties largest = new Properties();
        largest.setProperty(MarketDataConfig.REORDER_CAPACITY, Integer.toString(1 << 21));
        assertThat(MarketDataConfig.from(largest).reorderCapacity()).isEqualTo(1 << 21);

        for (final int capacity : new int[] {1 << 22, 1 << 23, 1 << 24}) {
            final Properties properties = new Properties();
            properties.setProperty(MarketDataConfig.REORDER_CAPACITY, Integer.toString(capacity));
            assertThatThrownBy(() -> MarketDataConfig.from(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exchange.md.subscriber.reorderCapacity = '" + capacity + "'");
        }
    }

    @Test
    void shouldRefuseASettingItDoesNotKnow() {
        assertThatThrownBy(() -> MarketDataConfig.from(new Properties()).with("exchange.md.prot", "1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown market-data setting exchange.md.prot");
    }
}
