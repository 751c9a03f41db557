package vitrina.generator.build;

import vitrina.generator.model.JsonText;

import java.util.stream.Collectors;
import vitrina.generator.problem.Problem;

/** Problems in the formats CI systems turn into annotations on the lines of a merge request. */
public final class Annotations {
    private Annotations() {
    }

    /**
     * GitHub Actions workflow commands: {@code ::error file=…,line=…,col=…,title=…::message}.
     *
     * @param prefix path of the content folder inside the repository (e.g. {@code content/}), so files resolve
     */
    public static String github(BuildReport r, String prefix) {
        return r.problems().stream().map(p -> "::" + (p.isError() ? "error" : "warning") + " file=" + escapeProperty(prefix + p.file())
                + (p.line() > 0 ? ",line=" + p.line() : "") + (p.column() > 0 ? ",col=" + p.column() : "")
                + ",title=" + escapeProperty(p.code()) + "::" + escapeData(p.message() + (p.hint().isEmpty() ? "" : " → " + p.hint())))
                .collect(Collectors.joining("\n", "", r.problems().isEmpty() ? "" : "\n"));
    }

    /** GitLab Code Quality report (JSON array), shown inline in merge requests. */
    public static String gitlab(BuildReport r, String prefix) {
        return r.problems().stream().map(p -> "  {\"description\": " + JsonText.quote(p.message() + (p.hint().isEmpty() ? "" : " → " + p.hint()))
                + ", \"check_name\": " + JsonText.quote(p.code())
                + ", \"fingerprint\": " + JsonText.quote(fingerprint(p))
                + ", \"severity\": " + JsonText.quote(p.isError() ? "major" : "minor")
                + ", \"location\": {\"path\": " + JsonText.quote(prefix + p.file()) + ", \"lines\": {\"begin\": " + Math.max(1, p.line()) + "}}}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String fingerprint(Problem p) {
        return Integer.toHexString((p.file() + ":" + p.line() + ":" + p.code() + ":" + p.message()).hashCode());
    }

    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
