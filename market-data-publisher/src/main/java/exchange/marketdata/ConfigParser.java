package exchange.marketdata;

import exchange.marketdata.moldudp64.MoldSession;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses values, collecting every error so that one start-up reports them all. */
final class ConfigParser {
    private final Map<String, String> values;
    private final List<String> errors = new ArrayList<>();

    ConfigParser(final Map<String, String> values) {
        this.values = values;
    }

    int integer(final String key, final int min, final int max) {
        final String value = values.get(key);
        try {
            final long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return (int)parsed;
            }
        } catch (final NumberFormatException ignored) {
            // reported below
        }
        errors.add(key + " = '" + value + "' is not an integer in [" + min + ", " + max + "]");
        return min;
    }

    int powerOfTwo(final String key, final int min, final int max) {
        final int value = integer(key, min, max);
        if (Integer.bitCount(value) != 1) {
            errors.add(key + " = " + value + " is not a power of two");
        }
        return value;
    }

    boolean bool(final String key) {
        final String value = values.get(key);
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            errors.add(key + " = '" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    String oneOf(final String key, final String... allowed) {
        final String value = values.get(key);
        for (final String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        errors.add(key + " = '" + value + "' is not one of " + String.join(", ", allowed));
        return allowed[0];
    }

    MoldSession session(final String key) {
        try {
            return MoldSession.of(values.get(key));
        } catch (final IllegalArgumentException ex) {
            errors.add(key + ": " + ex.getMessage());
            return MoldSession.of(MarketDataConfig.SESSION_DEFAULT);
        }
    }

    InetAddress multicastGroup(final String key) {
        final String value = values.get(key);
        try {
            final InetAddress address = InetAddress.getByName(value);
            if (address.isMulticastAddress() && address.getAddress().length == 4) {
                return address;
            }
        } catch (final UnknownHostException ignored) {
            // reported below
        }
        errors.add(key + " = '" + value + "' is not an IPv4 multicast address");
        return null;
    }

    NetworkInterface multicastInterface(final String key) {
        final String value = values.get(key);
        try {
            final NetworkInterface found = NetworkInterface.getByName(value);
            if (found == null) {
                errors.add(key + " = '" + value + "': no such network interface");
            } else if (!found.supportsMulticast()) {
                errors.add(key + " = '" + value + "' does not support multicast" +
                    ("lo".equals(value) ? " (on Linux: ip link set lo multicast on)" : ""));
            }
            return found;
        } catch (final SocketException ex) {
            errors.add(key + " = '" + value + "': " + ex.getMessage());
            return null;
        }
    }

    InetSocketAddress hostAndPort(final String key) {
        final String value = values.get(key);
        final int colon = value.lastIndexOf(':');
        if (colon > 0) {
            try {
                final int parsedPort = Integer.parseInt(value.substring(colon + 1));
                if (parsedPort >= 0 && parsedPort <= 65_535) {
                    return new InetSocketAddress(InetAddress.getByName(value.substring(0, colon)), parsedPort);
                }
            } catch (final NumberFormatException | UnknownHostException ignored) {
                // reported below
            }
        }
        errors.add(key + " = '" + value + "' is not host:port (port 0 lets a server pick one)");
        return null;
    }

    void throwIfAnyError() {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid market-data configuration:\n  " + String.join("\n  ", errors));
        }
    }
}
