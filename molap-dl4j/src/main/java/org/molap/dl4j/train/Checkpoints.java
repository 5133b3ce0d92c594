package org.molap.dl4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A run's checkpoints, so that a killed run resumes where it stopped and ends as the uninterrupted run would. The
 * {@link Trainer} saves, under a key made of the phase's name and its place among the run's phases: every few
 * iterations (time or count, {@link #due}) the phase's state (every model variable, Adam's moments, the data
 * iterator's position and random generator, the losses so far); and at its end the model and the phase's record.
 * A resumed run executes the experiment again: a phase that ended is not trained but restored, a phase that was
 * under way continues from its last checkpoint, and everything between phases (seeded) is computed again. Journals
 * (metrics.jsonl) are cut back to their length at the checkpoint resumed from.
 *
 * <p>Files are zip archives (a JSON header and one .npy per array, CRC-checked on reading), written to a temporary
 * name and renamed; of the in-phase checkpoints the last two are kept, of the phase ends all (a few kB each).
 * The store is made active for the thread that runs the experiment ({@link #activate}), so that every trainer of
 * the run uses it.
 */
public final class Checkpoints {
    private static final ThreadLocal<Checkpoints> ACTIVE = new ThreadLocal<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "checkpoint.json";

    /** What a checkpoint holds besides its arrays. */
    public record Header(String key, boolean phaseEnded, int iteration, double firstLoss, double lastLoss, long sequence,
                         Map<String, Long> journalBytes, PhaseRecord record, double trainedSeconds, double elapsedSeconds) {
    }

    /**
     * A checkpoint read back: its header, the model's variables, the optimiser's state, and the states of the data
     * iterator and of the model's own random generator (null where they have none).
     */
    public record Saved(Header header, Map<String, INDArray> variables, Map<String, INDArray> optimiser, byte[] iterator,
                        byte[] model, Map<String, byte[]> listeners) {
    }

    private final Path dir;
    private final long intervalMillis;
    private final int everyIterations;
    private final Map<String, Path> journals = new LinkedHashMap<>();
    private final Map<String, Saved> ended = new LinkedHashMap<>();
    private Saved resumeFrom;
    private long sequence;
    private int phases;
    private long lastSave = System.currentTimeMillis();
    private long checkpointNanos;
    private final long opened = System.nanoTime();
    private double earlierSeconds;
    private int checkpointsWritten;

    /**
     * @param dir             where the checkpoints live (created)
     * @param intervalMillis  save a phase's state when this long has passed since the last save (0: never by time)
     * @param everyIterations save a phase's state every this many iterations (0: never by count)
     * @param journals        files appended to as the run trains (metrics.jsonl), by name, cut back on resume
     * @param resume          read the checkpoints already in {@code dir} (none is an error); else it must hold none
     */
    public Checkpoints(Path dir, long intervalMillis, int everyIterations, Map<String, Path> journals, boolean resume) {
        this.dir = dir;
        this.intervalMillis = intervalMillis;
        this.everyIterations = everyIterations;
        this.journals.putAll(journals);
        try {
            if (!Files.isDirectory(dir)) {
                if (resume) {
                    throw new IllegalStateException("There are no checkpoints in " + dir + " to resume from.");
                }
                return;     // created with the first checkpoint
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.delete(f);        // a checkpoint being written when the run was killed
                    } else if (name.endsWith(".zip") && resume) {
                        Saved s = read(f);
                        sequence = Math.max(sequence, s.header().sequence());
                        if (s.header().phaseEnded()) {
                            ended.put(s.header().key(), s);
                        }
                        if (resumeFrom == null || s.header().sequence() > resumeFrom.header().sequence()) {
                            resumeFrom = s;
                        }
                    } else if (name.endsWith(".zip")) {
                        throw new IllegalStateException("The checkpoint folder " + dir + " already holds checkpoints of another run.");
                    }
                }
            }
            if (resumeFrom != null) {
                earlierSeconds = resumeFrom.header().elapsedSeconds();
                for (Map.Entry<String, Path> j : this.journals.entrySet()) {
                    cut(j.getValue(), resumeFrom.header().journalBytes().getOrDefault(j.getKey(), 0L));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoints in " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The time a store is active on a thread; closing it ends that. */
    public interface Active extends AutoCloseable {
        @Override
        void close();
    }

    /** Makes this store the one every trainer on this thread uses until the returned scope is closed (then the one before it again). */
    public Active activate() {
        Checkpoints before = ACTIVE.get();
        ACTIVE.set(this);
        return () -> {
            if (before == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(before);
            }
        };
    }

    /** The store of the run on this thread, or null when it keeps none. */
    public static Checkpoints active() {
        return ACTIVE.get();
    }

    /**
     * A store of its own for one unit of a run (a network trained in a child JVM or after another), saving as often
     * as this one, without journals; it resumes from the checkpoints already in {@code dir}, if any.
     */
    public Checkpoints forUnit(Path dir) {
        return forUnit(dir, intervalMillis, everyIterations);
    }

    /** A unit's store in {@code dir} saving at these intervals, without journals, resuming from what {@code dir} holds. */
    public static Checkpoints forUnit(Path dir, long intervalMillis, int everyIterations) {
        return new Checkpoints(dir, intervalMillis, everyIterations, Map.of(), Files.isDirectory(dir));
    }

    /** True when the store was opened on a run that has checkpoints to resume from. */
    public boolean resuming() {
        return resumeFrom != null;
    }

    /** Where a resumed store continues: the last phase under way and its iteration, or the last phase ended; null for a new one. */
    public String resumePoint() {
        if (resumeFrom == null) {
            return null;
        }
        Header h = resumeFrom.header();
        return h.phaseEnded() ? "the end of " + h.key() : h.key() + " iteration " + h.iteration();
    }

    /** The key of the next phase: its place among the run's phases and its name ("003-task-MemPro"). */
    String nextKey(String phase) {
        return String.format("%03d-%s", ++phases, phase.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** The end of phase {@code key} when it ended before the run stopped, else null. */
    Saved ended(String key) {
        return ended.get(key);
    }

    /** The state to continue phase {@code key} from, when the run stopped inside it, else null. */
    Saved underWay(String key) {
        return resumeFrom != null && !resumeFrom.header().phaseEnded() && resumeFrom.header().key().equals(key) ? resumeFrom : null;
    }

    /** Whether the phase's state is due to be saved after {@code done} iterations. */
    boolean due(int done) {
        return (everyIterations > 0 && done % everyIterations == 0)
                || (intervalMillis > 0 && System.currentTimeMillis() - lastSave >= intervalMillis);
    }

    /** Saves a phase's state ({@code record} null) or its end ({@code record} given). */
    void save(String key, int iteration, double firstLoss, double lastLoss, Map<String, INDArray> variables,
              Map<String, INDArray> optimiser, byte[] iterator, byte[] modelState, Map<String, byte[]> listeners,
              PhaseRecord record, double trainedSeconds) {
        long t0 = System.nanoTime();
        Map<String, Long> bytes = new LinkedHashMap<>();
        journals.forEach((name, file) -> bytes.put(name, size(file)));
        Header h = new Header(key, record != null, iteration, firstLoss, lastLoss, ++sequence, bytes, record, trainedSeconds,
                elapsedSeconds());
        String name = record != null ? "phase-" + key + ".zip" : String.format("state-%08d.zip", sequence);
        write(dir.resolve(name), new Saved(h, variables, optimiser, iterator, modelState, listeners));
        if (record == null) {
            prune();
        }
        lastSave = System.currentTimeMillis();
        checkpointNanos += System.nanoTime() - t0;
        checkpointsWritten++;
    }

    /**
     * Wall-clock seconds since the store was opened, plus those of the processes before it up to the checkpoint it
     * resumed from: how long the work it keeps has taken in all.
     */
    public double elapsedSeconds() {
        return earlierSeconds + (System.nanoTime() - opened) / 1e9;
    }

    /** How many checkpoints this process wrote. */
    public int checkpointsWritten() {
        return checkpointsWritten;
    }

    /** Checkpoints written by this process, and the mean time one took in milliseconds. */
    public String cost() {
        return checkpointsWritten + " checkpoints written, " + String.format(java.util.Locale.ROOT, "%.1f",
                checkpointsWritten == 0 ? 0 : checkpointNanos / 1e6 / checkpointsWritten) + " ms each";
    }

    /** Keeps the last two in-phase checkpoints. */
    private void prune() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> states = files.filter(f -> f.getFileName().toString().startsWith("state-") && f.toString().endsWith(".zip"))
                    .sorted(Comparator.reverseOrder()).toList();
            for (Path old : states.subList(Math.min(2, states.size()), states.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Old checkpoints in " + dir + " cannot be removed: " + e.getMessage(), e);
        }
    }

    static void write(Path file, Saved s) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(new ZipEntry(HEADER));
                zip.write(JSON.writeValueAsBytes(s.header()));
                for (var e : s.variables().entrySet()) {
                    zip.putNextEntry(new ZipEntry("variables/" + e.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(e.getValue()));
                }
                for (var e : s.optimiser().entrySet()) {
                    zip.putNextEntry(new ZipEntry("optimiser/" + e.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(e.getValue()));
                }
                if (s.iterator() != null) {
                    zip.putNextEntry(new ZipEntry("iterator.bin"));
                    zip.write(s.iterator());
                }
                if (s.model() != null) {
                    zip.putNextEntry(new ZipEntry("model.bin"));
                    zip.write(s.model());
                }
                for (var e : s.listeners().entrySet()) {
                    zip.putNextEntry(new ZipEntry("listeners/" + e.getKey() + ".bin"));
                    zip.write(e.getValue());
                }
            }
            try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                f.getFD().sync();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoint " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    static Saved read(Path file) {
        Header header = null;
        Map<String, INDArray> variables = new LinkedHashMap<>();
        Map<String, INDArray> optimiser = new LinkedHashMap<>();
        byte[] iterator = null;
        byte[] model = null;
        Map<String, byte[]> listeners = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = readAll(zip);     // the CRC is checked when the entry ends
                String name = e.getName();
                if (name.equals(HEADER)) {
                    header = JSON.readValue(bytes, Header.class);
                } else if (name.startsWith("variables/")) {
                    variables.put(arrayName(name), Nd4j.createNpyFromByteArray(bytes));
                } else if (name.startsWith("optimiser/")) {
                    optimiser.put(arrayName(name), Nd4j.createNpyFromByteArray(bytes));
                } else if (name.equals("iterator.bin")) {
                    iterator = bytes;
                } else if (name.equals("model.bin")) {
                    model = bytes;
                } else if (name.startsWith("listeners/")) {
                    listeners.put(name.substring("listeners/".length(), name.length() - ".bin".length()), bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The checkpoint " + file + " is damaged or not a MoLaP checkpoint (" + e.getMessage() + ").", e);
        }
        if (header == null) {
            throw new IllegalArgumentException("The checkpoint " + file + " has no " + HEADER + "; it is not a MoLaP checkpoint.");
        }
        return new Saved(header, variables, optimiser, iterator, model, listeners);
    }

    private static String arrayName(String entry) {
        return entry.substring(entry.indexOf('/') + 1, entry.length() - ".npy".length());
    }

    private static byte[] readAll(ZipInputStream zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.transferTo(out);
        return out.toByteArray();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("The size of " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void cut(Path file, long bytes) throws IOException {
        if (Files.exists(file) && Files.size(file) > bytes) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(bytes);
            }
        }
    }
}
