package exchange.marketdata.testing;

import org.agrona.DirectBuffer;

import java.util.HexFormat;

/** Hex fixtures: parts are concatenated and may contain spaces, so a fixture reads field by field. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(final String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    public static String of(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String of(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
