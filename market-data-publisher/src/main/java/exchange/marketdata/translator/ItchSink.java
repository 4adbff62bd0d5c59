package exchange.marketdata.translator;

import org.agrona.MutableDirectBuffer;

/**
 * Where the {@link ItchTranslator} puts each ITCH message it writes, in order: the market-data log
 * in production, a list in tests. The message is valid only during the call.
 */
@FunctionalInterface
public interface ItchSink {
    /**
     * @param buffer holding one complete ITCH message
     * @param offset of its Message Type byte
     * @param length of the message, as the specification gives it for its type
     */
    void onMessage(MutableDirectBuffer buffer, int offset, int length);
}
