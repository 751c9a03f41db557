package vitrina.generator.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decisions of moderation.yaml. When the file exists, only approved stands publish; a stand whose approved
 * version is pinned and differs from the current files waits for the next round. When it is absent, every
 * valid stand publishes (preview mode).
 */
final class Moderation {
    static final String FILE = "moderation.yaml";
    private static final List<String> STATUSES = List.of("approved", "changes-requested", "rejected");

    /** One stand's decision, with where its id is written (for warnings). */
    record Decision(String status, String version, String comment, int line, int column) {
    }

    private final LocalDate date;
    private final Map<String, Decision> decisions;
    private final boolean unreadable;

    private Moderation(LocalDate date, Map<String, Decision> decisions, boolean unreadable) {
        this.date = date;
        this.decisions = decisions;
        this.unreadable = unreadable;
    }

    /** A moderation that publishes nothing: used when moderation.yaml exists but cannot be read. */
    static Moderation nothingApproved() {
        return new Moderation(null, Map.of(), true);
    }

    /** Whether moderation.yaml exists but could not be read (then nothing publishes). */
    boolean unreadable() {
        return unreadable;
    }

    /** Empty when the file does not exist; {@link #nothingApproved()} when it is broken (errors reported). */
    static Optional<Moderation> read(Path contentDir, Issues issues) throws IOException {
        Path file = contentDir.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            issues.in(FILE).warning(0, 0, "moderation.absent", "Нет файла moderation.yaml: публикуются все стенды без ошибок (режим предпросмотра).",
                    "Для публичного сайта создайте moderation.yaml с решениями модераторов: только одобренные стенды попадут на сайт.");
            return Optional.empty();
        }
        Issues.At out = issues.in(FILE);
        Optional<YamlNode> root = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                ? TextReader.read(file, out).flatMap(t -> YamlReader.parse(t, 0, out)) : Optional.empty();
        if (root.isEmpty() || !root.get().isMap()) {
            out.error(0, 0, "moderation.unreadable", "moderation.yaml не прочитан: ни один стенд не будет опубликован.",
                    "Исправьте ошибки в moderation.yaml (образец — в CONTENT.md).");
            return Optional.of(nothingApproved());
        }
        Fields f = Fields.root(root.get(), out, "moderation");
        f.allowOnly(List.of("round", "date", "stands"));
        f.integer("round");
        LocalDate date = f.date("date");
        Map<String, Decision> decisions = new TreeMap<>();
        Fields stands = f.nested("stands");
        if (stands != null) {
            for (YamlNode.Entry e : root.get().entry("stands").value().entries().values()) {
                decision(e, out).ifPresent(d -> decisions.put(e.key(), d));
            }
        }
        return Optional.of(new Moderation(date, decisions, false));
    }

    private static Optional<Decision> decision(YamlNode.Entry e, Issues.At out) {
        if (!e.value().isMap()) {
            out.error(e, "moderation.field.type", "Решение по стенду «" + e.key() + "» записано неверно.",
                    "Пишите так: " + e.key() + ": { status: approved, version: \"sha256:...\" }");
            return Optional.empty();
        }
        Fields d = new Fields(e.value(), out, "moderation", "stands." + e.key() + ".", e.line(), e.column());
        d.allowOnly(List.of("status", "version", "comment"));
        String status = d.requireText("status", "status: approved   (approved, changes-requested или rejected)");
        if (status != null && !STATUSES.contains(status)) {
            out.error(d.entry("status").value(), "moderation.status.unknown", "Статус «" + status + "» у стенда «" + e.key() + "» не известен.",
                    Suggest.closest(status, STATUSES).map(s -> "Возможно, вы имели в виду " + s + ". ").orElse("")
                            + "Допустимые статусы: " + String.join(", ", STATUSES) + ".");
            status = null;
        }
        return status == null ? Optional.empty()
                : Optional.of(new Decision(status, d.text("version"), d.text("comment"), e.line(), e.column()));
    }

    LocalDate date() {
        return date;
    }

    Optional<Decision> find(String standId) {
        return Optional.ofNullable(decisions.get(standId));
    }

    /** Stands whose approved version is pinned but whose working folder no longer exists (kept by the snapshot store). */
    List<String> pinnedWithoutFolder(Collection<String> folders) {
        return decisions.entrySet().stream().filter(e -> !folders.contains(e.getKey()))
                .filter(e -> e.getValue().version() != null && !"rejected".equals(e.getValue().status()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Warns about decisions for stand folders that do not exist. */
    void reportUnknown(Collection<String> folders, Issues issues) {
        decisions.forEach((id, d) -> {
            if (!folders.contains(id) && (d.version() == null || "rejected".equals(d.status()))) {
                issues.in(FILE).warning(d.line(), d.column(), "moderation.stand.unknown", "В moderation.yaml указан стенд «" + id + "», которого нет в stands/.",
                        Suggest.closest(id, folders).map(s -> "Возможно, имелся в виду " + s + ".").orElse("Проверьте id стенда: он совпадает с именем папки."));
            }
        });
    }
}
