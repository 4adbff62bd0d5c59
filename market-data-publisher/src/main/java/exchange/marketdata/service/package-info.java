/**
 * The market-data service: an event-log consumer that turns the engine's events into the ITCH feed,
 * one MoldUDP64 session per trading day, exactly once across restarts
 * ({@link exchange.marketdata.service.MarketDataService}).
 */
package exchange.marketdata.service;
