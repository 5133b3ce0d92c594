package org.molap.export;

import org.molap.core.run.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds one self-contained HTML page (inline CSS, no scripts, figures linked by relative path) from
 * headings, paragraphs, tables, preformatted blocks and figures, in the order they are added. All text
 * is HTML-escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
                   max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #1f77b4; padding-bottom: .2em; }
            h2 { font-size: 1.25em; margin-top: 1.8em; color: #1f4e79; }
            table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }
            th, td { border: 1px solid #ccc; padding: .3em .7em; text-align: left; vertical-align: top; }
            th { background: #f0f4f8; }
            tr:nth-child(even) td { background: #fafafa; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1.2em 0; }
            figure img { max-width: 100%; border: 1px solid #ddd; }
            figcaption { font-size: .9em; color: #555; margin-top: .3em; }
            pre { background: #f6f8fa; border: 1px solid #ddd; padding: .8em; overflow-x: auto; font-size: .85em; }
            p.note { color: #8a4b00; background: #fff6e5; border-left: 4px solid #ff7f0e; padding: .4em .8em; }
            """;

    private final StringBuilder body = new StringBuilder();
    private String title = "Report";

    /** The page title, also shown as the top heading. */
    public HtmlReport title(String title) {
        this.title = title;
        return this;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted paragraph for something the reader must not miss (e.g. an incomplete run). */
    public HtmlReport note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that look like numbers or percentages are right-aligned. Short rows are padded. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (int i = 0; i < Math.max(header.size(), row.size()); i++) {
                String cell = i < row.size() && row.get(i) != null ? row.get(i) : "";
                body.append(isNumeric(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** A preformatted block, e.g. a configuration as JSON. */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A figure: an image by path relative to the HTML file, with a caption. */
    public HtmlReport figure(String relativePng, String caption) {
        body.append("<figure><img src=\"").append(escape(relativePng)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + body + "</body>\n</html>\n";
    }

    /** Writes the page (UTF-8), replacing any previous file whole. */
    public void write(Path html) {
        AtomicFiles.write(html, html());
    }

    /** {@code text} with &, <, >, " and ' escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isNumeric(String cell) {
        return cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(e[-+]?[0-9]+)?%?");
    }
}
