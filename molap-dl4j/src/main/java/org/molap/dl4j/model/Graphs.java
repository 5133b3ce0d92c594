package org.molap.dl4j.model;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.SameDiff;

import java.io.OutputStream;
import java.io.PrintStream;

/** What every SameDiff model here needs around M2.1's graphs. */
public final class Graphs {
    private Graphs() {
    }

    /** Builds the backward graph now (once per graph), muting M2.1's println of every differentiated op. */
    public static void createGradientsQuietly(SameDiff sd) {
        PrintStream stdout = System.out;
        synchronized (System.class) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(stdout);
            }
        }
    }

    /**
     * SameDiff leaves each iteration's intermediates to the garbage collector, which does not see their native
     * size: measured at N = 400, T = 440, batch 200, the process grew by about 4 GB per iteration and the
     * benchmark was killed at 24 GB. Collect when the process holds more than a quarter of the machine's memory.
     */
    public static void relieveMemoryPressure() {
        if (Pointer.physicalBytes() > Pointer.totalPhysicalBytes() / 4) {
            System.gc();
        }
    }
}
