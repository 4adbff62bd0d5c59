/**
 * The publishing side: packets from the thread that writes the market-data log
 * ({@link exchange.marketdata.publisher.InlinePublisher}, as the market-data service uses it) or from
 * an agent that tails the log ({@link exchange.marketdata.publisher.MarketDataPublisher}), and the
 * re-request server that answers MoldUDP64 requests from the same log.
 */
package exchange.marketdata.publisher;
