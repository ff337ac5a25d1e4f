package org.swis.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The regular files under a folder (relative, '/'-separated names) with their modification times, taken
 * before and after a run to tell which files the run wrote, whichever code wrote them.
 */
public record FolderSnapshot(Map<String, FileTime> files) {
    /** Copies the map. */
    public FolderSnapshot {
        files = Map.copyOf(files);
    }

    /** The folder's files now; empty when the folder does not exist yet. */
    public static FolderSnapshot of(Path dir) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    files.put(dir.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p));
                }
            }
        }
        return new FolderSnapshot(files);
    }

    /** Files of {@code later} that are absent here or have another modification time, sorted. */
    public List<String> writtenSince(FolderSnapshot later) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(later.files).forEach((name, time) -> {
            if (!time.equals(files.get(name))) {
                out.add(name);
            }
        });
        return out;
    }
}
