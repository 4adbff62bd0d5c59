package exchange.marketdata.moldudp64;

import java.nio.ByteOrder;

/**
 * Constants of the MoldUDP64 1.00 protocol (Nasdaq, "MoldUDP64 Protocol Specification").
 *
 * <p>Downstream packet, sent by the transmitter (multicast) and by a re-request server (unicast):
 * <pre>
 * offset length  field
 *      0     10  Session           alpha, left justified, padded with spaces
 *     10      8  Sequence Number   integer, of the first message in the packet
 *     18      2  Message Count     integer; 0 = heartbeat, 0xFFFF = end of session
 *     20      ..  Message Blocks   each a 2-byte Message Length then that many bytes of message
 * </pre>
 * A heartbeat or end-of-session packet has no message blocks and carries the sequence number of the
 * next message to be sent. Request packet, sent by a listener to a re-request server:
 * <pre>
 * offset length  field
 *      0     10  Session                   alpha
 *     10      8  Sequence Number           integer, first message wanted
 *     18      2  Requested Message Count   integer
 * </pre>
 * All integers are big-endian and unsigned.
 */
public final class MoldUdp64 {
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    public static final int SESSION_OFFSET = 0;
    public static final int SESSION_LENGTH = 10;
    public static final int SEQUENCE_NUMBER_OFFSET = 10;
    public static final int MESSAGE_COUNT_OFFSET = 18;
    public static final int HEADER_LENGTH = 20;

    /** Size of the length field in front of each message block. */
    public static final int MESSAGE_LENGTH_FIELD_LENGTH = 2;

    /** Largest message a block can carry. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    /** Message Count of a heartbeat. */
    public static final int HEARTBEAT_COUNT = 0;

    /** Message Count of an end-of-session packet. */
    public static final int END_OF_SESSION_COUNT = 0xFFFF;

    /** Largest Message Count of a packet carrying messages (0xFFFF is reserved for end of session). */
    public static final int MAX_MESSAGE_COUNT = 0xFFFE;

    /** Length of a request packet. */
    public static final int REQUEST_LENGTH = 20;
    public static final int REQUESTED_MESSAGE_COUNT_OFFSET = 18;

    /** The first sequence number of a session. */
    public static final long FIRST_SEQUENCE_NUMBER = 1;

    private MoldUdp64() {
    }
}
