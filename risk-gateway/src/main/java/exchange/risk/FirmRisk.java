package exchange.risk;

/**
 * A firm as the checks see it: its name, its kill switch and its default account (account id 0).
 * Thread-safe: the kill switch is volatile, the rest is fixed at start-up.
 */
final class FirmRisk {
    private final int id;
    private final String name;
    private AccountRisk defaultAccount;
    private volatile boolean killSwitch;

    FirmRisk(final int id, final String name) {
        this.id = id;
        this.name = name;
    }

    int id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Set once while the gateway is built, before any other thread sees this firm. */
    void defaultAccount(final AccountRisk account) {
        this.defaultAccount = account;
    }

    AccountRisk defaultAccount() {
        return defaultAccount;
    }

    boolean killSwitch() {
        return killSwitch;
    }

    void killSwitch(final boolean on) {
        killSwitch = on;
    }
}
