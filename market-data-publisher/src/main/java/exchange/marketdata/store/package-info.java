/**
 * The market-data log: every ITCH message of a session, numbered from 1, kept so that the sender can
 * tail it and the re-request server can serve any range again.
 */
package exchange.marketdata.store;
