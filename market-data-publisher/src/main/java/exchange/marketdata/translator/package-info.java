/**
 * From engine events to ITCH 5.0 messages: {@link exchange.marketdata.translator.ItchTranslator}
 * decides what each event means on the feed and writes the messages to an
 * {@link exchange.marketdata.translator.ItchSink} (the market-data log, in production).
 */
package exchange.marketdata.translator;
