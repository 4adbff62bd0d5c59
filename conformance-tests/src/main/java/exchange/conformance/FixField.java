package exchange.conformance;

/**
 * One tag=value field of a received message.
 *
 * @param tag   the tag number as written
 * @param value the value, possibly empty
 */
record FixField(int tag, String value) {
    @Override
    public String toString() {
        return tag + "=" + value;
    }
}
