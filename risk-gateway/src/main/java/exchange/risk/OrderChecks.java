package exchange.risk;

import exchange.matching.HaltedOrderPolicy;
import exchange.matching.OrderType;
import exchange.matching.RejectReason;
import exchange.matching.TradingPhase;

/**
 * The steps of the pre-trade checks, shared by new orders and replaces. Each returns
 * {@link RiskResult#PASSED} or the refusal, counted on the session.
 *
 * <p>Any session thread; stateless. Allocates only the refusal and its text.
 */
final class OrderChecks {
    private OrderChecks() {
    }

    static RiskResult throttleAndKillSwitch(final SessionRisk session, final long nowNs) {
        if (!session.throttle().tryAcquire(nowNs)) {
            return throttled(session);
        }
        return checkFirmKillSwitch(session);
    }

    static RiskResult checkFirmKillSwitch(final SessionRisk session) {
        if (session.firm().killSwitch()) {
            return session.refuse(RejectReason.KILL_SWITCH, RejectTexts.firmKillSwitch(session.firm()));
        }
        return RiskResult.PASSED;
    }

    static RiskResult throttled(final SessionRisk session) {
        final MessageThrottle throttle = session.throttle();
        return session.refuse(RejectReason.THROTTLE_EXCEEDED,
            RejectTexts.throttle(throttle.lastRefusedRate(), throttle.limit()));
    }

    static RiskResult checkAccount(final SessionRisk session, final AccountRisk account, final int accountId) {
        if (account == null) {
            return session.refuse(RejectReason.UNKNOWN_ACCOUNT, RejectTexts.unknownAccount(session.firm(), accountId));
        }
        if (account.killSwitch()) {
            return session.refuse(RejectReason.KILL_SWITCH, RejectTexts.accountKillSwitch(account));
        }
        return RiskResult.PASSED;
    }

    static RiskResult checkInstrument(final SessionRisk session, final InstrumentRisk instrument,
                                              final int instrumentId) {
        if (instrument == null) {
            return session.refuse(RejectReason.UNKNOWN_INSTRUMENT, RejectTexts.unknownInstrument(instrumentId));
        }
        final TradingPhase phase = instrument.phase();
        if (phase == TradingPhase.CLOSED) {
            return session.refuse(RejectReason.INSTRUMENT_CLOSED, RejectTexts.phase(instrument, phase));
        }
        if (phase == TradingPhase.HALTED && instrument.instrument().haltedOrderPolicy() == HaltedOrderPolicy.REJECT) {
            // an instrument that takes orders while halted (policy ACCEPT) is left to the engine
            return session.refuse(RejectReason.INSTRUMENT_HALTED, RejectTexts.phase(instrument, phase));
        }
        return RiskResult.PASSED;
    }

    /**
     * Quantity, then price (tick, collar), then notional; the same for new orders and replaces.
     *
     * @param collared false for a replace that keeps the order's limit: a price taken at entry is not
     *                 refused again (the order may have come back from a day with another reference price)
     */
    static RiskResult checkOrder(final SessionRisk session, final InstrumentRisk instrument,
                                 final OrderType type, final long price, final long qty, final boolean collared) {
        if (type == null) {
            return session.refuse(RejectReason.INVALID_FIELD, RejectTexts.invalidOrderType("type"));
        }
        if (qty <= 0) {
            return session.refuse(RejectReason.INVALID_QUANTITY, RejectTexts.quantityNotPositive(qty));
        }
        if (qty > instrument.maxOrderQty()) {
            return session.refuse(RejectReason.EXCEEDS_MAX_ORDER_QUANTITY, RejectTexts.quantityAboveMax(qty, instrument));
        }
        if (type.hasLimitPrice()) {
            if (price <= 0) {
                return session.refuse(RejectReason.INVALID_PRICE, RejectTexts.priceNotPositive(price));
            }
            if (price % instrument.instrument().tickSize() != 0) {
                return session.refuse(RejectReason.PRICE_OFF_TICK, RejectTexts.priceOffTick(price, instrument));
            }
            if (collared && instrument.hasCollar() && (price < instrument.collarLow() || price > instrument.collarHigh())) {
                return session.refuse(RejectReason.PRICE_OUTSIDE_RISK_COLLAR,
                    RejectTexts.priceOutsideCollar(price, instrument));
            }
        } else if (instrument.marketValuationPrice() == 0) {
            return session.refuse(RejectReason.PRICE_OUTSIDE_RISK_COLLAR, RejectTexts.noMarketValuation(instrument));
        }
        final long valuation = instrument.valuationPrice(type, price);
        if (Amounts.saturatedProduct(valuation, qty) > instrument.maxOrderNotional()) {
            return session.refuse(RejectReason.EXCEEDS_MAX_NOTIONAL,
                RejectTexts.notionalAboveMax(valuation, qty, instrument));
        }
        return RiskResult.PASSED;
    }
}
