package org.molap.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * One option of {@code ./molap run <experiment>}: its name (the flag without "--", and the key in a {@code --config}
 * file), the type its value must parse as, a label for the usage line, and its help: what it sets, its default
 * and the paper section the default comes from. Each experiment takes only the options it declares.
 */
public record RunOption(String name, Class<?> type, String label, String help) {
    public static final RunOption PROFILE = new RunOption("profile", String.class, "quick|paper",
            "quick (default) finishes in minutes on a laptop; paper uses the seed's settings (seed 000 A.2-A.3)");
    public static final RunOption OUT = new RunOption("out", Path.class, "<dir>",
            "parent of the new run directory (default: runs)");
    public static final RunOption SEED = new RunOption("seed", Long.class, "<n>",
            "seed of the network, the training data and the test sets (default: 1)");
    public static final RunOption TASKS = new RunOption("tasks", String.class, "<a,b,...>",
            "train and score only these tasks (names or T1..T9; default: all nine of seed 000 Table 1)");
    public static final RunOption MEMORY_TASK = new RunOption("tasks", String.class, "<task>",
            "the task whose stimulus is decoded (default: MemPro)");
    public static final RunOption UNITS = new RunOption("units", Integer.class, "<n>",
            "number of recurrent units (default: 100, seed 000 A.2)");
    public static final RunOption MODULES = new RunOption("modules", Integer.class, "<n>",
            "number of modules; must divide the units (default: 2, seed 000 section 3)");
    public static final RunOption G = new RunOption("g", Double.class, "<x>",
            "gain of the random recurrent weights (default: 1.5, seed 000 A.2)");
    public static final RunOption MEMORY_G = new RunOption("g", Double.class, "<x>",
            "probe only this gain of the random core (default: 0.5, 1.0, 1.5)");
    public static final RunOption ALPHA = new RunOption("alpha", Double.class, "<a>",
            "leak dt/tau of h <- (1-a) h + a tanh(...) (default: 0.2, Yang et al. 2019; 1 is seed 000 Eq. 1 without a leak)");
    public static final RunOption PRIMITIVES = new RunOption("primitives", String.class, "cca|pca|none",
            "latent primitives the modules are pre-trained on (default: cca, seed 000 section 2; pca is A.2.2; none skips it)");
    public static final RunOption PRIMITIVE_CHANNELS = new RunOption("primitive-channels", String.class, "all|no-fixation",
            "fit the primitives on every channel (default, the paper) or without the fixation channels");
    public static final RunOption MEM_DELAY = new RunOption("mem-delay", String.class, "real|none",
            "Mem Pro/Anti with a memory delay (default) or, as in the authors' code, the stimulus on until the go cue");
    public static final RunOption CONTEXT_STREAMS = new RunOption("context-streams", String.class, "independent|same-angles",
            "two-stream tasks: independent angles (default) or, as in the authors' code, cos and sin of the same angles");
    public static final RunOption CORE = new RunOption("core", Path.class, "<run-dir>",
            "also probe the pre-trained W_rec of this molap run");
    public static final RunOption ENGINE = new RunOption("engine", String.class, "bptt|samediff",
            "hand-derived BPTT (default, faster) or the SameDiff graph; the same math");
    public static final RunOption ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "iterations of every training phase, or of every stage (default: quick 80 pre-training / 100 tasks, paper 200, seed 000 Table 2)");
    public static final RunOption STAGES = new RunOption("stages", Integer.class, "<n>",
            "learning-rate stages of --iterations each, the rate divided by 3 after each (default: quick 1; paper 5 pre-training, 10 tasks; seed 000 Table 2)");
    public static final RunOption LR_PRETRAIN = new RunOption("lr-pretrain", Double.class, "<rate>",
            "Adam's learning rate for module pre-training (default: 3e-3, seed 000 A.2)");
    public static final RunOption LR_TASKS = new RunOption("lr-tasks", Double.class, "<rate>",
            "Adam's learning rate for MoLaP's task training (default: 1e-2, seed 000 A.2)");
    public static final RunOption LR_BASELINES = new RunOption("lr-baselines", Double.class, "<rate>",
            "Adam's learning rate of the separate networks and DNI (default: 3e-3, seed 000 A.2)");
    public static final RunOption BATCH = new RunOption("batch", Integer.class, "<n>",
            "trials per training batch (default: quick 64, paper 200, seed 000 A.2)");
    public static final RunOption CHECKPOINT_EVERY = new RunOption("checkpoint-every", Integer.class, "<n>",
            "save the training state every n iterations for ./molap resume (default: once a minute, and at every phase's end)");
    public static final RunOption LEAVE_OUT = new RunOption("leave-out", String.class, "<a,b,...>",
            "tasks the primitives are fitted and the modules pre-trained without; their heads still train (seed 000 section 4.2)");
    public static final RunOption PROBE_EVERY = new RunOption("probe-every", Integer.class, "<n>",
            "every n iterations of a task's training, log its held-out accuracy and its accuracy under lesions (default: off)");
    public static final RunOption PROBE_LESIONS = new RunOption("probe-lesions", String.class, "<p,...>",
            "percentages of W_rec the training probes lesion, 3 draws each (default: 10,30; needs --probe-every)");
    public static final RunOption DRAWS = new RunOption("draws", Integer.class, "<n>",
            "random draws per perturbation level (default: quick 3, paper 30, seed 000 A.4)");
    public static final RunOption WORKERS = new RunOption("workers", Integer.class, "<n>",
            "child JVMs the independent units run in at once, one per core (default: the number of cores)");
    public static final RunOption NETWORKS_FROM = new RunOption("networks-from", String.class, "<run-dirs>",
            "copy the finished networks of these earlier runs (comma-separated) instead of training them: same experiment and "
                    + "settings, any seeds, number of networks or models");
    public static final RunOption METHODS = new RunOption("methods", String.class, "<a,b,...>",
            "methods to run: molap, separate, dni, molap_no_pretraining, molap_pca (default: all)");
    public static final RunOption DNI_ALPHA = new RunOption("dni-alpha", Double.class, "<a>",
            "strength of DNI's projections P = (S / a + I)^-1 (default: 1e-3, Duncker et al. 2020)");
    public static final RunOption MOTOR_PROFILE = new RunOption("profile", String.class, "quick|paper",
            "quick (default) finishes in minutes on a laptop; paper uses seed 001's sizes (Table 1, section 8)");
    public static final RunOption ARCHITECTURES = new RunOption("architectures", String.class, "<a,b,...>",
            "control, control-sequential, additive, multiplicative, additive-prep, multiplicative-prep (default: quick additive, "
                    + "additive-prep and both controls, paper all six; seed 001 sections 1.2-1.7)");
    public static final RunOption MOTOR_UNITS = new RunOption("units", Integer.class, "<n>",
            "N of every chosen architecture (default: Table 1's, quick 100 / 50; seed 001 Fig. 2c's additive N 1000)");
    public static final RunOption INITIAL_STD = new RunOption("initial-std", Double.class, "<s>",
            "standard deviation of the random initial states x(0) in training and test (default 1; Fig. 2a iv-v: 1.2)");
    public static final RunOption PREP = new RunOption("prep", Boolean.class, "",
            "also train each additive or multiplicative architecture named with the preparatory module (seed 001 section 1.7)");
    public static final RunOption MOTIF_FAMILY = new RunOption("motifs", String.class, "step|oscillatory",
            "the motif set: step (hard, appendix A.2.2) or oscillatory (easy, A.2.1) (default: step)");
    public static final RunOption MOTOR_NETWORKS = new RunOption("networks", Integer.class, "<n>",
            "networks per architecture, seeds --seed, --seed + 1, ..., each with its own J, w and motif set (default: quick 1, paper 3)");
    public static final RunOption MOTOR_ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "Adam iterations over all motifs (default: quick 300, paper 1000 at rate 1e-2, seed 001 section 3.2's faster alternative)");
    public static final RunOption NM_PROFILE = new RunOption("profile", String.class, "quick|paper",
            "quick (default) finishes in minutes on a laptop; paper uses seed 003's settings (supplement C.3)");
    public static final RunOption NM_MODELS = new RunOption("models", String.class, "<a,b,...>",
            "models to train: nm, lr, rnn, lstm (default: all four, seed 003 B.1)");
    public static final RunOption NETWORKS = new RunOption("networks", Integer.class, "<n>",
            "networks per model, seeds --seed, --seed + 1, ... (default: quick 2, paper 10, seed 003 C.3)");
    public static final RunOption ADAM_RESET = new RunOption("adam-reset", Integer.class, "<n>",
            "reset Adam's state every n iterations, as the authors' loop does with n = 1000 (default: 0, never)");
    public static final RunOption RNN_LR = new RunOption("rnn-lr", Double.class, "<rate>",
            "learning rate of the vanilla RNN (default: 1e-2, seed 003 C.3; the authors' script uses 1e-3)");
    public static final RunOption EF_ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "training iterations of every network (default: quick 1500, paper 20000, seed 003 C.3)");
    public static final RunOption NM_ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "iterations on the three tasks (default: quick 1500, paper 50000; seed 003 C.3 trains 150000)");
    public static final RunOption RETRAIN_ITERATIONS = new RunOption("retrain-iterations", Integer.class, "<n>",
            "iterations of retraining on Memory Anti (default: quick 500, paper 20000; seed 003 C.3 retrains 50000)");
    public static final RunOption MATCHED = new RunOption("matched", Boolean.class, "",
            "vanilla RNN of 38 and LSTM of 17 units, the NM-RNN's parameter count (default: the paper's 18 and 8, about 500)");
    public static final RunOption RANK_ONE_ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "training iterations (default: quick 4000, paper 50000, seed 003 C.3)");
    public static final RunOption LOW_RANK_SCALE = new RunOption("low-rank-scale", String.class, "code|1/N|1",
            "factor of the low-rank term: the authors' code (1 for the NM-RNN, 1/N for the LR-RNN) or the same for both (default: code)");
    public static final RunOption NM_TAUS = new RunOption("nm-taus", String.class, "paper|code|both",
            "the NM-RNN's tau_x, tau_z: the paper's 10, 2, the authors' code's 2, 10, or both (default: both)");
    public static final RunOption TASK_COUNTS = new RunOption("tasks", String.class, "<n,n,...>",
            "numbers of tasks N_task, a set of networks each (default: quick 2,24, paper 2,3,6,12,24; seed 002 Fig. 1f)");
    public static final RunOption DIMS = new RunOption("dims", String.class, "<d,d,...>",
            "stimulus dimensions D, random boundaries above 2 (default: 2; Fig. 1g: 2,3,4,5)");
    public static final RunOption DISENTANGLE_NETWORKS = new RunOption("networks", Integer.class, "<n>",
            "networks per N_task and D, seeds --seed, --seed + 1, ... (default: quick 1, paper 5, seed 002)");
    public static final RunOption DISENTANGLE_ITERATIONS = new RunOption("iterations", Integer.class, "<n>",
            "Adam steps of 16 fresh trials per network (default: quick 8000, paper 100000, seed 002)");
    public static final RunOption DECODER_FITS = new RunOption("decoder-fits", Integer.class, "<n>",
            "fits per fold of the paper's Adam decoder protocol beside least squares (default: quick 0, paper 5)");
    public static final RunOption READOUT = new RunOption("loss", String.class, "tanh-mse|bce",
            "readout and loss: the paper's tanh, targets -1 / +1 and squared error, or the authors' later sigmoid, targets 0 / 1 "
                    + "and cross-entropy (default: tanh-mse; seed 002)");
    public static final RunOption DECISION_ONLY = new RunOption("decision-only", Boolean.class, "",
            "apply the loss at the decision step only (default: at all 22 steps, as both versions of the authors' code)");
    public static final RunOption STIMULUS_NOISE = new RunOption("noise", Double.class, "<sigma>",
            "standard deviation of the stimulus noise added at every step (default: 0.2, seed 002; ICLR Fig. 5c: 0.1-0.6)");
    public static final RunOption RUNS = new RunOption("runs", String.class, "<dirs>",
            "baselines run directories, or folders of them, comma-separated (required)");

    public static final RunOption BENCH_OUT = new RunOption("out", Path.class, "<file.json>",
            "results file; a chart is written next to it (default: runs/bench-<time>.json)");
    public static final RunOption PROBLEMS = new RunOption("problems", String.class, "molap|families|all",
            "molap: the MoLaP shape (N 100, batch 200, T 110); families: one problem per cell family; all (default): both, and N 200 and 400");
    public static final RunOption REPEATS = new RunOption("repeats", Integer.class, "<n>",
            "rounds of the interleaved contenders after the warm-up (default: 7)");
    public static final RunOption BENCH_ALPHA = new RunOption("alpha", Double.class, "<a>",
            "the leak of our engine on the MoLaP problems (default: 0.2; the no-leak engine is timed beside it)");
    public static final RunOption SWEEP = new RunOption("sweep", Boolean.class, "",
            "also time our engine over N = 50..400 (the scaling chart)");
    public static final List<RunOption> BENCH = List.of(BENCH_OUT, PROBLEMS, REPEATS, BENCH_ALPHA, SWEEP);

    /** The options of every run: profile, output folder, seed. */
    public static final List<RunOption> COMMON = List.of(PROFILE, OUT, SEED);
    /** The network and training options of MoLaP (seed 000). */
    public static final List<RunOption> MOLAP = List.of(TASKS, UNITS, MODULES, G, ALPHA, PRIMITIVES, PRIMITIVE_CHANNELS,
            MEM_DELAY, CONTEXT_STREAMS, ENGINE, ITERATIONS, STAGES, LR_PRETRAIN, LR_TASKS, BATCH, CHECKPOINT_EVERY, LEAVE_OUT,
            PROBE_EVERY, PROBE_LESIONS);
}
