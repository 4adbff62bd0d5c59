package exchange.risk;

import exchange.matching.CancelReason;
import exchange.matching.OrderType;
import exchange.matching.command.CommandType;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventHandler;
import exchange.matching.event.Event;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.TradeEvent;
import exchange.matching.event.TradeParty;

/**
 * Keeps every account's exposure exact from the event log, with no per-order state: each event carries
 * the order's side, type, price, quantities and owner, and an order's open exposure is a function of
 * those alone (leaves x valuation price, {@link InstrumentRisk#valuationPrice}); what a check reserved
 * comes back in the {@link RiskStamp} of the engine's answer.
 *
 * <table>
 *   <caption>What each event does to its account</caption>
 *   <tr><th>event</th><th>open</th><th>executed</th><th>pending</th></tr>
 *   <tr><td>Accepted</td><td>+ leaves x valuation</td><td></td><td>- stamp</td></tr>
 *   <tr><td>Rejected</td><td></td><td></td><td>- stamp</td></tr>
 *   <tr><td>Trade (each side)</td><td>- qty x valuation</td><td>+ qty x trade price</td><td></td></tr>
 *   <tr><td>Cancelled (not RESTORE_FAILED)</td><td>- cancelled qty x valuation</td><td></td><td></td></tr>
 *   <tr><td>Replaced</td><td>+ new leaves x new valuation - old leaves x old valuation</td><td></td><td>- stamp</td></tr>
 *   <tr><td>CancelRejected (of a replace)</td><td></td><td></td><td>- stamp</td></tr>
 *   <tr><td>Restated (self-trade decrement)</td><td>- restated qty x valuation</td><td></td><td></td></tr>
 *   <tr><td>Restored</td><td>+ leaves x valuation</td><td></td><td></td></tr>
 *   <tr><td>DayEnded</td><td>= 0</td><td>= 0</td><td></td></tr>
 * </table>
 *
 * A stop is valued as what it becomes when it triggers (a stop like a market order, a stop-limit at its
 * limit) from its entry on, so triggering changes nothing; an iceberg counts with its whole leaves
 * quantity, reserve included; an auction's trades and the expiry of auction-only orders are Trades and
 * Cancelled events like any other.
 *
 * Every amount is an exact product of longs, so adding and taking away always meet at exactly zero.
 * Events about firms or accounts that are not configured are counted and otherwise ignored.
 *
 * <p>One event-consumer thread at a time. Never allocates.
 */
final class ExposureKeeper implements EventHandler {
    private final RiskState state;
    private final long incarnation;
    private volatile long ignoredEvents; // written by the consumer only

    ExposureKeeper(final RiskState state, final long incarnation) {
        this.state = state;
        this.incarnation = incarnation;
    }

    long ignoredEvents() {
        return ignoredEvents;
    }

    /** Counts an event about a firm or account that is not configured. */
    void ignored() {
        ignoredEvents = ignoredEvents + 1;
    }

    @Override
    public void onAccepted(final AcceptedEvent event) {
        final AccountRisk account = account(event.firmId(), event.accountId());
        if (account != null) {
            account.addOpen(event.leavesQty() * valuation(event.instrumentId(), event.orderType(), event.price()));
        }
        releaseStamp(event);
    }

    @Override
    public void onRejected(final RejectedEvent event) {
        releaseStamp(event);
    }

    @Override
    public void onTrade(final TradeEvent event) {
        fill(event, event.buy());
        fill(event, event.sell());
    }

    private void fill(final TradeEvent trade, final TradeParty party) {
        final AccountRisk account = account(party.firmId(), party.accountId());
        if (account != null) {
            final long qty = trade.quantity();
            account.fill(qty * valuation(trade.instrumentId(), party.orderType(), party.price()), qty * trade.price());
        }
    }

    @Override
    public void onCancelled(final CancelledEvent event) {
        if (event.reason() == CancelReason.RESTORE_FAILED) {
            return; // the order never came back, so it holds nothing
        }
        final AccountRisk account = account(event.firmId(), event.accountId());
        if (account != null) {
            account.addOpen(-event.cancelledQty() * valuation(event.instrumentId(), event.orderType(), event.price()));
        }
    }

    @Override
    public void onReplaced(final ReplacedEvent event) {
        final AccountRisk account = account(event.firmId(), event.accountId());
        if (account != null) {
            final OrderType type = event.orderType();
            final long oldLeaves = Math.max(0, event.previousOrderQty() - event.cumQty());
            account.addOpen(event.leavesQty() * valuation(event.instrumentId(), type, event.price())
                - oldLeaves * valuation(event.instrumentId(), type, event.previousPrice()));
        }
        releaseStamp(event);
    }

    @Override
    public void onCancelRejected(final CancelRejectedEvent event) {
        if (event.requestType() == CommandType.REPLACE) { // a refused cancel reserved nothing
            releaseStamp(event);
        }
    }

    @Override
    public void onRestated(final RestatedEvent event) {
        final AccountRisk account = account(event.firmId(), event.accountId());
        if (account != null) {
            account.addOpen(-event.restatedQty() * valuation(event.instrumentId(), event.orderType(), event.price()));
        }
    }

    @Override
    public void onRestored(final RestoredEvent event) {
        final AccountRisk account = account(event.firmId(), event.accountId());
        if (account != null) {
            account.addOpen(event.leavesQty() * valuation(event.instrumentId(), event.orderType(), event.price()));
        }
    }

    @Override
    public void onPhaseChanged(final PhaseChangedEvent event) {
        final InstrumentRisk instrument = state.instrument(event.instrumentId());
        if (instrument != null && event.phase() != null) {
            instrument.phase(event.phase());
        }
    }

    @Override
    public void onDayEnded(final DayEndedEvent event) {
        for (int slot = 0; slot < state.accountCount(); slot++) {
            state.accountAt(slot).endOfDay();
        }
    }

    private AccountRisk account(final int firmId, final int accountId) {
        final AccountRisk account = state.account(firmId, accountId);
        if (account == null) {
            ignoredEvents = ignoredEvents + 1;
        }
        return account;
    }

    private long valuation(final int instrumentId, final OrderType type, final long price) {
        final InstrumentRisk instrument = state.instrument(instrumentId);
        if (instrument == null) {
            return type != null && type.hasLimitPrice() ? price : 0;
        }
        return instrument.valuationPrice(type, price);
    }

    private void releaseStamp(final Event event) {
        final int start = event.contextStart();
        final int length = event.contextLength();
        if (RiskStamp.isStampOf(event.buffer(), start, length, incarnation)) {
            final AccountRisk account = state.accountAt(RiskStamp.accountSlot(event.buffer(), start, length));
            if (account != null) {
                account.release(RiskStamp.reserved(event.buffer(), start, length));
            }
        }
    }
}
