/**
 * Netty UDP plumbing shared by the publisher and the subscriber: channel set-up (multicast send and
 * join, unicast), a packet sink over a channel, and the bridge from Netty datagrams to Agrona buffers.
 * NIO transport only, so that it runs anywhere the JDK does.
 */
package exchange.marketdata.transport;
