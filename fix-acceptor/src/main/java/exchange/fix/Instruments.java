package exchange.fix;

import exchange.matching.Instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The instruments by symbol and by id, for decoding and encoding FIX. Immutable, thread-safe. */
public final class Instruments {
    private final Map<String, Instrument> bySymbol = new HashMap<>();
    private final Instrument[] byId;
    private final List<Instrument> all;

    public Instruments(final List<Instrument> instruments) {
        int max = 0;
        for (final Instrument i : instruments) {
            max = Math.max(max, i.id());
            if (bySymbol.put(i.symbol(), i) != null) {
                throw new IllegalArgumentException("two instruments have the symbol " + i.symbol());
            }
        }
        byId = new Instrument[max + 1];
        for (final Instrument i : instruments) {
            byId[i.id()] = i;
        }
        all = List.copyOf(instruments);
    }

    /** @return the instrument with this symbol, or {@code null} */
    public Instrument bySymbol(final String symbol) {
        return bySymbol.get(symbol);
    }

    /** @return the instrument with this id, or {@code null} */
    public Instrument byId(final int id) {
        return id > 0 && id < byId.length ? byId[id] : null;
    }

    /** @return the symbol of an instrument id, or "?" */
    public String symbol(final int id) {
        final Instrument instrument = byId(id);
        return instrument != null ? instrument.symbol() : "?";
    }

    /** @return every instrument */
    public List<Instrument> all() {
        return all;
    }
}
