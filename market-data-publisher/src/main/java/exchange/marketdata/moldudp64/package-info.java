/**
 * MoldUDP64 1.00 framing: downstream packets (header and message blocks, heartbeats, end of session),
 * request packets to a re-request server, and the packetiser that batches messages into datagrams.
 *
 * <p>The payload is opaque here: this package knows nothing of ITCH.
 */
package exchange.marketdata.moldudp64;
