/**
 * Nasdaq TotalView-ITCH 5.0 messages as flyweights over Agrona buffers.
 *
 * <p>Each message type is one class holding its wire layout (offsets, length, an ASCII table in its
 * javadoc) with a nested {@code Encoder} (wraps a {@link org.agrona.MutableDirectBuffer}, fluent
 * setters) and a nested {@code Decoder} (wraps a {@link org.agrona.DirectBuffer}, getters). All
 * integers are big-endian; prices are {@code Price(4)}, unsigned 4-byte integers in units of
 * 1/10,000; timestamps are 6-byte nanoseconds since midnight; alphanumeric fields are ASCII, left
 * justified and padded with spaces. {@link exchange.marketdata.itch.ItchMessageDispatcher} turns a
 * message into a call on an {@link exchange.marketdata.itch.ItchMessageHandler}.
 *
 * <p>Flyweights hold no state but the buffer and offset: they never allocate, except the getters
 * documented as returning a {@code String}, which are for tools and tests.
 */
package exchange.marketdata.itch;
