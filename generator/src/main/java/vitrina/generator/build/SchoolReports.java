package vitrina.generator.build;

import vitrina.generator.model.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vitrina.generator.cache.RecordFile;
import vitrina.generator.content.LoadResult;
import vitrina.generator.model.Exhibition;
import vitrina.generator.model.Region;
import vitrina.generator.model.Regions;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;

/**
 * Reports people can act on, written beside the site (never published): one page per school
 * ({@code schools/<id>.html} and {@code .json}) with every problem of its stand grouped by file, each with its fix;
 * and {@code summary.html} for organizers: stands by status, participation by region (regions with few
 * organizations stand out) and what changed since the previous build.
 */
final class SchoolReports {
    private SchoolReports() {
    }

    static void write(Path reportDir, BuildReport report, Exhibition ex, List<String> folders) {
        recordPublished(reportDir, writeReports(reportDir, report, ex, folders));
    }

    /**
     * Writes the schools' reports and the summary, without recording what is published (the summary's next "what
     * changed" compares with that record): a build writes them while its site is committed, and records what it
     * published once the commit succeeded.
     *
     * @return what to record; null when there is no exhibition (nothing is recorded then)
     */
    static List<String> writeReports(Path reportDir, BuildReport report, Exhibition ex, List<String> folders) {
        try {
            Path schools = reportDir.resolve("schools");
            Files.createDirectories(schools);
            Map<String, String> status = new TreeMap<>();
            for (String f : folders) {
                status.put(f, "опубликован");
            }
            for (LoadResult.LeftOut l : report.leftOut()) {
                status.put(l.folder(), "не опубликован: " + l.reason());
            }
            Map<String, List<Problem>> byFolder = problemsByFolder(report, status.keySet());
            // one report pair per stand folder (50,000 of them): on both cores, and rewritten only when changed; the
            // hashes of the reports written are kept in one file, so that an unchanged report is not read back
            // which reports are there comes from one listing of the folder, not from two stat calls per report
            Set<String> present = new java.util.HashSet<>();
            try (var listing = Files.newDirectoryStream(schools)) {
                listing.forEach(f -> present.add(f.getFileName().toString()));
            }
            try (RecordFile written = RecordFile.open(reportDir.resolve("schools.bin"), "school reports")) {
                status.entrySet().parallelStream().forEach(e -> {
                    List<Problem> problems = byFolder.getOrDefault(e.getKey(), List.of());
                    writeIfChanged(schools, e.getKey() + ".html", schoolHtml(e.getKey(), e.getValue(), problems),
                            written, present);
                    writeIfChanged(schools, e.getKey() + ".json", schoolJson(e.getKey(), e.getValue(), problems),
                            written, present);
                });
                written.commit();
            }
            Path previous = reportDir.resolve("published.txt");
            Set<String> before = Files.exists(previous) ? new TreeSet<>(Files.readAllLines(previous)) : Set.of();
            List<String> now = ex == null ? List.of()
                    : ex.stands().stream().map(s -> s.id().value() + " " + s.version()).sorted().toList();
            Files.writeString(reportDir.resolve("summary.html"), summaryHtml(report, ex, status, before, now),
                    StandardCharsets.UTF_8);
            return ex == null ? null : now;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write school reports into " + reportDir, e);
        }
    }

    /** Records the stands published (id and version per line) for the next summary; nothing for null. */
    static void recordPublished(Path reportDir, List<String> published) {
        if (published == null) {
            return;
        }
        try {
            Files.writeString(reportDir.resolve("published.txt"),
                    String.join("\n", published) + (published.isEmpty() ? "" : "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write school reports into " + reportDir, e);
        }
    }

    /** {@link #problemsOf} for every folder at once: one pass over the problems, not one per folder. */
    static Map<String, List<Problem>> problemsByFolder(BuildReport r, java.util.Collection<String> folders) {
        Map<String, List<Problem>> out = new java.util.HashMap<>();
        for (Problem p : r.problems()) {
            java.util.Set<String> owners = new java.util.LinkedHashSet<>();
            if (p.standId() != null && folders.contains(p.standId())) {
                owners.add(p.standId());
            }
            if (p.file().startsWith("stands/")) {
                int end = p.file().indexOf('/', "stands/".length());
                String folder = end < 0 ? null : p.file().substring("stands/".length(), end);
                if (folder != null && folders.contains(folder)) {
                    owners.add(folder);
                }
            }
            owners.forEach(o -> out.computeIfAbsent(o, k -> new ArrayList<>()).add(p));
        }
        return out;
    }

    /**
     * Writes the report unless the file holds it already: it is in the folder ({@code present}) and the hash
     * recorded when it was written matches, else its content read back matches.
     */
    private static void writeIfChanged(Path folder, String name, String content, RecordFile written,
                                       Set<String> present) {
        Path file = folder.resolve(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] hash = BuildKeys.digest().digest(bytes);
        try {
            boolean same = present.contains(name)
                    && (written.get(name).filter(h -> java.util.Arrays.equals(h, hash)).isPresent()
                    || Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes));
            if (!same) {
                Files.write(file, bytes);
            }
            written.put(name, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write school report " + file, e);
        }
    }

    static List<Problem> problemsOf(BuildReport r, String id) {
        String prefix = "stands/" + id + "/";
        return r.problems().stream().filter(p -> id.equals(p.standId()) || p.file().startsWith(prefix)).toList();
    }

    private static String schoolHtml(String id, String status, List<Problem> problems) {
        StringBuilder sb = head("Отчёт о проверке стенда " + id);
        sb.append("<h1>Стенд «").append(esc(id)).append("»</h1><p class=status>Статус: <b>").append(esc(status))
                .append("</b></p>");
        if (problems.isEmpty()) {
            sb.append("<p>Замечаний нет. Спасибо!</p>");
        } else {
            long errors = problems.stream().filter(Problem::isError).count();
            sb.append("<p>Ошибок: ").append(errors).append(", предупреждений: ").append(problems.size() - errors)
                    .append(". Ошибки нужно исправить — стенд с ошибками не публикуется; предупреждения желательно.</p>");
            Map<String, List<Problem>> byFile = new LinkedHashMap<>();
            problems.forEach(p -> byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p));
            byFile.forEach((file, ps) -> {
                sb.append("<h2>").append(esc(file)).append("</h2><ul>");
                for (Problem p : ps) {
                    sb.append("<li class=").append(p.isError() ? "error" : "warning").append("><b>")
                            .append(p.isError() ? "Ошибка" : "Предупреждение").append("</b>")
                            .append(p.line() > 0 ? ", строка " + p.line() + (p.column() > 0 ? ", позиция " + p.column() : "") : "")
                            .append(": ").append(esc(p.message()));
                    if (!p.hint().isEmpty()) {
                        sb.append("<br><span class=hint>Как исправить: ").append(esc(p.hint())).append("</span>");
                    }
                    sb.append("</li>");
                }
                sb.append("</ul>");
            });
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String schoolJson(String id, String status, List<Problem> problems) {
        return "{\"stand\": " + JsonText.quote(id) + ", \"status\": " + JsonText.quote(status) + ", \"problems\": ["
                + problems.stream().map(ReportJson::problem).collect(Collectors.joining(",")) + "\n]}\n";
    }

    private static String summaryHtml(BuildReport r, Exhibition ex, Map<String, String> status, Set<String> before,
                                      List<String> now) {
        StringBuilder sb = head("Сводка модерации и сборки");
        sb.append("<h1>Сводка</h1><p>Опубликовано: ").append(r.published().size()).append(", не опубликовано: ")
                .append(r.leftOut().size()).append(", ошибок: ").append(r.errors()).append(", предупреждений: ")
                .append(r.warnings()).append(".</p>");
        Map<String, List<String>> byStatus = new TreeMap<>();
        status.forEach((id, s) -> byStatus.computeIfAbsent(s.startsWith("опубликован") ? "опубликованы"
                : s.replaceFirst("^не опубликован: ", "").replaceFirst(":.*", ""), k -> new ArrayList<>()).add(id));
        sb.append("<h2>По статусам</h2><table><tr><th>Статус</th><th>Стенды</th></tr>");
        byStatus.forEach((s, ids) -> sb.append("<tr><td>").append(esc(s)).append(" (").append(ids.size())
                .append(")</td><td>").append(ids.stream().map(id -> "<a href=\"schools/" + esc(id) + ".html\">" + esc(id) + "</a>")
                        .collect(Collectors.joining(", "))).append("</td></tr>"));
        sb.append("</table>");
        Map<Integer, Integer> perRegion = new TreeMap<>();
        if (ex != null) {
            for (Stand s : ex.stands()) {
                perRegion.merge(s.org().region().code(), 1, Integer::sum);
            }
        }
        double mean = perRegion.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        sb.append("<h2>По регионам</h2><p>Выделены регионы, где участников меньше половины среднего (")
                .append(String.format(java.util.Locale.ROOT, "%.1f", mean)).append(") или нет совсем.</p><table>")
                .append("<tr><th>Код</th><th>Регион</th><th>Опубликовано стендов</th></tr>");
        for (Region region : Regions.all()) {
            int n = perRegion.getOrDefault(region.code(), 0);
            sb.append("<tr").append(n < mean / 2 ? " class=low" : "").append("><td>").append(region.slug())
                    .append("</td><td>").append(esc(region.name())).append("</td><td>").append(n).append("</td></tr>");
        }
        sb.append("</table><h2>Изменения с прошлой сборки</h2><ul>");
        Map<String, String> was = versions(before);
        Map<String, String> is = versions(new TreeSet<>(now));
        List<String> changes = new ArrayList<>();
        is.forEach((id, v) -> {
            if (!was.containsKey(id)) {
                changes.add("опубликован: " + id);
            } else if (!was.get(id).equals(v)) {
                changes.add("обновлён: " + id);
            }
        });
        was.keySet().stream().filter(id -> !is.containsKey(id)).forEach(id -> changes.add("снят с сайта: " + id));
        if (changes.isEmpty()) {
            sb.append("<li>без изменений</li>");
        }
        changes.forEach(c -> sb.append("<li>").append(esc(c)).append("</li>"));
        return sb.append("</ul></body></html>\n").toString();
    }

    private static Map<String, String> versions(Set<String> lines) {
        Map<String, String> m = new TreeMap<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0) {
                m.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return m;
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html><html lang=ru><head><meta charset=utf-8><title>").append(esc(title))
                .append("</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                        + ".error b{color:#b00020}.warning b{color:#8a5a00}.hint{color:#245}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.low{background:#fff3cd}</style></head><body>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
