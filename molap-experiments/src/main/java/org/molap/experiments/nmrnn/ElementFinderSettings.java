package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;

/**
 * The numbers of seed 003's Element Finder comparison (supplement C.3; the authors' nmlrrnn_sweep): five NM-RNN
 * shapes (M, N, K) and four LR-RNN shapes (N, K) of about 500 parameters, an LSTM of 10 units, a vanilla RNN of 16
 * at three learning rates; 20k iterations of 128 fresh sequences, Adam at 1e-2 (epsilon 1e-7), no clipping, no
 * decay; 10 networks per condition. The NM-RNN runs with tau_x = 10, tau_z = 2 (the paper's) and with tau_x = 2,
 * tau_z = 10 (the authors' code, which made the paper's figures): {@code --nm-taus paper|code|both}, default both.
 * Quick: the first NM-RNN shape (both taus), one LR-RNN shape and the LSTM, 5000 iterations, 2 networks.
 */
public record ElementFinderSettings(String profile, List<Condition> conditions, long firstSeed, int networks,
                                    int iterations, int batch, int testSequences, int ablationSequences) {

    /** The paper's time constants of the Element Finder NM-RNN (supplement C.3): tau_x, tau_z. */
    static final double[] PAPER_TAUS = {10, 2};
    /** The authors' code's (nmlrrnn_sweep): swapped. */
    static final double[] CODE_TAUS = {2, 10};

    /**
     * One model shape: (M, N, K) for the NM-RNN, (N, K) for the LR-RNN, N for the others; its learning rate; the
     * NM-RNN's tau_x and tau_z (0 for the others).
     */
    public record Condition(NmModel model, int nmUnits, int units, int rank, double learningRate, double tauX, double tauZ) {
        Condition(NmModel model, int nmUnits, int units, int rank, double learningRate) {
            this(model, nmUnits, units, rank, learningRate, model == NmModel.NM_RNN ? PAPER_TAUS[0] : 0,
                    model == NmModel.NM_RNN ? PAPER_TAUS[1] : 0);
        }

        /** The same NM-RNN shape with the code's time constants. */
        Condition codeTaus() {
            return new Condition(model, nmUnits, units, rank, learningRate, CODE_TAUS[0], CODE_TAUS[1]);
        }

        boolean hasCodeTaus() {
            return model == NmModel.NM_RNN && tauX == CODE_TAUS[0] && tauZ == CODE_TAUS[1];
        }

        public String name() {
            return switch (model) {
                case NM_RNN -> String.format(Locale.ROOT, "nm-%d-%d-%d%s", nmUnits, units, rank, hasCodeTaus() ? "-code-taus" : "");
                case LR_RNN -> String.format(Locale.ROOT, "lr-%d-%d", units, rank);
                case LSTM -> "lstm-" + units;
                case RNN -> String.format(Locale.ROOT, "rnn-%d-lr%s", units, learningRate);
            };
        }

        /** The paper's label, e.g. "NM-RNN (5, 18, 8)". */
        public String label() {
            return switch (model) {
                case NM_RNN -> String.format(Locale.ROOT, "NM-RNN (%d, %d, %d)%s", nmUnits, units, rank,
                        hasCodeTaus() ? ", code taus" : "");
                case LR_RNN -> String.format(Locale.ROOT, "LR-RNN (%d, %d)", units, rank);
                case LSTM -> "LSTM (" + units + ")";
                case RNN -> String.format(Locale.ROOT, "RNN (%d), lr %s", units, learningRate);
            };
        }
    }

    static final List<Condition> PAPER_CONDITIONS = List.of(
            new Condition(NmModel.NM_RNN, 5, 18, 8, 1e-2), new Condition(NmModel.NM_RNN, 5, 13, 12, 1e-2),
            new Condition(NmModel.NM_RNN, 10, 14, 5, 1e-2), new Condition(NmModel.NM_RNN, 10, 12, 7, 1e-2),
            new Condition(NmModel.NM_RNN, 15, 6, 5, 1e-2),
            new Condition(NmModel.LR_RNN, 0, 23, 10, 1e-2), new Condition(NmModel.LR_RNN, 0, 31, 7, 1e-2),
            new Condition(NmModel.LR_RNN, 0, 50, 4, 1e-2), new Condition(NmModel.LR_RNN, 0, 83, 2, 1e-2),
            new Condition(NmModel.LSTM, 0, 10, 0, 1e-2),
            new Condition(NmModel.RNN, 0, 16, 0, 1e-3), new Condition(NmModel.RNN, 0, 16, 0, 1e-2),
            new Condition(NmModel.RNN, 0, 16, 0, 1e-1));

    public static ElementFinderSettings paper() {
        return new ElementFinderSettings("paper", withTaus(PAPER_CONDITIONS, "both"), 1, 10, 20_000, 128, 10_000, 2000);
    }

    /** The quick profile's shapes: the first NM-RNN shape, LR-RNN (50, 4), the LSTM. */
    static final List<Condition> QUICK_CONDITIONS = List.of(PAPER_CONDITIONS.get(0), PAPER_CONDITIONS.get(7), PAPER_CONDITIONS.get(9));

    public static ElementFinderSettings quick() {
        return new ElementFinderSettings("quick", withTaus(QUICK_CONDITIONS, "both"), 1, 2, 5000, 128, 2000, 500);
    }

    /** The NM-RNN conditions with the paper's time constants, the code's, or both (each shape twice). */
    static List<Condition> withTaus(List<Condition> conditions, String taus) {
        List<Condition> out = new java.util.ArrayList<>();
        for (Condition c : conditions) {
            if (c.model() != NmModel.NM_RNN) {
                out.add(c);
                continue;
            }
            switch (taus) {
                case "paper" -> out.add(c);
                case "code" -> out.add(c.codeTaus());
                case "both" -> {
                    out.add(c);
                    out.add(c.codeTaus());
                }
                default -> throw new UsageException("Option --nm-taus must be paper, code or both, got '" + taus + "'.");
            }
        }
        return out;
    }

    public static ElementFinderSettings of(Options options) {
        ElementFinderSettings s = options.profile() == Profile.PAPER ? paper() : quick();
        boolean quick = s.profile.equals("quick");
        List<Condition> base = quick ? QUICK_CONDITIONS : PAPER_CONDITIONS;
        if (options.get("models") != null) {
            List<NmModel> models = NmModel.list(options.get("models"));
            // the quick profile's shape of each model named, else the paper's first
            base = quick ? models.stream().map(m -> Stream.concat(QUICK_CONDITIONS.stream(), PAPER_CONDITIONS.stream())
                    .filter(c -> c.model() == m).findFirst().orElseThrow()).toList()
                    : PAPER_CONDITIONS.stream().filter(c -> models.contains(c.model())).toList();
        }
        List<Condition> conditions = withTaus(base, options.get("nm-taus") == null ? "both" : options.get("nm-taus"));
        Integer iterations = options.integer("iterations");
        if (iterations != null && iterations <= 0) {
            throw new UsageException("Option --iterations must be positive, got " + iterations + ".");
        }
        return new ElementFinderSettings(s.profile, conditions, options.seed() == null ? 1 : options.seed(),
                options.positive("networks", s.networks), iterations == null ? s.iterations : iterations, s.batch,
                s.testSequences, s.ablationSequences);
    }

    public List<Long> seeds() {
        return NetworkUnits.seeds(firstSeed, networks);
    }
}
