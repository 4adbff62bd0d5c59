/**
 * The publishing side: the agent that tails the market-data log into MoldUDP64 multicast packets, and
 * the re-request server that answers MoldUDP64 requests from the same log.
 */
package exchange.marketdata.publisher;
