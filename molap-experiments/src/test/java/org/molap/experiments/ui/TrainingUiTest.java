package org.molap.experiments.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molap.experiments.Cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small run trains, then {@code ./molap ui} serves the DL4J training UI for it: the overview's data has the run's
 * scores, the server listens on 127.0.0.1 only, and headless Chromium (Debian's chromium; .ci/run installs it) draws
 * the score chart with points along the run's iterations. A screenshot is saved as target/ui-overview.png.
 */
class TrainingUiTest {

    @Test
    void theOverviewOfARunShowsItsScoreChart(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "molap", "--units", "20", "--modules", "2", "--iterations", "60",
                "--tasks", "DelayPro", "--out", tmp.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Path run = Path.of(lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(run.resolve(TrainingStats.FILE)), "the run wrote the UI's statistics");

        int port = freePort();
        ByteArrayOutputStream uiOut = new ByteArrayOutputStream();
        TrainingUi ui = UiCommand.start(List.of(run.toString(), "--port", String.valueOf(port)),
                new PrintStream(uiOut, true, StandardCharsets.UTF_8));
        try {
            String session = run.getFileName().toString();
            String overview = "http://127.0.0.1:" + port + "/train/" + session + "/overview";
            assertTrue(uiOut.toString(StandardCharsets.UTF_8).contains(overview), "the address is printed: " + uiOut);

            JsonNode data = new ObjectMapper().readTree(get(overview + "/data"));
            assertTrue(data.get("scores").size() >= 5, "scores of the run: " + data.get("scores"));
            JsonNode iterations = data.get("scoresIter");
            assertTrue(iterations.get(iterations.size() - 1).asInt() >= 100,
                    "iterations count on through both phases: " + iterations);

            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThrows(IOException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(outside.get(), port), 2000);
                    }
                }, "the UI must not listen on " + outside.get());
            }

            Path chromium = Path.of("/usr/bin/chromium");
            Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (apt-get install chromium;"
                    + " .ci/run installs it): the page was not rendered, only its data checked");
            String dom = chromium(chromium, "--dump-dom", overview);
            int chart = dom.indexOf("id=\"scoreiterchart\"");
            assertTrue(chart >= 0, "the overview page has its score chart");
            String region = dom.substring(chart, Math.min(dom.length(), chart + 8000));
            assertTrue(region.contains("flot-base"), "flot drew the chart");
            int largestTick = 0;
            Matcher tick = Pattern.compile("tickLabel\"[^>]*>(\\d+)<").matcher(region);
            while (tick.find()) {
                largestTick = Math.max(largestTick, Integer.parseInt(tick.group(1)));
            }
            assertTrue(largestTick >= 50, "the x axis spans the run's iterations (an empty chart spans -1..1): " + largestTick);
            Path screenshot = Path.of("target", "ui-overview.png").toAbsolutePath();
            chromium(chromium, "--window-size=1400,1000", "--screenshot=" + screenshot, overview);
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the overview");
        } finally {
            ui.stop();
        }
    }

    private static String chromium(Path chromium, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--virtual-time-budget=8000"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        return output;
    }

    private static String get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        assertEquals(200, c.getResponseCode(), url);
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && n.isUp()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
