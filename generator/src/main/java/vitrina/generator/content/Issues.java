package vitrina.generator.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Severity;

/**
 * Collects the problems of one unit of work (site.yaml, one stand, one page) before they reach the shared
 * {@code Problems}, so the loader can tell whether that unit had errors. Not thread-safe: one per unit.
 */
final class Issues {
    private final String standId;
    private final List<Problem> list = new ArrayList<>();

    Issues(String standId) {
        this.standId = standId;
    }

    /** Problems about one file of this unit; {@code file} is relative to the content folder. */
    At in(String file) {
        return new At(Objects.requireNonNull(file, "file"));
    }

    void add(Problem p) {
        list.add(standId == null ? p : p.forStand(standId));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    List<Problem> list() {
        return List.copyOf(list);
    }

    /** The first error's message, for the «left out» reason. */
    String firstError() {
        return list.stream().filter(Problem::isError).map(Problem::message).findFirst().orElse("");
    }

    /** Problem builder bound to one file. */
    final class At {
        private final String file;

        private At(String file) {
            this.file = file;
        }

        String file() {
            return file;
        }

        void error(int line, int column, String code, String message, String hint) {
            add(new Problem(file, line, column, Severity.ERROR, code, message, hint, null));
        }

        void warning(int line, int column, String code, String message, String hint) {
            add(new Problem(file, line, column, Severity.WARNING, code, message, hint, null));
        }

        void error(YamlNode at, String code, String message, String hint) {
            error(at == null ? 0 : at.line(), at == null ? 0 : at.column(), code, message, hint);
        }

        void warning(YamlNode at, String code, String message, String hint) {
            warning(at == null ? 0 : at.line(), at == null ? 0 : at.column(), code, message, hint);
        }

        void error(YamlNode.Entry at, String code, String message, String hint) {
            error(at.line(), at.column(), code, message, hint);
        }

        void warning(YamlNode.Entry at, String code, String message, String hint) {
            warning(at.line(), at.column(), code, message, hint);
        }
    }
}
