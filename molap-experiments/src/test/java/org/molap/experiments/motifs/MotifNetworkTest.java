package org.molap.experiments.motifs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.motifs.Motif;
import org.molap.core.tasks.motifs.StepMotifs;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.PhaseRecord;

/**
 * Seed 001's networks end to end at a small size: each motif's loss falls, learning a motif leaves every other entry
 * bitwise unchanged (non-interference by construction, WI-1 #7), Table 1's counts come out of the trainable sets,
 * and the chaining test fills its arrays.
 */
class MotifNetworkTest {
    private static final List<Motif> MOTIFS = new StepMotifs(StepMotifs.Config.quick()).sample(3, new Random(4));
    private static final int STEPS = MOTIFS.stream().mapToInt(Motif::length).max().orElseThrow();

    private static MotifNetwork.Settings settings(int units, int iterations, double rate, boolean sequential) {
        return new MotifNetwork.Settings(units, 8, 1.0, new MotifLearner.Settings(4, iterations, rate, Optimiser.adam(), 50, STEPS),
                new PreparatoryModule.Settings(8, 16, 100, 100, 1e-2), 3, sequential);
    }

    @Test
    void theAdditiveNetworkLearnsEachMotifAloneAndIsTested() {
        MotifNetwork.Result r = MotifNetwork.run(Architecture.ADDITIVE, MOTIFS, 1, settings(40, 100, 1e-2, true), null);
        assertEquals(3, r.phases().size());
        double first = r.phases().stream().mapToDouble(PhaseRecord::firstLoss).sum();
        double last = r.phases().stream().mapToDouble(PhaseRecord::lastLoss).sum();
        assertTrue(last < 0.8 * first, "the summed loss falls by 20%: " + r.phases());
        assertTrue(r.othersUnchanged(), "learning a motif moved another motif's entries");
        assertEquals(3 * 40, r.trainedEntries(), "Table 1: N per motif");
        ChainingHarness c = r.chaining();
        assertEquals(3, c.random()[0].length);
        assertTrue(Double.isNaN(c.predecessors()[1][1]) && c.predecessors()[0][1] > 0 && Double.isFinite(c.penalty()), "" + c.penalty());
    }

    @Test
    void theMultiplicativeNetworkWithTheModuleCountsItsLoopsAndKeepsTheModuleFrozen() {
        MotifNetwork.Result r = MotifNetwork.run(Architecture.MULTIPLICATIVE_PREP, MOTIFS, 2, settings(30, 200, 1e-2, false), null);
        assertEquals(1 + 1, r.phases().size(), "the module, then the motifs together");
        assertTrue(r.phases().get(1).lastLoss() < 0.7 * r.phases().get(1).firstLoss(), "the loss falls by 30%: " + r.phases().get(1));
        assertTrue(r.othersUnchanged(), "U_prep, V_prep, J, w and the other motifs' b, u, v stay bitwise");
        assertEquals(3 * 3 * 30, r.trainedEntries(), "Table 1: b, u and v per motif");
        assertTrue(r.module().relativeNorm(50) < 0.5, "the module quenches activity: " + r.module().relativeNorm(50));
    }

    @Test
    void theControlNetworkTrainsEverythingOnAllMotifs() {
        MotifNetwork.Result r = MotifNetwork.run(Architecture.CONTROL, MOTIFS, 3, settings(50, 300, 3e-3, false), null);
        assertEquals(1, r.phases().size());
        assertEquals(50 * 50 + 50 + 3 * 50, r.trainedEntries(), "Table 1: J, w and b per motif");
        assertTrue(r.phases().get(0).lastLoss() < 0.7 * r.phases().get(0).firstLoss(), "" + r.phases().get(0));
    }
}
