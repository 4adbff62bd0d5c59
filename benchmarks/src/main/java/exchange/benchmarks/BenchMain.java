package exchange.benchmarks;

import exchange.benchmarks.fix.FixBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/bench <what>}: the exchange's benchmarks. Each prints its figures and writes them as JSON
 * under {@code benchmarks/target/results/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the exchange. Figures are printed and written as JSON under benchmarks/target/results/.",
    subcommands = {MatchingBenchmark.class, SequencerBenchmark.class, FixBenchmark.class,
        MarketDataBenchmark.class})
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
