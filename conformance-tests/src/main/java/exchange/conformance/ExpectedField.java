package exchange.conformance;

/**
 * One field of an expected message.
 *
 * @param tag  the tag number
 * @param rule what the received value must be
 */
record ExpectedField(int tag, ValueRule rule) {
}
