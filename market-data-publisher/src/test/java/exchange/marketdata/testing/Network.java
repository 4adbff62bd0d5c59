package exchange.marketdata.testing;

import exchange.marketdata.MarketDataConfig;

import java.net.DatagramSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.fail;

/**
 * Real UDP on the loopback interface for tests: free ports, a random administratively scoped group per
 * test (so that concurrent builds on one machine do not hear each other), and a loud failure when the
 * machine cannot do multicast on loopback, rather than a silent skip.
 */
public final class Network {
    private Network() {
    }

    /** Fails the test unless {@code lo} exists, is up and supports multicast. */
    public static void requireMulticastOnLoopback() {
        try {
            final NetworkInterface lo = NetworkInterface.getByName("lo");
            if (lo == null || !lo.isUp() || !lo.supportsMulticast()) {
                fail("multicast is off on the loopback interface; these tests need it: run `ip link set lo multicast on`"
                    + " (as root) on this machine and in CI's set-up");
            }
        } catch (final SocketException ex) {
            fail("cannot inspect the loopback interface: " + ex);
        }
    }

    /** A UDP port that was free a moment ago. */
    public static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (final SocketException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A random group in 239.192.0.0/16. */
    public static String randomGroup() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "239.192." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /**
     * A feed on loopback with a fresh group, port and session, a re-request server on an ephemeral
     * port, and heartbeats every 50 ms so that tests do not wait on them.
     */
    public static MarketDataConfig loopbackFeed(final String session) {
        requireMulticastOnLoopback();
        return MarketDataConfig.from(new Properties())
            .with(MarketDataConfig.SESSION, session)
            .with(MarketDataConfig.GROUP, randomGroup())
            .with(MarketDataConfig.PORT, Integer.toString(freeUdpPort()))
            .with(MarketDataConfig.INTERFACE, "lo")
            .with(MarketDataConfig.REREQUEST_ADDRESS, "127.0.0.1:0")
            .with(MarketDataConfig.HEARTBEAT_INTERVAL_MS, "50")
            .with(MarketDataConfig.REREQUEST_TIMEOUT_MS, "100");
    }
}
