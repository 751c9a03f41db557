package vitrina.voting;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vitrina.voting.config.ConfigException;
import vitrina.voting.config.ConfigReader;
import vitrina.voting.config.StandsSource;
import vitrina.voting.config.VotingConfig;
import vitrina.voting.http.VotingServer;
import vitrina.voting.store.PostgresVoteStore;
import vitrina.voting.store.SqliteVoteStore;
import vitrina.voting.store.StoreUnavailable;
import vitrina.voting.store.VoteStore;

/**
 * {@code java -jar vitrina-voting.jar [--flags]}: reads the configuration, opens (and migrates) the store,
 * loads the published stands and serves until stopped. Exit codes: 2 configuration error, 3 fatal error.
 */
public final class VotingMain {
    private static final Logger LOG = LoggerFactory.getLogger(VotingMain.class);

    private VotingMain() {}

    private static final String USAGE = """
            Использование: java -jar vitrina-voting.jar [флаги]   (каждый флаг можно задать и переменной VITRINA_VOTING_<ИМЯ>)
              --port N              порт (по умолчанию 7070)          --host ADDR   адрес (по умолчанию 0.0.0.0)
              --db FILE|postgresql://…   SQLite-файл (по умолчанию votes.db) или PostgreSQL для нескольких экземпляров
              --stands FILE|URL     data/stands.json опубликованного сайта: голосовать можно только за эти стенды
              --site site.yaml      период голосования из voting.from/to (или --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД)
              --origin URL          адрес сайта (CORS; можно несколько через запятую)
              --admin-token T       токен для /api/v1/admin/*      --secret S | --secret-file F   ключ подписи
              --per-day             один голос в день вместо одного за конкурс
              --pow-bits N          сложность proof-of-work (по умолчанию 17)
            Подробно: voting/README.md
            """;

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        VotingConfig config;
        try {
            config = ConfigReader.read(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("Ошибка настройки: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            VoteStore store = openStore(config);
            StandsSource stands = new StandsSource(config.stands());
            stands.reload();
            VotingServer server = new VotingServer(config, store, stands, Clock.systemUTC()).start();
            listenForHangup(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                store.close();
            }, "voting-shutdown"));
            LOG.info("voting service on {}:{} with {} stands, {}", config.host(), server.port(),
                    stands.current().size(), config);
            System.out.println("LISTENING " + server.port());
        } catch (ConfigException | StoreUnavailable e) {
            System.err.println("Сервис голосования не запущен: " + e.getMessage());
            System.exit(3);
        }
    }

    static VoteStore openStore(VotingConfig config) {
        return config.usesPostgres() ? PostgresVoteStore.open(config.db(), config.dbSchema())
                : SqliteVoteStore.open(config.sqliteFile());
    }

    /** SIGHUP reloads the stands list (sun.misc.Signal; ignored where the JVM does not offer it). */
    private static void listenForHangup(VotingServer server) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> server.reloadStands());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.info("SIGHUP reload unavailable: {}", e.getMessage());
        }
    }
}
