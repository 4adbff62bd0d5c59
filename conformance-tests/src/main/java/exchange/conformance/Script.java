package exchange.conformance;

import java.util.List;

/**
 * A parsed script: a name and the steps to play in order. Immutable.
 *
 * @param name  the script's name, its file name without {@code .def}
 * @param steps what to do, comments and blank lines left out
 */
public record Script(String name, List<Step> steps) {
    public Script {
        steps = List.copyOf(steps);
    }
}
