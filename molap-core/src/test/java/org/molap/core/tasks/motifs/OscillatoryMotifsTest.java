package org.molap.core.tasks.motifs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's oscillatory motifs (appendix A.2.1) against the ten patterns of the authors' repository: lengths 900-960,
 * pairs of equal length, exactly a constant plus 4 harmonics of the motif's own period, f(0) = f(T) = 0, std 0.47-0.79.
 */
class OscillatoryMotifsTest {

    @Test
    void theLowPassKeepsExactlyTheLowHarmonics() {
        int length = 120;
        double[] y = new double[length];
        double[] kept = new double[length];
        for (int t = 0; t < length; t++) {
            double phase = 2 * Math.PI * t / length;
            kept[t] = 0.7 + Math.cos(2 * phase) - 0.3 * Math.sin(4 * phase);
            y[t] = kept[t] + 0.5 * Math.cos(5 * phase) + 0.2 * Math.sin(17 * phase);
        }
        assertArrayEquals(kept, OscillatoryMotifs.lowPass(y, 4), 1e-12);
    }

    @Test
    void tenMotifsAreSmoothPeriodicAndStartAtZero() {
        OscillatoryMotifs.Config c = OscillatoryMotifs.Config.paper();
        List<Motif> motifs = new OscillatoryMotifs(c).sample(10, new Random(2));
        assertEquals(10, motifs.size());
        for (int i = 0; i < 10; i++) {
            Motif m = motifs.get(i);
            double[] f = m.values();
            assertTrue(m.length() >= c.minLength() && m.length() <= c.maxLength(), m + "");
            assertEquals(motifs.get(i - i % 2).length(), m.length(), "the two motifs of a pair have one length");
            assertEquals(0, f[0], 1e-12, m.name());
            assertArrayEquals(f, OscillatoryMotifs.lowPass(f, c.harmonics()), 1e-9, m.name() + " has only harmonics 0..4");
            // T-periodic, so seamless: across the wrap from f(T - 1) to f(T) = f(0) = 0 the steps and the second
            // differences are no larger than anywhere inside the motif
            int last = m.length() - 1;
            double step = 0;
            double curvature = 0;
            for (int t = 1; t < last; t++) {
                step = Math.max(step, Math.abs(f[t + 1] - f[t]));
                curvature = Math.max(curvature, Math.abs(f[t + 1] - 2 * f[t] + f[t - 1]));
            }
            assertTrue(Math.abs(f[0] - f[last]) <= step * 1.001, m.name() + ": a jump at the wrap");
            assertTrue(Math.abs(f[1] - 2 * f[0] + f[last]) <= curvature * 1.001, m.name() + ": a kink at the wrap");
            assertTrue(m.std() >= c.minStd() - 1e-12 && m.std() <= c.maxStd() + 1e-12, m.name() + " std " + m.std());
            int crossings = 0;
            for (int t = 1; t < f.length; t++) {
                crossings += Math.signum(f[t]) != Math.signum(f[t - 1]) && f[t] != 0 && f[t - 1] != 0 ? 1 : 0;
            }
            assertTrue(crossings >= 1 && crossings <= 8, m.name() + ": " + crossings + " zero crossings (the authors' 2-4)");
        }
        assertTrue(motifs.get(0).equals(motifs.get(0)) && !motifs.get(0).equals(motifs.get(1)), "a pair's readouts differ");
    }
}
