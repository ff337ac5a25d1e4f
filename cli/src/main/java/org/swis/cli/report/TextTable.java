package org.swis.cli.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two forms every command prints a table in: aligned text (terminal) and CSV (Commons CSV, '\n' records). */
public final class TextTable {
    private TextTable() {
    }

    /** CSV with a header row. */
    public static String csv(List<String> header, List<List<String>> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            p.printRecord(header);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to memory failed", e);
        }
        return w.toString();
    }

    /** Columns padded to their widest cell, two spaces apart; columns from {@code firstRight} on are right-aligned. */
    public static String aligned(List<String> header, List<List<String>> rows, int firstRight) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, header, width, firstRight);
        for (List<String> r : rows) {
            appendRow(b, r, width, firstRight);
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> r, int[] width, int firstRight) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = r.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(c >= firstRight ? pad + cell : cell + pad);
            if (c < width.length - 1) {
                line.append("  ");
            }
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    /** A GitHub-flavoured Markdown table; '|' in cells is escaped. */
    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append(mdRow(header));
        b.append('|');
        for (int i = 0; i < header.size(); i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (List<String> r : rows) {
            b.append(mdRow(r));
        }
        return b.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return b.append('\n').toString();
    }
}
