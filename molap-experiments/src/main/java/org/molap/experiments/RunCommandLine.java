package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Parses {@code ./molap run <experiment> [--config <file>] [options]} with picocli: only the experiment's own options
 * ({@link Experiment#options()}), each typed; unknown options, an option given twice and a missing value are errors.
 * A config file (YAML or JSON: one key per option, a list for a comma-separated value) sets any of them; flags on
 * the command line override it.
 */
final class RunCommandLine {
    private static final String CONFIG = "config";

    private RunCommandLine() {
    }

    /** What a command line is parsed for: the command ("run molap", "bench"), its summary and options. */
    record Command(String name, String summary, List<RunOption> options) {
        static Command of(Experiment e) {
            return new Command("run " + e.name(), e.summary(), e.options());
        }
    }

    /** The experiment's options, or null when its usage was asked for (and printed). */
    static Options parse(Experiment e, List<String> args, PrintStream out) {
        return parse(Command.of(e), args, out);
    }

    /** The command's options, or null when its usage was asked for (and printed). */
    static Options parse(Command e, List<String> args, PrintStream out) {
        CommandLine cl = new CommandLine(spec(e));
        ParseResult given = parse(cl, args, e, "");
        if (cl.isUsageHelpRequested()) {
            out.print(cl.getUsageMessage());
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Path config = given.matchedOptionValue(CONFIG, null);
        if (config != null) {
            values.putAll(fromConfigFile(e, config));
        }
        for (OptionSpec o : given.matchedOptions()) {
            String name = o.longestName().substring(2);
            if (!name.equals(CONFIG)) {
                values.put(name, String.valueOf((Object) o.getValue()));
            }
        }
        return Options.of(values, config);
    }

    static CommandSpec spec(Command e) {
        CommandSpec spec = CommandSpec.create().name("./molap " + e.name());
        spec.usageMessage().description(e.summary().replace("%", "%%")).sortOptions(false).abbreviateSynopsis(true);
        spec.mixinStandardHelpOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        spec.addOption(OptionSpec.builder("--" + CONFIG).type(Path.class).paramLabel("<file>")
                .description("YAML or JSON file setting any of these options by name; flags given here override it").build());
        for (RunOption o : e.options()) {
            OptionSpec.Builder option = OptionSpec.builder("--" + o.name()).type(o.type()).description(o.help().replace("%", "%%"));
            spec.addOption((o.type() == Boolean.class ? option.arity("0") : option.paramLabel(o.label())).build());
        }
        return spec;
    }

    private static ParseResult parse(CommandLine cl, List<String> args, Command e, String where) {
        try {
            return cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException bad) {
            String message = bad.getMessage().lines().findFirst().orElse("bad option");
            throw new UsageException(where + message + " (see ./molap " + e.name() + " --help).");
        }
    }

    /** The file's options as flag values, each checked as the command line checks it. */
    private static Map<String, String> fromConfigFile(Command e, Path file) {
        JsonNode root;
        try {
            // a key given twice is an error, as an option given twice on the command line
            root = YAMLMapper.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(Files.readString(file));
        } catch (IOException notReadable) {
            throw new UsageException("The config file " + file + " cannot be read as YAML or JSON ("
                    + notReadable.getMessage().lines().findFirst().orElse("") + ").");
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("The config file " + file + " must map option names to values, e.g. 'units: 100'.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            String name = entry.getKey();
            if (name.equals(CONFIG) || e.options().stream().noneMatch(o -> o.name().equals(name))) {
                throw new UsageException("The config file " + file + " sets '" + name + "', which " + e.name()
                        + " does not take (see ./molap " + e.name() + " --help).");
            }
            JsonNode v = entry.getValue();
            String value;
            if (v.isArray()) {
                value = String.join(",", StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList());
            } else if (v.isValueNode() && !v.isNull()) {
                value = v.asText();
            } else {
                throw new UsageException("The config file " + file + " gives '" + name + "' no single value or list.");
            }
            values.put(name, value);
            args.add("--" + name);
            args.add(value);
        }
        parse(new CommandLine(spec(e)), args, e, "In the config file " + file + ": ");
        return values;
    }
}
