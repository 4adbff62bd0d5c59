package exchange.marketdata.book;

/** Visits the orders of a rebuilt book ({@link OrderBookBuilder#forEachOrder}). */
@FunctionalInterface
public interface OrderVisitor {
    /**
     * @param buy       the order's side
     * @param price     its price, 1/10,000
     * @param reference its Order Reference Number
     * @param shares    its shares left on the book
     */
    void visit(boolean buy, long price, long reference, long shares);
}
