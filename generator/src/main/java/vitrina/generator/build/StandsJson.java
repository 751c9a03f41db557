package vitrina.generator.build;

import java.util.List;
import java.util.stream.Collectors;
import vitrina.generator.model.Stand;
import vitrina.generator.render.Routes;

/** {@code data/stands.json}: the published stands, which the voting service loads to accept votes only for them. */
final class StandsJson {
    private StandsJson() {
    }

    static String toJson(List<Stand> stands) {
        String rows = stands.stream().sorted((a, b) -> a.id().compareTo(b.id())).map(s -> "    {\"id\": "
                + Json.quote(s.id().value()) + ", \"name\": " + Json.quote(s.org().shortName())
                + ", \"region\": " + s.org().region().code() + ", \"type\": " + Json.quote(s.org().type().id())
                + ", \"nominations\": [" + s.nominations().stream().map(Json::quote).collect(Collectors.joining(", "))
                + "], \"url\": " + Json.quote(Routes.stand(s.id())) + "}").collect(Collectors.joining(",\n"));
        return "{\"stands\": [\n" + rows + (rows.isEmpty() ? "" : "\n") + "]}\n";
    }
}
