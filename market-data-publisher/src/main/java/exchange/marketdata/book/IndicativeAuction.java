package exchange.marketdata.book;

/**
 * The latest Net Order Imbalance Indicator (ITCH {@code I}) of one instrument: the auction as it would
 * uncross now. Prices in 1/10,000 (ITCH {@code Price(4)}), quantities in shares. Held by its
 * {@link OrderBook}, overwritten by each NOII; read it on the thread that feeds the builder.
 */
public final class IndicativeAuction {
    private boolean present;
    private long pairedShares;
    private long imbalanceShares;
    private char imbalanceDirection = ' ';
    private long farPrice;
    private long nearPrice;
    private long currentReferencePrice;
    private char crossType = ' ';

    IndicativeAuction() {
    }

    /** @return true once a NOII was seen for the instrument */
    public boolean present() {
        return present;
    }

    /** @return shares that would match at the current reference price */
    public long pairedShares() {
        return pairedShares;
    }

    /** @return shares that would be left unmatched at the current reference price */
    public long imbalanceShares() {
        return imbalanceShares;
    }

    /** @return B buy, S sell, N no imbalance, O insufficient orders to calculate; space before any NOII */
    public char imbalanceDirection() {
        return imbalanceDirection;
    }

    public long farPrice() {
        return farPrice;
    }

    public long nearPrice() {
        return nearPrice;
    }

    /** @return the price at which the auction would uncross now (the indicative price) */
    public long currentReferencePrice() {
        return currentReferencePrice;
    }

    /** @return O opening, C closing, H halt or volatility auction; space before any NOII */
    public char crossType() {
        return crossType;
    }

    void set(final long pairedShares, final long imbalanceShares, final char imbalanceDirection, final long farPrice,
             final long nearPrice, final long currentReferencePrice, final char crossType) {
        this.present = true;
        this.pairedShares = pairedShares;
        this.imbalanceShares = imbalanceShares;
        this.imbalanceDirection = imbalanceDirection;
        this.farPrice = farPrice;
        this.nearPrice = nearPrice;
        this.currentReferencePrice = currentReferencePrice;
        this.crossType = crossType;
    }
}
