package vitrina.generator.markdown;

import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import vitrina.generator.problem.Problem;

/**
 * Where one page's warnings go: turns a node of the rendered HTML into a line of the content file
 * ({@code bodyLine + line in the body - 1}) and caps how many warnings one page may produce.
 */
final class PageReport {
    static final int MAX_WARNINGS = 200;

    private final String file;
    private final int bodyLine;
    private final Consumer<Problem> problems;
    private final SourceMap sources;
    private int reported;

    PageReport(String file, int bodyLine, Consumer<Problem> problems, SourceMap sources) {
        this.file = file;
        this.bodyLine = bodyLine;
        this.problems = problems;
        this.sources = sources;
    }

    void warn(Node at, String code, String message, String hint) {
        warnAtLine(sources.lineOf(at), code, message, hint);
    }

    void warnAttribute(Element at, String attribute, String code, String message, String hint) {
        warnAtLine(sources.lineOf(at, attribute), code, message, hint);
    }

    private void warnAtLine(int bodyRelativeLine, String code, String message, String hint) {
        reported++;
        if (reported > MAX_WARNINGS) {
            return;
        }
        int line = bodyLine + bodyRelativeLine - 1;
        if (reported == MAX_WARNINGS) {
            problems.accept(Problem.warning(file, line, 0, "markdown.warnings.truncated",
                    "На странице слишком много замечаний; показаны первые " + (MAX_WARNINGS - 1),
                    "Исправьте показанные замечания и соберите сайт снова, чтобы увидеть остальные."));
            return;
        }
        problems.accept(Problem.warning(file, line, 0, code, message, hint));
    }
}
