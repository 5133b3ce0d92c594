package org.molap.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void escapesTextAndWritesOneSelfContainedPage(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("r/report.html");
        new HtmlReport().title("Run <x> & \"y\"")
                .paragraph("<script>alert('x')</script>")
                .table(List.of("Task", "Accuracy"), List.of(List.of("A<B", "93.0%"), List.of("short")))
                .figure("figures/a b.png", "caption \"q\"")
                .write(file);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("<title>Run &lt;x&gt; &amp; &quot;y&quot;</title>"));
        assertTrue(html.contains("<td>A&lt;B</td><td class=\"num\">93.0%</td>"));
        assertTrue(html.contains("<tr><td>short</td><td></td></tr>"), "short rows are padded");
        assertTrue(html.contains("<img src=\"figures/a b.png\" alt=\"caption &quot;q&quot;\">"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
