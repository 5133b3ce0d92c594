package org.molap.experiments.baselines;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.train.PhaseRecord;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parameter and update counts come from the phase records: shared arrays once, per-phase arrays per phase. */
class MethodResultTest {

    private static PhaseRecord phase(String name, int iterations, long trainable, Map<String, Long> sizes) {
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        return new PhaseRecord(name, iterations, 1, 0.5, total, trainable, trainable * iterations, 1.0, sizes);
    }

    @Test
    void sharedVariablesCountOnceAndHeadsOncePerPhase() {
        // A MoLaP-like method: core W_rec (100) and b (10) shared; two phases with their own heads.
        Map<String, Long> head1 = Map.of("W_rec", 100L, "b", 10L, "W_in", 30L, "W_out", 20L, "b_out", 2L);
        Map<String, Long> head2 = Map.of("W_rec", 100L, "b", 10L, "W_in", 20L, "W_out", 10L, "b_out", 1L);
        MethodResult m = new MethodResult("m", "M", Map.of(), List.of(phase("a", 7, 52, head1), phase("b", 3, 31, head2)),
                Set.of("W_rec", "b"), 0);
        assertEquals(110 + 52 + 31, m.parameters());
        assertEquals(52 + 31, m.trainedParameters());
        assertEquals(7 * 52 + 3 * 31, m.parameterUpdates());

        // The same records as separate networks: nothing shared, every phase its own network.
        MethodResult separate = new MethodResult("s", "S", Map.of(), m.phases(), Set.of(), 0);
        assertEquals(162 + 141, separate.parameters());
    }
}
