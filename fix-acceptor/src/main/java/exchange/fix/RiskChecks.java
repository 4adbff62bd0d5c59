package exchange.fix;

import exchange.matching.command.NewOrderCommand;
import exchange.matching.command.ReplaceCommand;
import exchange.matching.event.EventHandler;
import exchange.risk.AccountDirectory;
import exchange.risk.RiskConfig;
import exchange.risk.RiskGateway;
import exchange.risk.RiskResult;
import exchange.risk.SessionRisk;
import org.agrona.DirectBuffer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The acceptor's pre-trade checks and firm directory, backed by the {@link RiskGateway}: firms and
 * accounts come from the risk configuration, each order-entry session gets the gateway's handle (its
 * throttle window) the first time it sends something. Thread-safe; a passing check allocates nothing.
 */
public final class RiskChecks implements PreTradeChecks, FirmDirectory {
    private final RiskGateway gateway;
    private final AccountDirectory accounts;
    private final Map<String, Integer> firmIds = new HashMap<>();
    private final AtomicReferenceArray<SessionRisk> sessions = new AtomicReferenceArray<>(0x10000);

    public RiskChecks(final RiskGateway gateway) {
        this.gateway = gateway;
        this.accounts = gateway.config().accountDirectory();
        for (final RiskConfig.Firm firm : gateway.config().firms()) {
            firmIds.put(firm.name(), firm.id());
        }
    }

    /** @return the gateway the checks run on */
    public RiskGateway gateway() {
        return gateway;
    }

    /** @return the gateway: its exposure lives in memory and is kept from the event log */
    @Override
    public EventHandler eventLogFeed() {
        return gateway;
    }

    @Override
    public int firmId(final String name) {
        return firmIds.getOrDefault(name, UNKNOWN);
    }

    @Override
    public int accountId(final int firmId, final String account) {
        if (!accounts.isKnownFirm(firmId)) {
            return UNKNOWN;
        }
        final int id = accounts.accountId(firmId, account);
        return id == AccountDirectory.UNKNOWN_ACCOUNT_ID ? UNKNOWN : id;
    }

    private SessionRisk risk(final FixSession session) {
        final SessionRisk risk = sessions.get(session.number());
        if (risk != null) {
            return risk;
        }
        final SessionRisk created = gateway.session(session.number(), session.firmId(), session.messagesPerSecond());
        return sessions.compareAndSet(session.number(), null, created) ? created : sessions.get(session.number());
    }

    private static Result result(final RiskResult r) {
        return r.passed() ? Result.PASSED : new Result(r.reason(), r.text());
    }

    @Override
    public Result newOrder(final FixSession session, final NewOrderCommand order, final long nowNs) {
        return result(gateway.checkNewOrder(risk(session), order, nowNs));
    }

    @Override
    public Result replace(final FixSession session, final ReplaceCommand replace, final int accountId,
                          final long currentPrice, final long currentQty) {
        return result(gateway.checkReplaceAfterThrottle(risk(session), replace, accountId, currentPrice, currentQty));
    }

    @Override
    public Result cancel(final FixSession session, final long nowNs) {
        return result(gateway.checkCancel(risk(session), nowNs));
    }

    @Override
    public Result other(final FixSession session, final long nowNs) {
        return result(gateway.checkOther(risk(session), nowNs));
    }

    @Override
    public void notJournaled(final DirectBuffer buffer, final int contextStart, final int contextLength) {
        gateway.releaseReservation(buffer, contextStart, contextLength);
    }
}
