package exchange.matching;

/** Visits resting orders in book order. Called on the matching thread. */
@FunctionalInterface
public interface RestingOrderVisitor {
    /**
     * @param order valid only during this call
     */
    void visit(RestingOrder order);
}
