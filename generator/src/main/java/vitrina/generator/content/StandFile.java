package vitrina.generator.content;

import java.util.List;
import java.util.Map;
import vitrina.generator.model.Organization;

/**
 * What stand.yaml says, validated field by field, with positions kept for the checks that need the files.
 *
 * @param org         the organization, or null when a required field was wrong (errors are reported)
 * @param nominations nomination ids, all known to site.yaml
 * @param logo        {@code logo:} path, or null
 * @param cover       {@code cover:} path, or null
 * @param sections    {@code sections:} order, or empty for the default order
 * @param materials   {@code materials:} entries
 * @param captions    {@code gallery_captions:} path to caption, in the order written
 */
record StandFile(Organization org, List<String> nominations, Ref logo, Ref cover, List<Ref> sections,
                 List<MaterialEntry> materials, Map<String, Ref> captions) {

    /** A value written in stand.yaml and where: file paths, section slugs, captions. */
    record Ref(String value, int line, int column) {
        static Ref of(YamlNode node) {
            return new Ref(node.text().strip(), node.line(), node.column());
        }
    }

    /** One {@code materials:} item. */
    record MaterialEntry(Ref file, String title, String description, String nomination) {
    }
}
