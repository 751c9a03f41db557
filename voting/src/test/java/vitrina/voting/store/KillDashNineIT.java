package vitrina.voting.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.voting.bench.VoteClient;

/**
 * Durability under kill -9: start the real jar, drive concurrent votes over HTTP, SIGKILL the process
 * mid-load (Process.destroyForcibly on Linux), restart it on the same SQLite file and check that every
 * acknowledged (201) vote id is in the database.
 */
class KillDashNineIT {
    @TempDir Path dir;

    @Test void noAcknowledgedVoteIsLostWhenTheServiceIsKilled() throws Exception {
        Path stands = dir.resolve("stands.json");
        Files.writeString(stands, "{\"stands\":[{\"id\":\"a\",\"nominations\":[]},{\"id\":\"b\",\"nominations\":[]}]}");
        Path db = dir.resolve("votes.db");
        Set<String> acked = Load.drive(start(db, stands), 1000, 10_000);
        assertTrue(acked.size() >= 100, "load produced too few acknowledged votes: " + acked.size());

        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT vote_id FROM votes")) {
            while (rs.next()) stored.add(rs.getString(1));
        }
        System.out.println("kill -9: " + acked.size() + " acknowledged, " + stored.size() + " stored");
        Set<String> lost = new HashSet<>(acked);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged but lost after kill -9 (" + acked.size() + " acknowledged, "
                + stored.size() + " stored)");

        Running again = start(db, stands);
        try {
            VoteClient.Result r = new VoteClient(again.base(), "http://127.0.0.1:8080").vote("after-restart", "a");
            assertEquals(201, r.status(), "service accepts votes after restart on the recovered file");
        } finally {
            again.process().destroyForcibly().waitFor();
        }
    }

    record Running(Process process, String base) {}

    Running start(Path db, Path stands) throws Exception {
        String jar = System.getProperty("vitrina.voting.jar", "target/vitrina-voting.jar");
        assertTrue(Files.exists(Path.of(jar)), "shaded jar missing (run mvn verify): " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-jar", jar, "--host", "127.0.0.1", "--port", "0",
                "--db", "sqlite:" + db, "--stands", stands.toString(), "--from", "2000-01-01", "--to", "2099-12-31",
                "--origin", "http://127.0.0.1:8080", "--secret", "kill-test-secret-kill-test",
                "--benchmark-insecure", "--pow-bits", "2", "--rate-global", "100000", "--rate-ip", "10000000")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("LISTENING ")) {
                Thread drain = new Thread(() -> { try { while (out.readLine() != null) { /* discard */ } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return new Running(p, "http://127.0.0.1:" + line.substring(10).strip());
            }
        }
        p.destroyForcibly();
        throw new AssertionError("service did not start");
    }

    /** Drives votes from 16 threads, kills the service once {@code killAtAcks} votes are acknowledged (or after
     *  {@code maxMillis}), and returns the acknowledged ids. */
    static final class Load {
        static Set<String> drive(Running service, int killAtAcks, long maxMillis) throws Exception {
            ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            VoteClient client = new VoteClient(service.base(), "http://127.0.0.1:8080");
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; !stop.get() && i < 100_000; i++) {
                        try {
                            VoteClient.Result r = client.voteRaw("k" + thread + "-" + i, i % 2 == 0 ? "a" : "b");
                            if (r.status() == 201) acked.add(r.voteId());
                        } catch (Exception e) {
                            return; // connection refused or reset: the service is gone
                        }
                    }
                }));
            }
            long deadline = System.currentTimeMillis() + maxMillis;
            while (acked.size() < killAtAcks && System.currentTimeMillis() < deadline) Thread.sleep(5);
            service.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            service.process().waitFor(10, TimeUnit.SECONDS);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            return new HashSet<>(acked);
        }
    }
}
