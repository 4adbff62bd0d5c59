/**
 * An order-by-order book builder for subscribers: applies ITCH add, execute, cancel, delete, replace
 * and trade messages to books per Stock Locate, aggregated into price levels.
 */
package exchange.marketdata.book;
