package org.molap.experiments.nmrnn;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.parallel.ChildJvms;

/**
 * Trains the networks of a Measure-Wait-Go run that have no result yet (a resumed run keeps the finished ones): in
 * this JVM with one worker, else in child JVMs one per core, the slowest models first.
 */
final class MwgUnits {
    /** One network to train: its model, its seed and the folder its result goes to. */
    record Unit(NmModel model, long seed, Path dir) {
    }

    private MwgUnits() {
    }

    static void train(MwgSettings s, List<Unit> units, int workers, Path logDir, PrintStream console) {
        List<Unit> pending = new ArrayList<>(units.stream().filter(u -> MwgNetwork.read(u.dir()) == null).toList());
        if (pending.size() < units.size()) {
            console.printf("%d of %d networks were trained before; training the other %d%n", units.size() - pending.size(),
                    units.size(), pending.size());
        }
        pending.sort(Comparator.comparingInt(u -> u.model().ordinal()));        // NM-RNN (three phases) first
        if (workers == 1 || pending.size() <= 1) {
            pending.forEach(u -> MwgNetwork.run(u.model(), u.seed(), s, u.dir(), console));
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path settings = logDir.resolve("settings.json");
            RunDirectory.JSON.writeValue(settings.toFile(), s);
            List<ChildJvms.Job> jobs = new ArrayList<>();
            for (Unit u : pending) {
                String name = u.model().id() + "-seed" + u.seed();
                jobs.add(new ChildJvms.Job(name, List.of(settings.toString(), u.model().id(), Long.toString(u.seed()),
                        u.dir().toString()), logDir.resolve(name + ".log")));
            }
            ChildJvms.run(Worker.class, jobs, Math.min(workers, pending.size()), console);
        } catch (IOException e) {
            throw new UncheckedIOException("The networks' settings cannot be written to " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** The main of a child JVM: {@code Worker <settings.json> <model> <seed> <dir>} trains and scores one network. */
    public static final class Worker {
        private Worker() {
        }

        public static void main(String[] args) throws IOException {
            MwgSettings s = RunDirectory.JSON.readValue(Path.of(args[0]).toFile(), MwgSettings.class);
            MwgNetwork.run(NmModel.of(args[1]), Long.parseLong(args[2]), s, Path.of(args[3]), System.out);
        }
    }
}
