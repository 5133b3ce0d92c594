package org.molap.experiments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is while the bench itself is idle: the cores' busy time over half a second, from
 * /proc/stat, in cores (0 = idle machine, 2 = both cores of a 2-core machine taken). The bench runs on one
 * thread; half a core or more of other work makes its timings slower and noisier.
 */
record Machine(double busyCores, int cores) {
    static Machine now() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            long[] a = cpuTimes();
            Thread.sleep(500);
            long[] b = cpuTimes();
            double total = b[0] - a[0];
            double idle = b[1] - a[1];
            return new Machine(total > 0 ? cores * (1 - idle / total) : Double.NaN, cores);
        } catch (IOException | RuntimeException e) {
            return new Machine(Double.NaN, cores); // not Linux: unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Machine(Double.NaN, cores);
        }
    }

    /** Total and idle (idle + iowait) jiffies of all cores. */
    private static long[] cpuTimes() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    boolean busy() {
        return busyCores >= 0.5;
    }
}
