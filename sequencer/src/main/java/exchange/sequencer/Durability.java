package exchange.sequencer;

/**
 * When a journaled command counts as written. Either way the command is in the journal before the
 * engine sees it, so nothing is acknowledged before it is journaled.
 */
public enum Durability {
    /** In the memory-mapped journal, so in the kernel's page cache: survives the process (kill -9), not the machine. */
    PAGE_CACHE,
    /** Also msync'd to the device before the engine sees it: survives a power cut; costs a disk flush per batch. */
    SYNC;

    /**
     * @param name {@code page-cache} or {@code sync}
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static Durability parse(final String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "page-cache" -> PAGE_CACHE;
            case "sync" -> SYNC;
            default -> throw new IllegalArgumentException("durability must be page-cache or sync: '" + name + "'");
        };
    }
}
