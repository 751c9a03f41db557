package vitrina.generator.content;

import java.util.ArrayList;
import java.util.List;
import vitrina.generator.model.SiteConfig;

/** Reads the {@code materials:} list of stand.yaml: file, title, description and nomination of each material. */
final class MaterialsReader {
    private static final List<String> KNOWN = List.of("file", "title", "description", "nomination");

    private final SiteConfig site;

    MaterialsReader(SiteConfig site) {
        this.site = site;
    }

    List<StandFile.MaterialEntry> read(Fields f) {
        List<StandFile.MaterialEntry> result = new ArrayList<>();
        List<YamlNode> items = f.list("materials");
        if (items == null) {
            return result;
        }
        for (YamlNode item : items) {
            if (!item.isMap()) {
                f.out().error(item, "stand.field.type", "Элемент списка «materials» должен иметь поля file и title, а записано " + item.describe() + ".",
                        "Пишите так: - { file: files/programma.pdf, title: \"Программа развития\" }");
                continue;
            }
            Fields m = new Fields(item, f.out(), "stand", "materials.", item.line(), item.column());
            m.allowOnly(KNOWN);
            String file = m.requireText("file", "file: files/programma.pdf");
            String nomination = m.text("nomination");
            if (nomination != null && site.findNomination(nomination).isEmpty()) {
                StandValidator.reportUnknownNomination(f.out(), m.entry("nomination").value(), nomination, site,
                        "materials.nomination");
                nomination = null;
            }
            if (file != null) {
                result.add(new StandFile.MaterialEntry(StandFile.Ref.of(m.entry("file").value()), m.text("title"),
                        m.text("description"), nomination));
            }
        }
        return result;
    }
}
