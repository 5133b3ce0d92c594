package org.molap.experiments.ui;

import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.core.storage.StatsStorageEvent;
import org.deeplearning4j.core.storage.StatsStorageListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.sqlite.J7FileStatsStorage;
import org.molap.experiments.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./molap ui <run-dir>... [--port 9000] [--host 127.0.0.1] [--live]}: the DL4J training UI with those runs
 * attached, one session each, until Ctrl-C. {@code --live} follows runs still training in another process: every two
 * seconds the updates written since are announced to the UI, whose pages then refresh.
 */
public final class UiCommand {
    private UiCommand() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("./molap ui");
        spec.usageMessage().description("The DL4J training UI for runs (their " + TrainingStats.FILE + "), on localhost");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        spec.addOption(OptionSpec.builder("--port").type(Integer.class).paramLabel("<n>").defaultValue("9000")
                .description("port to listen on (default: ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--host").type(String.class).paramLabel("<address>").defaultValue("127.0.0.1")
                .description("address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface)").build());
        spec.addOption(OptionSpec.builder("--live").arity("0").type(Boolean.class)
                .description("follow runs that are still training").build());
        spec.addPositional(PositionalParamSpec.builder().type(Path[].class).arity("1..*").paramLabel("<run-dir>")
                .description("run directories written by ./molap run").build());
        return spec;
    }

    /** Parses, starts the UI and returns it with its runs attached; null when help was printed. */
    public static TrainingUi start(List<String> args, PrintStream out) {
        CommandLine cl = new CommandLine(spec());
        ParseResult p;
        try {
            p = cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException bad) {
            throw new UsageException(bad.getMessage().lines().findFirst().orElse("bad arguments") + " (see ./molap ui --help).");
        }
        if (cl.isUsageHelpRequested()) {
            out.print(cl.getUsageMessage());
            return null;
        }
        int port = p.matchedOptionValue("port", 9000);
        if (port < 0 || port > 65535) {
            throw new UsageException("Option --port must be a port number (0 to 65535), got " + port + ".");
        }
        Map<String, Path> runs = new LinkedHashMap<>();
        for (Path dir : p.<Path[]>matchedPositionalValue(0, new Path[0])) {
            Path file = dir.resolve(TrainingStats.FILE);
            if (!Files.isRegularFile(file)) {
                throw new UsageException(dir + " holds no training statistics (" + TrainingStats.FILE
                        + "): name run directories written by ./molap run.");
            }
            runs.put(dir.toAbsolutePath().normalize().getFileName().toString(), file);
        }
        TrainingUi ui = TrainingUi.start(p.matchedOptionValue("host", "127.0.0.1"), port);
        List<StatsStorage> attached = new ArrayList<>();
        runs.forEach((session, file) -> {
            StatsStorage storage;
            try {
                storage = new J7FileStatsStorage(file.toFile());
            } catch (RuntimeException unreadable) {
                ui.stop();
                throw new UsageException("The training statistics of " + session + " cannot be read (" + unreadable.getMessage() + ").");
            }
            ui.attach(storage);
            attached.add(storage);
            out.println("run " + session + ": " + ui.overview(session));
            Path sameDiff = file.getParent().resolve(SameDiffLog.FOLDER);
            if (Files.isDirectory(sameDiff)) {
                out.println("  its SameDiff logs (" + sameDiff + "/*.bin): open " + ui.overview(session)
                        .replaceFirst("/train/.*", "/samediff") + " and load one");
            }
        });
        if (p.hasMatchedOption("live")) {
            Thread follow = new Thread(() -> follow(attached), "molap-ui-live");
            follow.setDaemon(true);
            follow.start();
        }
        return ui;
    }

    /**
     * Announces the updates another process has written since the last look, as the storage announces its own writes,
     * so that the UI's last-update time moves and its pages refresh.
     */
    private static void follow(List<StatsStorage> storages) {
        Map<String, Long> seen = new HashMap<>();
        while (!Thread.currentThread().isInterrupted()) {
            for (StatsStorage s : storages) {
                for (String session : s.listSessionIDs()) {
                    for (String worker : s.listWorkerIDsForSessionAndType(session, StatsListener.TYPE_ID)) {
                        long[] times = s.getAllUpdateTimes(session, StatsListener.TYPE_ID, worker);
                        long last = times.length == 0 ? Long.MIN_VALUE : times[times.length - 1];
                        if (last > seen.getOrDefault(session + "/" + worker, Long.MIN_VALUE)) {
                            seen.put(session + "/" + worker, last);
                            StatsStorageEvent update = new StatsStorageEvent(s, StatsStorageListener.EventType.PostUpdate,
                                    session, StatsListener.TYPE_ID, worker, last);
                            ((J7FileStatsStorage) s).getListeners().forEach(l -> l.notify(update));
                        }
                    }
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
