package org.molap.experiments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfiles, checked without Docker (no engine runs on the development machines): copied paths exist, base
 * images are pinned, the entrypoint is the CLI and the default command one of its commands, the CUDA build's Maven
 * profile exists, and the images run as a non-root user.
 */
class DockerfilesTest {
    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"docker/Dockerfile", "docker/Dockerfile.cuda"})
    void theImageBuildsFromRealPathsAndRunsTheCliAsAUser(String dockerfile) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(dockerfile)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        List<String> bases = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("FROM ")) {
                String image = l.split("\\s+")[1];
                bases.add(image);
                assertTrue(image.matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*"), dockerfile + ": base image pinned to a version: " + image);
                assertFalse(image.endsWith(":latest"), image);
            }
            if (l.startsWith("COPY ") && !l.contains("--from=")) {
                String[] words = l.trim().split("\\s+");
                for (String source : Arrays.copyOfRange(words, 1, words.length - 1)) {
                    assertTrue(Files.exists(ROOT.resolve(source)), dockerfile + " copies " + source + ", which is not in the repository");
                }
            }
        }
        assertEquals(2, bases.size(), dockerfile + ": a build stage and a runtime stage");

        String runtime = String.join("\n", lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow()), lines.size()));
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(runtime);
        assertTrue(user.find() && !user.group(1).equals("root") && !user.group(1).equals("0"), dockerfile + ": runs as a non-root user");

        Matcher entry = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]").matcher(runtime);
        assertTrue(entry.find(), dockerfile + ": an entrypoint");
        assertTrue(entry.group(1).endsWith("\"" + Cli.class.getName() + "\""), "the entrypoint starts the CLI: " + entry.group(1));
        Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]").matcher(runtime);
        assertTrue(cmd.find(), dockerfile + ": a default command");
        String[] args = Arrays.stream(cmd.group(1).split(",")).map(a -> a.trim().replace("\"", "")).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())),
                "the default command is a CLI command: " + String.join(" ", args));

        for (String l : lines) {
            Matcher profile = Pattern.compile("-P(\\w+)").matcher(l);
            while (l.startsWith("RUN ") && profile.find()) {
                String id = profile.group(1);
                boolean declared = false;
                for (String pom : List.of("pom.xml", "molap-core/pom.xml", "molap-dl4j/pom.xml", "molap-experiments/pom.xml")) {
                    declared |= Files.readString(ROOT.resolve(pom)).contains("<id>" + id + "</id>");
                }
                assertTrue(declared, dockerfile + " builds with the Maven profile " + id + ", which no pom declares");
            }
        }
    }
}
