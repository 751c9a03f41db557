package vitrina.generator.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vitrina.generator.problem.Problem;
import vitrina.generator.results.VoteTally;

/**
 * Finds and reads the voting service's export: {@code --votes} (a file or an http(s) URL), else
 * {@code content/evaluation/votes.json} when it exists. A file that is missing, unreachable or broken becomes a
 * problem, and the vote then takes no part in the rating.
 */
final class VotesSource {
    /** Where the export is looked for when {@code --votes} is not given, relative to the content folder. */
    static final String DEFAULT_FILE = "evaluation/votes.json";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String HINT = "Проверьте адрес или путь в --votes; пока голоса не учитываются в рейтинге";

    private VotesSource() {
    }

    /** The tally, or null when there is no export or it could not be read (then with a problem). */
    static VoteTally read(String option, Path contentDir, Set<String> published, Map<String, List<String>> nominations,
                          Consumer<Problem> problems) {
        if (option == null || option.isBlank()) {
            Path file = contentDir.resolve(DEFAULT_FILE);
            return Files.isRegularFile(file) ? parse(readFile(file, DEFAULT_FILE, problems), DEFAULT_FILE, published,
                    nominations, problems) : null;
        }
        String source = option.strip();
        if (source.matches("(?i)https?://.+")) {
            return parse(fetch(source, problems), source, published, nominations, problems);
        }
        Path file;
        try {
            file = Path.of(source);
        } catch (InvalidPathException e) {
            problems.accept(Problem.error(source, 0, 0, "evaluation.votes.missing",
                    "Путь к файлу голосования записан с ошибкой: " + e.getReason(), HINT));
            return null;
        }
        String name = displayName(contentDir, file);
        if (!Files.isRegularFile(file)) {
            problems.accept(Problem.error(name, 0, 0, "evaluation.votes.missing",
                    "Файл итогов голосования не найден; голоса не учитываются",
                    "Укажите в --votes путь к выгрузке из сервиса голосования"));
            return null;
        }
        return parse(readFile(file, name, problems), name, published, nominations, problems);
    }

    private static VoteTally parse(byte[] bytes, String name, Set<String> published,
                                   Map<String, List<String>> nominations, Consumer<Problem> problems) {
        return bytes == null ? null : VoteTally.parse(bytes, name, published, nominations, problems);
    }

    private static byte[] readFile(Path file, String name, Consumer<Problem> problems) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            problems.accept(Problem.error(name, 0, 0, "evaluation.votes.read",
                    "Файл итогов голосования не читается: " + e.getMessage(), HINT));
            return null;
        }
    }

    /** GET with timeouts; any failure (network, status other than 200) is a problem and gives null. */
    static byte[] fetch(String url, Consumer<Problem> problems) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            problems.accept(Problem.error(url, 0, 0, "evaluation.votes.fetch",
                    "Адрес выгрузки голосования записан с ошибкой: " + e.getMessage(), HINT));
            return null;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                problems.accept(Problem.error(url, 0, 0, "evaluation.votes.fetch",
                        "Сервис голосования ответил кодом " + response.statusCode() + " вместо 200; голоса не учитываются",
                        HINT));
                return null;
            }
            return response.body();
        } catch (IOException e) {
            problems.accept(Problem.error(url, 0, 0, "evaluation.votes.fetch",
                    "Не удалось загрузить итоги голосования (" + describe(e) + "); голоса не учитываются", HINT));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.accept(Problem.error(url, 0, 0, "evaluation.votes.fetch",
                    "Загрузка итогов голосования прервана; голоса не учитываются", HINT));
            return null;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "сервис не ответил за отведённое время";
        }
        if (e instanceof java.net.ConnectException) {
            return "сервис недоступен";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String displayName(Path contentDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = contentDir.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : file).toString().replace('\\', '/');
    }
}
