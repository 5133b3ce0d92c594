package org.molap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a run's notebook.ipynb for tests (shared with the experiments' tests through this module's test jar): its code
 * cells in order under Debian's python3 with numpy and matplotlib, each figure saved instead of shown. Skips the
 * calling test, saying why, where python3 or matplotlib is missing (.ci/run installs python3-matplotlib).
 */
public final class NotebookExecution {
    private NotebookExecution() {
    }

    /** Renders the run's report and notebook again, runs the notebook's code cells and returns how many figures they drew. */
    public static int figures(Path dir, Path tmp) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && run(python, "-c", "import numpy, matplotlib") == 0,
                "Debian's python3 with numpy and matplotlib is not installed (apt-get install python3-matplotlib; .ci/run"
                        + " installs it): the notebook was not executed");
        RunReport.render(dir);
        JsonNode nb = RunContents.JSON.readTree(dir.resolve(RunContents.NOTEBOOK).toFile());
        StringBuilder script = new StringBuilder("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
                + "_figures = []\n"
                + "def _show():\n    _figures.append(1)\n    plt.savefig('" + tmp.resolve("figure") + "%d.png' % len(_figures))\n    plt.close('all')\n"
                + "plt.show = _show\n");
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                cell.get("source").forEach(line -> script.append(line.asText()));
                script.append('\n');
            }
        }
        script.append("print('figures', len(_figures))\n");
        Path file = Files.writeString(tmp.resolve("notebook.py"), script.toString());
        Process p = new ProcessBuilder(python.toString(), file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the notebook's code failed:\n" + output);
        assertTrue(output.contains("figures "), output);
        return Integer.parseInt(output.substring(output.lastIndexOf("figures ") + 8).trim());
    }

    private static int run(Path python, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = python.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
