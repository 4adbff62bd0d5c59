/**
 * Market data: Nasdaq TotalView-ITCH 5.0 messages in MoldUDP64 packets over UDP multicast, with a
 * MoldUDP64 re-request server for recovery and a subscriber library that rebuilds order books.
 *
 * <ul>
 *   <li>{@code translator}: engine events to ITCH messages;</li>
 *   <li>{@code service}: the market-data service, an event-log consumer that publishes the feed;</li>
 *   <li>{@code itch}: message flyweights, handler and dispatcher;</li>
 *   <li>{@code moldudp64}: packet framing and the packetiser;</li>
 *   <li>{@code store}: the market-data log the sender tails and retransmissions are served from;</li>
 *   <li>{@code publisher}: the multicast sender agent and the re-request server;</li>
 *   <li>{@code subscriber}: gap detection and recovery, in-sequence delivery;</li>
 *   <li>{@code book}: an order-by-order book builder fed by a subscriber.</li>
 * </ul>
 * {@link exchange.marketdata.MarketDataConfig} holds every setting; {@link exchange.marketdata.MdListen}
 * is the command-line listener.
 */
package exchange.marketdata;
