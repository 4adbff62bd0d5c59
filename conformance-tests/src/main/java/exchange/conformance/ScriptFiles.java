package exchange.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds script files. Stateless. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /**
     * The scripts named or contained: a file is taken as it is; a directory gives every
     * {@code *.def} file under it, subdirectories included, in order of path.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<Path> collect(List<Path> filesOrDirectories) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (Path path : filesOrDirectories) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    tree.filter(Files::isRegularFile)
                            .filter(file -> file.getFileName().toString().endsWith(ScriptParser.EXTENSION))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(scripts::add);
                }
            } else if (Files.isRegularFile(path)) {
                scripts.add(path);
            } else {
                throw new NoSuchFileException(path.toString(), null, "no such script or directory");
            }
        }
        return scripts;
    }

    /** A script's name: its file name without {@code .def}. */
    public static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ScriptParser.EXTENSION)
                ? name.substring(0, name.length() - ScriptParser.EXTENSION.length())
                : name;
    }
}
