package vitrina.generator.content;

import java.util.List;
import java.util.Optional;
import vitrina.generator.model.Stand;

/** Applies a moderation decision to a valid stand: publish it (with the approval date) or leave it out. */
final class Publication {
    private Publication() {
    }

    static Optional<Stand> decide(Stand stand, Moderation moderation, Issues issues, List<LoadResult.LeftOut> leftOut) {
        String id = stand.id().value();
        Optional<Moderation.Decision> decision = moderation.find(id);
        if (moderation.unreadable()) {
            leftOut.add(new LoadResult.LeftOut(id, "moderation.yaml не прочитан, решения модераторов неизвестны"));
            return Optional.empty();
        }
        if (decision.isEmpty()) {
            leftOut.add(new LoadResult.LeftOut(id, "ожидает модерации: стенда нет в moderation.yaml"));
            return Optional.empty();
        }
        Moderation.Decision d = decision.get();
        switch (d.status()) {
            case "approved":
                if (d.version() != null && !d.version().equals(stand.version())) {
                    issues.in(Moderation.FILE).warning(d.line(), d.column(), "moderation.version.changed",
                            "Стенд «" + id + "» изменён после одобрения: одобрена версия " + d.version() + ", сейчас " + stand.version() + ".",
                            "Изменения будут опубликованы после следующего тура модерации; до тех пор стенд не публикуется.");
                    leftOut.add(new LoadResult.LeftOut(id, "изменён после одобрения, ожидает следующего тура модерации"));
                    return Optional.empty();
                }
                return Optional.of(new Stand(stand.id(), stand.org(), stand.nominations(), stand.sections(), stand.materials(),
                        stand.photos(), stand.logo(), stand.cover(), stand.version(), moderation.date()));
            case "changes-requested":
                leftOut.add(new LoadResult.LeftOut(id, "модератор запросил исправления" + comment(d)));
                return Optional.empty();
            default:
                leftOut.add(new LoadResult.LeftOut(id, "отклонён модератором" + comment(d)));
                return Optional.empty();
        }
    }

    private static String comment(Moderation.Decision d) {
        return d.comment() == null ? "" : ": " + d.comment();
    }
}
