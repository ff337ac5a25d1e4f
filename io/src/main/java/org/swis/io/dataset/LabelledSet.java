package org.swis.io.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.swis.io.InputException;

/**
 * A folder of labelled images (SPEC §12.4): {@code labels.csv} (header {@code file,label}, then one
 * row per image: a path relative to the folder and a 0-based class index), {@code classes.txt} (one
 * class name per line, in label order) and the images. Every row is checked when the set is opened:
 * two fields, a file inside the folder that exists and is listed once, a label in 0..classes−1; the
 * class list has exactly {@code classes} names. Errors name the file and the line.
 */
public final class LabelledSet {
    /** The labels file of a set. */
    public static final String LABELS_FILE = "labels.csv";
    /** The class names file of a set. */
    public static final String CLASSES_FILE = "classes.txt";

    private final Path folder;
    private final List<String> files;
    private final int[] labels;
    private final List<String> classes;

    private LabelledSet(Path folder, List<String> files, int[] labels, List<String> classes) {
        this.folder = folder;
        this.files = List.copyOf(files);
        this.labels = labels;
        this.classes = List.copyOf(classes);
    }

    /** Opens and checks the set in {@code setFolder} whose labels are 0..classes−1. */
    public static LabelledSet open(Path setFolder, int classes) throws InputException {
        if (!Files.isDirectory(setFolder)) {
            throw new InputException(setFolder.toString(), "set folder", "a folder with labels.csv, classes.txt and "
                    + "images", Files.exists(setFolder) ? "not a folder" : "no such folder");
        }
        List<String> names = classes(setFolder.resolve(CLASSES_FILE), classes);
        Path labelsFile = setFolder.resolve(LABELS_FILE);
        List<String> lines = lines(labelsFile);
        String lf = labelsFile.toString();
        if (lines.isEmpty() || !lines.get(0).strip().equals("file,label")) {
            throw new InputException(lf, "line 1", "the header file,label", lines.isEmpty() ? "an empty file"
                    : "'" + lines.get(0) + "'");
        }
        Path root = setFolder.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String at = "line " + (i + 1);
            if (line.isBlank()) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new InputException(lf, at, "a row file,label", "an empty line");
            }
            String[] f = line.split(",", -1);
            if (f.length != 2) {
                throw new InputException(lf, at, "2 fields file,label", f.length + " fields: '" + line + "'");
            }
            String file = f[0].strip();
            String labelText = f[1].strip();
            if (file.isEmpty()) {
                throw new InputException(lf, at + " file", "an image path relative to the set folder", "empty");
            }
            Path p = root.resolve(file).normalize();
            if (!p.startsWith(root) || Path.of(file).isAbsolute()) {
                throw new InputException(lf, at + " file", "a path inside the set folder", "'" + file + "'");
            }
            if (!Files.isRegularFile(p)) {
                throw new InputException(lf, at + " file", "an existing image file", "'" + file + "' (no such file)");
            }
            if (!seen.add(file)) {
                throw new InputException(lf, at + " file", "each image once", "'" + file + "' listed again");
            }
            int label;
            try {
                label = Integer.parseInt(labelText);
            } catch (NumberFormatException e) {
                throw new InputException(lf, at + " label", "an integer class index", "'" + labelText + "' (file '"
                        + file + "')");
            }
            if (label < 0 || label >= classes) {
                throw new InputException(lf, at + " label", "a class index 0.." + (classes - 1), label + " (file '"
                        + file + "')");
            }
            files.add(file);
            labels.add(label);
        }
        if (files.isEmpty()) {
            throw new InputException(lf, "rows", "at least one labelled image", "none");
        }
        return new LabelledSet(setFolder, files, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }

    private static List<String> classes(Path file, int classes) throws InputException {
        List<String> lines = new ArrayList<>(lines(file));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new InputException(file.toString(), "line " + (i + 1), "a class name", "an empty line");
            }
        }
        if (lines.size() != classes) {
            throw new InputException(file.toString(), "lines", classes + " class names (the network's classes)",
                    lines.size() + " names");
        }
        return lines.stream().map(String::strip).toList();
    }

    private static List<String> lines(Path file) throws InputException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file.toString(), "file", "a readable UTF-8 text file",
                    Files.exists(file) ? e.toString() : "no such file", e);
        }
    }

    /** Number of images. */
    public int size() {
        return files.size();
    }

    /** The path of image {@code i}. */
    public Path image(int i) {
        return folder.resolve(files.get(i));
    }

    /** The file of image {@code i} as {@code labels.csv} names it. */
    public String file(int i) {
        return files.get(i);
    }

    /** The label of image {@code i}, 0..classes−1. */
    public int label(int i) {
        return labels[i];
    }

    /** The class names, in label order. */
    public List<String> classes() {
        return classes;
    }

    /** The set's folder. */
    public Path folder() {
        return folder;
    }
}
