package exchange.risk;

import exchange.matching.Instrument;
import exchange.matching.OrderType;
import exchange.matching.RejectReason;
import exchange.matching.TradingPhase;
import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.AcceptedEvent;
import exchange.matching.event.CancelRejectedEvent;
import exchange.matching.event.CancelledEvent;
import exchange.matching.event.DayEndedEvent;
import exchange.matching.event.EventHandler;
import exchange.matching.event.KillSwitchChangedEvent;
import exchange.matching.event.PhaseChangedEvent;
import exchange.matching.event.RejectedEvent;
import exchange.matching.event.ReplacedEvent;
import exchange.matching.event.RestatedEvent;
import exchange.matching.event.RestoredEvent;
import exchange.matching.event.TradeEvent;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.List;

/**
 * Pre-trade risk checks, run on the FIX acceptor's session threads before a command is journaled, and
 * the exposure they check against, kept from the event log.
 *
 * <h2>Checks</h2>
 * A new order is checked in this order; the first failure is the answer:
 * <ol>
 *   <li>message throttle of the session (THROTTLE_EXCEEDED);</li>
 *   <li>kill switch of the firm, account known to the firm (UNKNOWN_ACCOUNT), kill switch of the
 *       account (KILL_SWITCH);</li>
 *   <li>instrument known (UNKNOWN_INSTRUMENT) and not CLOSED or HALTED as far as the gateway knows
 *       (INSTRUMENT_CLOSED, INSTRUMENT_HALTED);</li>
 *   <li>side and order type present (INVALID_FIELD); quantity above zero (INVALID_QUANTITY) and within
 *       the maximum (EXCEEDS_MAX_ORDER_QUANTITY);</li>
 *   <li>limit price above zero (INVALID_PRICE), on tick (PRICE_OFF_TICK) and within the risk collar
 *       (PRICE_OUTSIDE_RISK_COLLAR); a market order needs a reference price to be valued;</li>
 *   <li>notional within the maximum (EXCEEDS_MAX_NOTIONAL), a market order valued at the collar's
 *       upper bound;</li>
 *   <li>credit: the notional is reserved on the account with one compare-and-set, refused when the
 *       exposure would pass the credit limit (EXCEEDS_CREDIT_LIMIT).</li>
 * </ol>
 * A passing check appends a {@link RiskStamp} to the command's context; see there for the contract
 * with the acceptor. Cancels and other requests (status, mass cancel) are only throttled: a kill switch
 * never blocks a cancel.
 *
 * <p>Trading phase: the engine is the authority and checks the phase again. The gateway knows a phase
 * change only when the event consumer has passed its PhaseChanged event, so just after a halt an order
 * may pass here and be rejected by the engine (INSTRUMENT_HALTED, its reservation released by the
 * Rejected event), and just after a resumption an order may be refused here that the engine would
 * have taken. Both give the same reason; the gateway's check only spares the journal a doomed order.
 *
 * <h2>Exposure</h2>
 * Per account, in 1/10,000 currency units: pending (reserved by checks the engine has not answered)
 * + open (leaves x valuation price of live orders) + executed (gross notional of the day's fills), see
 * {@link ExposureKeeper}. The gateway receives the event log through its {@link EventHandler} methods
 * and must be fed from the start of the trading day (the event after the last DayEnded): exposure
 * lives in memory. It keeps no order book and no per-order map.
 *
 * <h2>Threads</h2>
 * Checks: any number of session threads at once, each with its own {@link SessionRisk}; no lock, no
 * I/O, no clock read, and nothing allocated unless the check fails. Event handler methods: one
 * consumer thread at a time. Kill switch and counters: any thread.
 */
public final class RiskGateway implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RiskGateway.class);

    private final RiskConfig config;
    private final RiskState state;
    private final ExposureKeeper exposure;
    private final long incarnation;
    private final SessionRegistry sessions = new SessionRegistry();

    /**
     * @param config      the limits
     * @param instruments the exchange's instruments, as the engine has them
     * @throws IllegalArgumentException when the configuration names an instrument that is not listed
     */
    public RiskGateway(final RiskConfig config, final List<Instrument> instruments) {
        this(config, instruments, randomIncarnation());
    }

    /**
     * @param incarnation this instance's identity in its {@link RiskStamp}s, not 0; a new one for every
     *                    process, so that replayed stamps of an earlier process are not taken for its own
     */
    public RiskGateway(final RiskConfig config, final List<Instrument> instruments, final long incarnation) {
        if (incarnation == 0) {
            throw new IllegalArgumentException("incarnation must not be 0");
        }
        this.config = config;
        this.state = new RiskState(config, instruments);
        this.incarnation = incarnation;
        this.exposure = new ExposureKeeper(state, incarnation);
    }

    private static long randomIncarnation() {
        long incarnation = 0;
        while (incarnation == 0) {
            incarnation = new SecureRandom().nextLong();
        }
        return incarnation;
    }

    /** @return the configuration the gateway runs with */
    public RiskConfig config() {
        return config;
    }

    /** @return this instance's identity in the stamps it writes */
    public long incarnation() {
        return incarnation;
    }

    /**
     * The handle a session passes to every check. Cold path (logon). A session that logs on again
     * with the same firm and rate gets its handle back, throttle window included, so reconnecting does
     * not reset the rate.
     *
     * @param sessionId                       the acceptor's session id
     * @param firmId                          the session's firm, configured in the risk settings
     * @param messagesPerSecondOrZeroForDefault the session's own throttle, or 0 for {@link RiskConfig#messagesPerSecond()}
     * @return the session's handle, for that session's thread only
     * @throws IllegalArgumentException for a firm that is not configured or a rate out of range
     */
    public SessionRisk session(final int sessionId, final int firmId, final int messagesPerSecondOrZeroForDefault) {
        final FirmRisk firm = state.firm(firmId);
        if (firm == null) {
            throw new IllegalArgumentException("session " + sessionId + ": firm " + firmId
                + " is not configured (" + RiskConfig.FIRM_PREFIX + firmId + "." + RiskConfig.NAME_SETTING + ")");
        }
        final int rate = messagesPerSecondOrZeroForDefault == 0 ? config.messagesPerSecond() : messagesPerSecondOrZeroForDefault;
        if (rate < 1 || rate > RiskConfig.MAX_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("session " + sessionId + ": messages per second " + rate
                + " is not from 1 to " + RiskConfig.MAX_MESSAGES_PER_SECOND);
        }
        return sessions.session(sessionId, firm, rate);
    }

    /**
     * Checks a new order and, when it passes, reserves its notional on its account and stamps its
     * context. The order's firm is the session's.
     *
     * @param session the sending session's handle
     * @param order   the order as it will be journaled, context written; on a pass its context grows by
     *                {@link RiskStamp#LENGTH} bytes
     * @param nowNs   arrival time, for the throttle (a monotonic clock)
     * @return {@link RiskResult#PASSED}, or the refusal with its reason and text
     */
    public RiskResult checkNewOrder(final SessionRisk session, final NewOrderCommand order, final long nowNs) {
        session.countCheck();
        RiskResult result = OrderChecks.throttleAndKillSwitch(session, nowNs);
        if (result != RiskResult.PASSED) {
            return result;
        }
        final AccountRisk account = state.account(session.firm(), order.accountId());
        result = OrderChecks.checkAccount(session, account, order.accountId());
        if (result != RiskResult.PASSED) {
            return result;
        }
        final InstrumentRisk instrument = state.instrument(order.instrumentId());
        result = OrderChecks.checkInstrument(session, instrument, order.instrumentId());
        if (result != RiskResult.PASSED) {
            return result;
        }
        if (order.side() == null) {
            return session.refuse(RejectReason.INVALID_FIELD, RejectTexts.invalidOrderType("side"));
        }
        final OrderType type = order.orderType();
        final long qty = order.quantity();
        result = OrderChecks.checkOrder(session, instrument, type, order.price(), qty, true);
        if (result != RiskResult.PASSED) {
            return result;
        }
        if (order.contextLength() > RiskStamp.MAX_CONTEXT_BEFORE_STAMP) {
            return session.refuse(RejectReason.INVALID_FIELD, RejectTexts.contextTooLong(order.contextLength()));
        }
        final long notional = Amounts.saturatedProduct(instrument.valuationPrice(type, order.price()), qty);
        final long seen = account.tryReserve(notional);
        if (seen != AccountRisk.RESERVED) {
            return session.refuse(RejectReason.EXCEEDS_CREDIT_LIMIT, RejectTexts.creditLimit(notional, seen, account));
        }
        RiskStamp.append(order, notional, account.slot(), incarnation);
        return RiskResult.PASSED;
    }

    /**
     * Checks a cancel/replace: throttle, kill switches, instrument, and quantity, price, collar and
     * notional on the new values (the collar only for a new limit: one the order keeps was taken at
     * entry, perhaps on a day with another reference price, and its owner must be able to reduce the
     * order); then reserves what the replace may add to the account's exposure, if anything, and
     * stamps the context with it.
     *
     * <p>The gateway keeps no order book, so the acceptor says what it knows of the order. What may be
     * added, with the fills unknown, is the larger of {@code new notional - current notional} and, when
     * the quantity grows, {@code (new qty - current qty) x new price}; a replace that shrinks the order
     * reserves nothing and so is never refused for credit. When the acceptor's values are stale (a fill
     * or another replace in flight) only this check is less exact: the exposure itself is corrected
     * from the Replaced or CancelRejected event, which carries the order's real state and this stamp.
     *
     * @param session         the sending session's handle
     * @param replace         the replace as it will be journaled, context written; grows by the stamp on a pass
     * @param accountId       the order's account, as entered
     * @param currentPrice    the order's limit price as the acceptor last knew it; 0 when unknown
     * @param currentOrderQty the order's quantity as the acceptor last knew it; 0 when unknown (then the
     *                        whole new notional is reserved)
     * @param nowNs           arrival time, for the throttle
     * @return {@link RiskResult#PASSED}, or the refusal
     */
    public RiskResult checkReplace(final SessionRisk session, final ReplaceCommand replace, final int accountId,
                                   final long currentPrice, final long currentOrderQty, final long nowNs) {
        session.countCheck();
        if (!session.throttle().tryAcquire(nowNs)) {
            return OrderChecks.throttled(session);
        }
        return replaceChecks(session, replace, accountId, currentPrice, currentOrderQty);
    }

    /**
     * {@link #checkReplace} but the throttle, for a replace that {@link #checkOther} has already let
     * through as a message of the session: an acceptor throttles every replace when it arrives, as it
     * does a cancel, before it finds anything else wrong with it (an unknown order, a ClOrdID used
     * before), and then checks the ones it would journal here. Not counted as a check again.
     *
     * @return {@link RiskResult#PASSED}, or the refusal
     */
    public RiskResult checkReplaceAfterThrottle(final SessionRisk session, final ReplaceCommand replace,
                                                final int accountId, final long currentPrice,
                                                final long currentOrderQty) {
        return replaceChecks(session, replace, accountId, currentPrice, currentOrderQty);
    }

    private RiskResult replaceChecks(final SessionRisk session, final ReplaceCommand replace, final int accountId,
                                     final long currentPrice, final long currentOrderQty) {
        RiskResult result = OrderChecks.checkFirmKillSwitch(session);
        if (result != RiskResult.PASSED) {
            return result;
        }
        final AccountRisk account = state.account(session.firm(), accountId);
        result = OrderChecks.checkAccount(session, account, accountId);
        if (result != RiskResult.PASSED) {
            return result;
        }
        final InstrumentRisk instrument = state.instrument(replace.instrumentId());
        result = OrderChecks.checkInstrument(session, instrument, replace.instrumentId());
        if (result != RiskResult.PASSED) {
            return result;
        }
        final OrderType type = OrderType.fromCode(replace.orderTypeCode());
        final long qty = replace.quantity();
        // the engine is the authority on the order's price; the acceptor's is one it took at entry
        final boolean keepsPrice = currentPrice > 0 && replace.price() == currentPrice;
        result = OrderChecks.checkOrder(session, instrument, type, replace.price(), qty, !keepsPrice);
        if (result != RiskResult.PASSED) {
            return result;
        }
        if (replace.contextLength() > RiskStamp.MAX_CONTEXT_BEFORE_STAMP) {
            return session.refuse(RejectReason.INVALID_FIELD, RejectTexts.contextTooLong(replace.contextLength()));
        }
        final long growth = replaceGrowth(instrument.valuationPrice(type, currentPrice), Math.max(0, currentOrderQty),
            instrument.valuationPrice(type, replace.price()), qty);
        final long seen = account.tryReserve(growth);
        if (seen != AccountRisk.RESERVED) {
            return session.refuse(RejectReason.EXCEEDS_CREDIT_LIMIT, RejectTexts.creditLimit(growth, seen, account));
        }
        RiskStamp.append(replace, growth, account.slot(), incarnation);
        return RiskResult.PASSED;
    }

    /** @return the most a replace may add to open exposure, fills unknown; 0 or more */
    static long replaceGrowth(final long oldPrice, final long oldQty, final long newPrice, final long newQty) {
        final long newNotional = Amounts.saturatedProduct(newPrice, newQty);
        final long oldNotional = Amounts.saturatedProduct(Math.max(0, oldPrice), oldQty);
        long growth = Math.max(0, newNotional - oldNotional);
        if (newQty > oldQty) {
            growth = Math.max(growth, Amounts.saturatedProduct(newQty - oldQty, newPrice));
        }
        return growth;
    }

    /**
     * Checks a cancel: the throttle only. A kill switch never blocks a cancel.
     *
     * @return {@link RiskResult#PASSED}, or THROTTLE_EXCEEDED
     */
    public RiskResult checkCancel(final SessionRisk session, final long nowNs) {
        return checkOther(session, nowNs);
    }

    /**
     * Checks any other message the session sends to the engine (order status, mass cancel): the
     * throttle only.
     *
     * @return {@link RiskResult#PASSED}, or THROTTLE_EXCEEDED
     */
    public RiskResult checkOther(final SessionRisk session, final long nowNs) {
        session.countCheck();
        if (!session.throttle().tryAcquire(nowNs)) {
            return OrderChecks.throttled(session);
        }
        return RiskResult.PASSED;
    }

    /**
     * Gives back what a passed check reserved, for a command that will not be journaled after all
     * (the journal refused it, the session went away). Reads the stamp the check appended; a command
     * without this gateway's stamp is left alone. Any thread.
     *
     * @param buffer        holding the command's context
     * @param contextStart  its first byte ({@code command.contextStart()})
     * @param contextLength its length ({@code command.contextLength()})
     * @return the amount released
     */
    public long releaseReservation(final DirectBuffer buffer, final int contextStart, final int contextLength) {
        if (!RiskStamp.isStampOf(buffer, contextStart, contextLength, incarnation)) {
            return 0;
        }
        final AccountRisk account = state.accountAt(RiskStamp.accountSlot(buffer, contextStart, contextLength));
        if (account == null) {
            return 0;
        }
        final long amount = RiskStamp.reserved(buffer, contextStart, contextLength);
        account.release(amount);
        return amount;
    }

    /**
     * Turns a kill switch on or off in the gateway at once. While on, the firm's (or the account's) new
     * orders and replaces are refused with KILL_SWITCH; cancels still pass. This alone neither cancels
     * anything nor survives a restart: the switch that lasts is the engine's, which the command
     * {@link KillSwitchCommand#write} builds sets, and which the gateway follows from the event log
     * ({@link #onKillSwitchChanged}). Any thread.
     *
     * @param firmId                      the firm
     * @param accountIdOrZeroForWholeFirm a listed account of the firm, or 0 for the whole firm
     * @param on                          true to block
     * @return true when the switch changed
     * @throws IllegalArgumentException for an unknown firm or an account that is not the firm's
     */
    public boolean killSwitch(final int firmId, final int accountIdOrZeroForWholeFirm, final boolean on) {
        final FirmRisk firm = knownFirm(firmId);
        return accountIdOrZeroForWholeFirm == 0 ? set(firm, null, on)
            : set(firm, knownAccount(firmId, accountIdOrZeroForWholeFirm), on);
    }

    /** Sets a firm's switch (account null) or an account's; @return true when it changed */
    private static boolean set(final FirmRisk firm, final AccountRisk account, final boolean on) {
        final boolean changed = (account == null ? firm.killSwitch() : account.killSwitch()) != on;
        if (account == null) {
            firm.killSwitch(on);
        } else {
            account.killSwitch(on);
        }
        if (changed) {
            LOG.info("Kill switch {} for {}", on ? "ON" : "off", account == null ? "firm " + firm.name() : account.label());
        }
        return changed;
    }

    /** @return true when the kill switch of the firm (account 0) or of the account is on */
    public boolean isKillSwitchOn(final int firmId, final int accountIdOrZeroForWholeFirm) {
        return accountIdOrZeroForWholeFirm == 0 ? knownFirm(firmId).killSwitch()
            : knownAccount(firmId, accountIdOrZeroForWholeFirm).killSwitch();
    }

    // ---- counters for operators: any thread ----

    /** @return checks made, passed or not, across all sessions */
    public long checks() {
        return sessions.checks();
    }

    /** @return checks refused for a reason, across all sessions */
    public long rejects(final RejectReason reason) {
        return sessions.rejects(reason);
    }

    /** @return messages of one session refused by its throttle; 0 for a session never seen */
    public long throttleRejects(final int sessionId) {
        return sessions.throttleRejects(sessionId);
    }

    /**
     * @return the account's exposure: pending + open + executed, in 1/10,000 currency units
     * @throws IllegalArgumentException for an unknown account
     */
    public long exposure(final int firmId, final int accountId) {
        return knownAccount(firmId, accountId).exposure();
    }

    /** @return leaves x valuation price of the account's live orders, in 1/10,000 currency units */
    public long openExposure(final int firmId, final int accountId) {
        return knownAccount(firmId, accountId).open();
    }

    /** @return gross notional of the account's fills since the last DayEnded, in 1/10,000 currency units */
    public long executedNotional(final int firmId, final int accountId) {
        return knownAccount(firmId, accountId).executed();
    }

    /** @return reserved by checks the engine has not answered yet (a snapshot of moving parts) */
    public long pendingExposure(final int firmId, final int accountId) {
        final AccountRisk account = knownAccount(firmId, accountId);
        return account.exposure() - account.open() - account.executed();
    }

    /** @return the account's credit limit, in 1/10,000 currency units */
    public long creditLimit(final int firmId, final int accountId) {
        return knownAccount(firmId, accountId).creditLimit();
    }

    /** @return the trading phase as the gateway last saw it; {@code null} for an unknown instrument */
    public TradingPhase phase(final int instrumentId) {
        final InstrumentRisk instrument = state.instrument(instrumentId);
        return instrument == null ? null : instrument.phase();
    }

    /** @return events about firms or accounts that are not configured, which exposure ignores */
    public long ignoredEvents() {
        return exposure.ignoredEvents();
    }

    // ---- the event log: one consumer thread ----

    @Override
    public void onAccepted(final AcceptedEvent event) {
        exposure.onAccepted(event);
    }

    @Override
    public void onRejected(final RejectedEvent event) {
        exposure.onRejected(event);
    }

    @Override
    public void onTrade(final TradeEvent event) {
        exposure.onTrade(event);
    }

    @Override
    public void onCancelled(final CancelledEvent event) {
        exposure.onCancelled(event);
    }

    @Override
    public void onReplaced(final ReplacedEvent event) {
        exposure.onReplaced(event);
    }

    @Override
    public void onCancelRejected(final CancelRejectedEvent event) {
        exposure.onCancelRejected(event);
    }

    @Override
    public void onRestored(final RestoredEvent event) {
        exposure.onRestored(event);
    }

    @Override
    public void onRestated(final RestatedEvent event) {
        exposure.onRestated(event);
    }

    @Override
    public void onPhaseChanged(final PhaseChangedEvent event) {
        exposure.onPhaseChanged(event);
    }

    @Override
    public void onDayEnded(final DayEndedEvent event) {
        exposure.onDayEnded(event);
    }

    /**
     * The engine's kill switch as the event log tells it (on, off, or restated at the start of a day):
     * the gateway's switch follows, so that it knows the switches after a restart and on later days. A
     * refused command changes nothing; a firm or account that is not configured is counted in
     * {@link #ignoredEvents()}.
     */
    @Override
    public void onKillSwitchChanged(final KillSwitchChangedEvent event) {
        if (event.refused()) {
            return;
        }
        final FirmRisk firm = state.firm(event.firmId());
        final AccountRisk account = firm == null || event.accountId() == 0 ? null : state.account(firm, event.accountId());
        if (firm == null || (event.accountId() != 0 && account == null)) {
            exposure.ignored();
            return;
        }
        set(firm, account, event.on());
    }

    private FirmRisk knownFirm(final int firmId) {
        final FirmRisk firm = state.firm(firmId);
        if (firm == null) {
            throw new IllegalArgumentException("firm " + firmId + " is not configured");
        }
        return firm;
    }

    private AccountRisk knownAccount(final int firmId, final int accountId) {
        final AccountRisk account = state.account(knownFirm(firmId), accountId);
        if (account == null) {
            throw new IllegalArgumentException("account " + accountId + " is not an account of firm " + firmId);
        }
        return account;
    }
}
