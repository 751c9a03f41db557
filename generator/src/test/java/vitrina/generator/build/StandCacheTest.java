package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Regions;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/** Entries and their heads: a head never vouches for an entry it does not describe, even after a killed build. */
class StandCacheTest {
    @TempDir
    Path dir;

    private static Stand stand(String version) {
        Organization org = new Organization("Школа № 1", "Школа 1", OrgType.SCHOOL, Regions.requireByCode(77), "Москва",
                null, "7707083893", "1027700132195", null, 1990, null, null, "");
        return new Stand(new StandId("shkola-1"), org, List.of("innovation"), List.of(), List.of(), List.of(), null,
                null, version, null);
    }

    private static Build.Prepared prepared(Stand stand, String html) {
        return new Build.Prepared(stand, Map.of("index", new RenderedMarkdown(html, "текст", List.of())), Map.of(),
                Map.of(), Map.of(), List.of(), Map.of());
    }

    @Test
    void anEntryWrittenAndCommittedIsFoundByTheNextBuildAndAStandNotSeenDropsOut() {
        StandCache first = new StandCache(dir, "gen");
        assertFalse(first.has(stand("v1")));
        first.write(prepared(stand("v1"), "<p>один</p>"));
        assertTrue(first.has(stand("v1")), "written in this build: usable in this build");
        first.commit(false);
        first.close();

        StandCache second = new StandCache(dir, "gen");
        assertTrue(second.has(stand("v1")));
        assertFalse(second.has(stand("v2")), "another version of the stand");
        assertEquals("<p>один</p>", second.readForPages(stand("v1")).orElseThrow().sections().get("index").html());
        second.commit(false);
        second.close();

        StandCache third = new StandCache(dir, "gen");
        third.commit(false); // a build without the stand
        third.close();
        StandCache fourth = new StandCache(dir, "gen");
        assertFalse(fourth.has(stand("v1")));
        fourth.close();
    }

    @Test
    void aBuildOfOneStandKeepsTheOtherStandsHeads() {
        StandCache full = new StandCache(dir, "gen");
        full.write(prepared(stand("v1"), "<p>один</p>"));
        full.commit(false);
        full.close();

        StandCache preview = new StandCache(dir, "gen"); // vitrina serve --stand another-one: shkola-1 is not seen
        preview.commit(true);
        preview.close();

        StandCache next = new StandCache(dir, "gen");
        assertTrue(next.has(stand("v1")), "not prepared again after a preview of another stand");
        next.close();
    }

    @Test
    void aBuildKilledAfterReplacingAnEntryLeavesNoHeadThatVouchesForIt() {
        StandCache first = new StandCache(dir, "gen");
        first.write(prepared(stand("v1"), "<p>один</p>"));
        first.commit(false);
        first.close();

        StandCache killed = new StandCache(dir, "gen");
        assertTrue(killed.has(stand("v1")));
        killed.write(prepared(stand("v2"), "<p>два</p>")); // the stand was edited; the build dies before its commit
        killed.close();

        StandCache next = new StandCache(dir, "gen"); // the edit was undone meanwhile
        assertFalse(next.has(stand("v1")), "the previous head names v1 but the entry on disk is v2");
        next.write(prepared(stand("v1"), "<p>один</p>"));
        assertTrue(next.has(stand("v1")));
        next.commit(false);
        next.close();

        StandCache settled = new StandCache(dir, "gen");
        assertTrue(settled.has(stand("v1")));
        assertEquals("<p>один</p>", settled.readForPages(stand("v1")).orElseThrow().sections().get("index").html());
        settled.close();
    }
}
