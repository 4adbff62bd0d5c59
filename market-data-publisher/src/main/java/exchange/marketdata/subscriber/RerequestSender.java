package exchange.marketdata.subscriber;

import exchange.marketdata.moldudp64.MoldSession;

/** Sends a MoldUDP64 request packet to the re-request server. Must not block. */
@FunctionalInterface
public interface RerequestSender {
    /** Asks for {@code count} messages (1 to 65,535) of {@code session} from {@code fromSequence}. */
    void request(MoldSession session, long fromSequence, int count);
}
